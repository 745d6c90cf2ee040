package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Association Aborted Due to Illegal ASCONF-ACK, RFC 5061 section 4.3.4: sent in the ABORT that
 * answers an ASCONF-ACK whose serial number is ahead of any ASCONF sent; the header alone.
 *
 * <pre>
 *  Cause Code = 0x00A3 | Cause Length = 4
 * </pre>
 */
public record IllegalAsconfAckCause() implements ErrorCause {

    /** The only instance: the error cause has no fields. */
    public static final IllegalAsconfAckCause INSTANCE = new IllegalAsconfAckCause();

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static IllegalAsconfAckCause decode(WireReader value) throws DecodeException {
        value.expectEnd(); // RFC 5061 section 4.3.4: the header alone, Cause Length 4
        return INSTANCE;
    }

    @Override
    public int code() {
        return CauseCode.ILLEGAL_ASCONF_ACK;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
