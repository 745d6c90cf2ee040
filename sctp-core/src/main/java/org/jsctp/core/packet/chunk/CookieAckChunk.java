package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Cookie Acknowledgement (COOKIE ACK), RFC 9260 section 3.3.12: the header alone.
 */
public record CookieAckChunk() implements Chunk {

    public static final CookieAckChunk INSTANCE = new CookieAckChunk();

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
