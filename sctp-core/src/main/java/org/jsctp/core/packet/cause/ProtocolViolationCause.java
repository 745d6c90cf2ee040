package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Protocol Violation, RFC 9260 section 3.3.10.13: the peer broke the protocol in a way no more
 * specific cause covers.
 *
 * <pre>
 *  Cause Code = 13 | Cause Length
 *  Additional Information (Cause Length - 4 bytes, possibly none)
 * </pre>
 *
 * <p>Implementations usually put text here (usrsctp and Linux say what was wrong, e.g. which
 * length was bad); {@link #of(String)} and {@link #informationText()} convert from and to UTF-8.
 *
 * @param information the additional information, possibly empty
 */
public record ProtocolViolationCause(Bytes information) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param information the additional information, possibly empty
     */
    public ProtocolViolationCause {
        Echoed.check(information, 0, "additional information");
    }

    /**
     * {@return a protocol violation explained by {@code text} in UTF-8}
     *
     * @param text the explanation
     */
    public static ProtocolViolationCause of(String text) {
        return new ProtocolViolationCause(CauseText.utf8(text));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ProtocolViolationCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.13: any bytes, none included
        return new ProtocolViolationCause(value.readRemaining());
    }

    /** {@return the additional information decoded as UTF-8; malformed bytes become U+FFFD} */
    public String informationText() {
        return CauseText.utf8(information);
    }

    @Override
    public int code() {
        return CauseCode.PROTOCOL_VIOLATION;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), CauseText.printable(informationText()));
    }

    @Override
    public int valueLength() {
        return information.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        information.writeTo(out);
    }
}
