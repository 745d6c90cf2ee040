package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Out of Resource, RFC 9260 section 3.3.10.4: the sender ran out of resources, typically memory;
 * the header alone.
 *
 * <pre>
 *  Cause Code = 4 | Cause Length = 4
 * </pre>
 */
public record OutOfResourceCause() implements ErrorCause {

    /** The only instance: the error cause has no fields. */
    public static final OutOfResourceCause INSTANCE = new OutOfResourceCause();

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static OutOfResourceCause decode(WireReader value) throws DecodeException {
        value.expectEnd(); // RFC 9260 section 3.3.10.4: the header alone, Cause Length 4
        return INSTANCE;
    }

    @Override
    public int code() {
        return CauseCode.OUT_OF_RESOURCE;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
