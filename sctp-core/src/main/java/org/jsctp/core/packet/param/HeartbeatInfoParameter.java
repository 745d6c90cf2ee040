package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 9260 section 3.3.5).
public record HeartbeatInfoParameter() implements Parameter {

    public static HeartbeatInfoParameter decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int type() {
        return ParameterType.HEARTBEAT_INFO;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
