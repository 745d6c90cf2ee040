package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Shutdown Complete (SHUTDOWN COMPLETE), RFC 9260 section 3.3.13: the last chunk of a graceful
 * close; the header alone.
 *
 * <pre>
 *  type = 14 | flags: reserved, T | length = 4
 * </pre>
 *
 * @param reflectedTag the T bit: the sender reflected the Verification Tag it received instead of
 *     filling in the one the peer expects, as when answering an out-of-the-blue SHUTDOWN ACK
 *     (RFC 9260 sections 3.3.13 and 8.4)
 */
public record ShutdownCompleteChunk(boolean reflectedTag) implements Chunk {

    /** The T bit: the sender reflected the Verification Tag it received (RFC 9260 section 8.5.1). */
    public static final int FLAG_T = 0x01;

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ShutdownCompleteChunk decode(int flags, WireReader value) throws DecodeException {
        value.expectEnd(); // RFC 9260 section 3.3.13: no value
        return new ShutdownCompleteChunk((flags & FLAG_T) != 0);
    }

    @Override
    public int type() {
        return ChunkType.SHUTDOWN_COMPLETE;
    }

    @Override
    public int flags() {
        return reflectedTag ? FLAG_T : 0;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
