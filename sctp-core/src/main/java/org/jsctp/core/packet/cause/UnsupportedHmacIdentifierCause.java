package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Unsupported HMAC Identifier, RFC 4895 section 4.1: an AUTH chunk named an HMAC algorithm the
 * receiver does not support (RFC 4895 section 6.3).
 *
 * <pre>
 *  Cause Code = 0x0105 | Cause Length = 6
 *  HMAC Identifier (16) | Padding (16)
 * </pre>
 *
 * <p>The Cause Length is 6: the value is the 2-byte identifier, and the 2 bytes after it are the
 * ordinary padding of a cause (RFC 9260 section 3.2), written by the framework.
 *
 * @param hmacId the HMAC identifier of the AUTH chunk (RFC 4895 section 3.3: 1 is SHA-1, 3 is
 * SHA-256)
 */
public record UnsupportedHmacIdentifierCause(int hmacId) implements ErrorCause {

    /** Length in bytes of the error cause's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 2;

    /**
     * Checks the ranges.
     *
     * @param hmacId the HMAC identifier of the AUTH chunk (RFC 4895 section 3.3: 1 is SHA-1, 3 is
     *     SHA-256)
     * @throws IllegalArgumentException if a component is out of range
     */
    public UnsupportedHmacIdentifierCause {
        if (hmacId < 0 || hmacId > 0xFFFF) {
            throw new IllegalArgumentException("HMAC identifier is a 16-bit value: " + hmacId);
        }
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UnsupportedHmacIdentifierCause decode(WireReader value) throws DecodeException {
        int hmacId = value.readU16();
        value.expectEnd(); // RFC 4895 section 4.1: Cause Length is 6
        return new UnsupportedHmacIdentifierCause(hmacId);
    }

    @Override
    public int code() {
        return CauseCode.UNSUPPORTED_HMAC_IDENTIFIER;
    }

    @Override
    public String describe() {
        String algorithm = switch (hmacId) {
            case 1 -> " (SHA-1)";
            case 3 -> " (SHA-256)";
            default -> "";
        };
        return CauseText.describe(code(), hmacId + algorithm);
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU16(out, hmacId);
    }
}
