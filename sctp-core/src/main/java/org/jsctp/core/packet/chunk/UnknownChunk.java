package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.UnrecognizedAction;

/**
 * A chunk of a type this stack does not know, kept whole so the rules of RFC 9260 section 3.2
 * can be applied ({@link #action()}) and the chunk reported back in an "Unrecognized Chunk Type"
 * error cause ({@link #toReportBytes()}).
 *
 * @param type the chunk type, 0..255
 * @param flags the chunk flags byte, 0..255
 * @param value the chunk value as received, without padding
 */
public record UnknownChunk(int type, int flags, Bytes value) implements Chunk {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param type the chunk type, 0..255
     * @param flags the chunk flags byte, 0..255
     * @param value the chunk value as received, without padding
     */
    public UnknownChunk {
        if (type < 0 || type > 255 || flags < 0 || flags > 255) {
            throw new IllegalArgumentException("type and flags are 8-bit values");
        }
        if (value.length() > 0xFFFF - 4) {
            throw new IllegalArgumentException("value too long: " + value.length());
        }
    }

    /** {@return what the high bits of the type ask a receiver that does not know it to do} */
    public UnrecognizedAction action() {
        return UnrecognizedAction.ofChunkType(type);
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        value.writeTo(out);
    }

    /** {@return the whole chunk (header and value, no padding) as RFC 9260 section 3.3.10.6 reports it} */
    public Bytes toReportBytes() {
        return toUnpaddedBytes();
    }
}
