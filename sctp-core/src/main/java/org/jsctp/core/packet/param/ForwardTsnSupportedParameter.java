package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 3758 section 3.1).
public record ForwardTsnSupportedParameter() implements Parameter {

    public static ForwardTsnSupportedParameter decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int type() {
        return ParameterType.FORWARD_TSN_SUPPORTED;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
