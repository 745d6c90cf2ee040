package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Invalid Stream Identifier, RFC 9260 section 3.3.10.1: DATA arrived for a stream that does not
 * exist.
 *
 * <pre>
 *  Cause Code = 1 | Cause Length = 8
 *  Stream Identifier (16) | (Reserved) (16)
 * </pre>
 *
 * @param streamId the stream identifier of the DATA chunk in error
 */
public record InvalidStreamIdentifierCause(int streamId) implements ErrorCause {

    /** Length in bytes of the error cause's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param streamId the stream identifier of the DATA chunk in error
     * @throws IllegalArgumentException if a component is out of range
     */
    public InvalidStreamIdentifierCause {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static InvalidStreamIdentifierCause decode(WireReader value) throws DecodeException {
        int streamId = value.readU16();
        value.skip(2); // RFC 9260 section 3.3.10.1: reserved, sent as zero and ignored on receipt
        value.expectEnd();
        return new InvalidStreamIdentifierCause(streamId);
    }

    @Override
    public int code() {
        return CauseCode.INVALID_STREAM_IDENTIFIER;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), "stream " + streamId);
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU16(out, streamId);
        WireWriter.writeU16(out, 0);
    }
}
