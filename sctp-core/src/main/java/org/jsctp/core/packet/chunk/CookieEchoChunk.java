package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * State Cookie (COOKIE ECHO), RFC 9260 section 3.3.11: returns the State Cookie of an INIT ACK.
 *
 * <pre>
 *  type = 10 | flags: reserved | length
 *  Cookie (length - 4 bytes), exactly as the INIT ACK's State Cookie parameter carried it
 * </pre>
 *
 * @param cookie the State Cookie, opaque to everyone but its creator; kept byte for byte
 */
public record CookieEchoChunk(Bytes cookie) implements Chunk {

    /**
     * Rejects null, checks the ranges.
     *
     * @param cookie the State Cookie, opaque to everyone but its creator; kept byte for byte
     * @throws IllegalArgumentException if a component is out of range
     */
    public CookieEchoChunk {
        Objects.requireNonNull(cookie, "cookie");
        if (cookie.length() > 0xFFFF - 4) {
            throw new IllegalArgumentException("cookie too long for one chunk: " + cookie.length());
        }
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CookieEchoChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.11: the cookie is opaque here; whether it is valid (or empty) is
        // for the endpoint that made it to decide (section 5.1.5).
        return new CookieEchoChunk(value.readRemaining());
    }

    @Override
    public int type() {
        return ChunkType.COOKIE_ECHO;
    }

    @Override
    public int valueLength() {
        return cookie.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        cookie.writeTo(out);
    }
}
