package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

// STUB: to be replaced by the real implementation (RFC 9260 section 3.3.10.11).
public record RestartWithNewAddressesCause() implements ErrorCause {

    public static RestartWithNewAddressesCause decode(WireReader value) throws DecodeException {
        throw value.fail(DecodeException.Reason.INVALID_VALUE, "not implemented yet");
    }

    @Override
    public int code() {
        return CauseCode.RESTART_WITH_NEW_ADDRESSES;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
