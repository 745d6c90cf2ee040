package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 5061 section 5.1).
public record DeleteLastRemainingAddressCause() implements ErrorCause {

    public static DeleteLastRemainingAddressCause decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int code() {
        return CauseCode.DELETE_LAST_REMAINING_ADDRESS;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
