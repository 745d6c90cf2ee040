package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (draft-ietf-tsvwg-natsupp section 5.2).
public record MissingNatTableEntryCause() implements ErrorCause {

    public static MissingNatTableEntryCause decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int code() {
        return CauseCode.MISSING_NAT_TABLE_ENTRY;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
