package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 4820 section 4).
public record PaddingParameter() implements Parameter {

    public static PaddingParameter decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int type() {
        return ParameterType.PADDING;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
