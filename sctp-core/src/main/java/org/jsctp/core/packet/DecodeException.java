package org.jsctp.core.packet;

/**
 * The one error the wire-format decoder raises: the bytes do not form a valid SCTP element.
 *
 * <p>It says what was wrong ({@link #reason()}), in which element ({@link #element()}) and at
 * which byte offset of the input ({@link #offset()}). Attackers control every byte we decode, so
 * the exception carries no stack trace: building one per bad packet would make a flood of
 * malformed packets expensive to reject.
 */
public final class DecodeException extends Exception {

    /** Why decoding stopped. */
    public enum Reason {
        /** Fewer bytes remain than the element needs. */
        TRUNCATED,
        /** A length field is below the element's minimum, or is not a multiple its format needs. */
        LENGTH_TOO_SHORT,
        /** A length field runs past the end of the enclosing element or packet. */
        LENGTH_OVERRUN,
        /** The element is not followed by the padding its length requires (RFC 9260 section 3.2). */
        MISSING_PADDING,
        /** The CRC32C checksum does not match the packet (RFC 9260 section 6.8). */
        BAD_CHECKSUM,
        /** A field holds a value its definition forbids. */
        INVALID_VALUE,
        /** A length field is longer than the element's fixed format allows. */
        LENGTH_TOO_LONG
    }

    /**
     * What kind of problem stopped decoding.
     */
    private final Reason reason;
    /**
     * The element being decoded, e.g. "INIT chunk".
     */
    private final String element;
    /**
     * Where in the packet the problem was, in bytes.
     */
    private final int offset;

    /**
     * An error in {@code element} at {@code offset}.
     *
     * @param reason what kind of problem
     * @param element the element's name, e.g. "INIT chunk"
     * @param offset the byte offset in the packet
     * @param detail what was wrong, for the message
     */
    public DecodeException(Reason reason, String element, int offset, String detail) {
        super(element + " at offset " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.element = element;
        this.offset = offset;
    }

    /** {@return what kind of problem stopped decoding} */
    public Reason reason() {
        return reason;
    }

    /** {@return the element being decoded, e.g. "INIT chunk" or "IPv4 Address parameter"} */
    public String element() {
        return element;
    }

    /** {@return byte offset of the problem, counted from the start of the decoded input} */
    public int offset() {
        return offset;
    }
}
