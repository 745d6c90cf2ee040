package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * User-Initiated Abort, RFC 9260 section 3.3.10.12: the upper layer asked for the abort, and may
 * have given a reason that SCTP carries transparently.
 *
 * <pre>
 *  Cause Code = 12 | Cause Length
 *  Upper Layer Abort Reason (Cause Length - 4 bytes, possibly none)
 * </pre>
 *
 * <p>The reason is opaque to SCTP; it is often text, for which {@link #of(String)} and
 * {@link #reasonText()} convert from and to UTF-8.
 *
 * @param reason the upper layer's abort reason, possibly empty
 */
public record UserInitiatedAbortCause(Bytes reason) implements ErrorCause {

    /** An abort without a reason. */
    public static final UserInitiatedAbortCause NO_REASON = new UserInitiatedAbortCause(Bytes.empty());

    /**
     * Checks the ranges.
     *
     * @param reason the upper layer's abort reason, possibly empty
     */
    public UserInitiatedAbortCause {
        Echoed.check(reason, 0, "abort reason");
    }

    /**
     * {@return an abort whose reason is {@code text} in UTF-8}
     *
     * @param text the reason
     */
    public static UserInitiatedAbortCause of(String text) {
        return new UserInitiatedAbortCause(CauseText.utf8(text));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UserInitiatedAbortCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.12: any bytes, none included
        return new UserInitiatedAbortCause(value.readRemaining());
    }

    /** {@return the reason decoded as UTF-8; malformed bytes become U+FFFD} */
    public String reasonText() {
        return CauseText.utf8(reason);
    }

    @Override
    public int code() {
        return CauseCode.USER_INITIATED_ABORT;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.printable(reasonText()));
    }

    @Override
    public int valueLength() {
        return reason.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        reason.writeTo(out);
    }
}
