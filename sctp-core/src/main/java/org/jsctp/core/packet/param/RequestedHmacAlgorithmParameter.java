package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 4895 section 3.3).
public record RequestedHmacAlgorithmParameter() implements Parameter {

    public static RequestedHmacAlgorithmParameter decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int type() {
        return ParameterType.REQUESTED_HMAC_ALGORITHM;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
