package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 5061 section 4.2.1).
public record AddIpAddressParameter() implements Parameter {

    public static AddIpAddressParameter decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int type() {
        return ParameterType.ADD_IP_ADDRESS;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
