package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 4895 section 4.1).
public record UnsupportedHmacIdentifierCause() implements ErrorCause {

    public static UnsupportedHmacIdentifierCause decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int code() {
        return CauseCode.UNSUPPORTED_HMAC_IDENTIFIER;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
