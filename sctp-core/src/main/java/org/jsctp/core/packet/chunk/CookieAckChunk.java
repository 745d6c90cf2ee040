package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Cookie Acknowledgement (COOKIE ACK), RFC 9260 section 3.3.12: the header alone.
 */
public record CookieAckChunk() implements Chunk {

    /** The only instance: the chunk has no fields. */
    public static final CookieAckChunk INSTANCE = new CookieAckChunk();

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CookieAckChunk decode(int flags, WireReader value) throws DecodeException {
        value.expectEnd();
        return INSTANCE;
    }

    @Override
    public int type() {
        return ChunkType.COOKIE_ACK;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
