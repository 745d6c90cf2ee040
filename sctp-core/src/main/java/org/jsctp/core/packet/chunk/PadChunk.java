package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Padding (PAD), RFC 4820 section 3: filler that makes a packet larger, e.g. to probe the path MTU.
 *
 * <pre>
 *  type = 132 | flags: reserved | length
 *  Padding Data (length - 4 bytes)
 * </pre>
 *
 * <p>The receiver discards the chunk and ignores the padding's content (RFC 4820 section 3); the
 * bytes are kept anyway, so that a received packet re-encodes to exactly the bytes it came in.
 *
 * @param padding the padding data, of any length and content
 */
public record PadChunk(Bytes padding) implements Chunk {

    /**
     * Checks the ranges.
     *
     * @param padding the padding data, of any length and content
     * @throws IllegalArgumentException if a component is out of range
     */
    public PadChunk {
        if (padding.length() > 0xFFFF - 4) {
            throw new IllegalArgumentException("padding too long for one chunk: " + padding.length());
        }
    }

    /**
     * {@return a PAD chunk of {@code length} zero bytes of padding data (0 to 65531)}
     *
     * @param length the padding bytes, 0..65531
     */
    public static PadChunk ofLength(int length) {
        if (length < 0 || length > 0xFFFF - 4) {
            throw new IllegalArgumentException("padding length out of range: " + length);
        }
        return new PadChunk(Bytes.wrap(new byte[length]));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static PadChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 4820 section 3: the flags are set to zero and ignored on receipt, the padding data
        // is ignored by the receiver whatever it holds, so any value (even none) decodes.
        return new PadChunk(value.readRemaining());
    }

    @Override
    public int type() {
        return ChunkType.PAD;
    }

    @Override
    public int valueLength() {
        return padding.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        padding.writeTo(out);
    }
}
