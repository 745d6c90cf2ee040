package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Authentication (AUTH), RFC 4895 section 4.1: an HMAC covering this chunk and every chunk after
 * it in the packet.
 *
 * <pre>
 *  type = 15 | flags: reserved | length
 *  Shared Key Identifier (16) | HMAC Identifier (16)
 *  HMAC (length - 8 bytes)
 * </pre>
 *
 * <p>The decoder keeps the HMAC as sent, whatever its length and algorithm: whether the algorithm
 * is one the peer agreed to and whether the HMAC has that algorithm's length is checked by the
 * association, which answers with the Unsupported HMAC Identifier error or drops the packet
 * (RFC 4895 section 6.3).
 *
 * @param sharedKeyId the 16-bit identifier of the endpoint-pair shared key used (RFC 4895 section 6.1)
 * @param hmacId the 16-bit HMAC algorithm identifier (RFC 4895 section 3.3), e.g. {@link #HMAC_SHA_1}
 * @param hmac the HMAC value; RFC 4895 section 6.2 computes it with these bytes set to zero
 */
public record AuthChunk(int sharedKeyId, int hmacId, Bytes hmac) implements Chunk {

    /** HMAC identifier of HMAC-SHA-1, 20-byte HMAC (RFC 4895 section 3.3). */
    public static final int HMAC_SHA_1 = 1;
    /** HMAC identifier of HMAC-SHA-256, 32-byte HMAC (RFC 4895 section 3.3). */
    public static final int HMAC_SHA_256 = 3;
    /** Fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param sharedKeyId the 16-bit identifier of the endpoint-pair shared key used (RFC 4895 section 6.1)
     * @param hmacId the 16-bit HMAC algorithm identifier (RFC 4895 section 3.3), e.g. {@link #HMAC_SHA_1}
     * @param hmac the HMAC value; RFC 4895 section 6.2 computes it with these bytes set to zero
     * @throws IllegalArgumentException if a component is out of range
     */
    public AuthChunk {
        if (sharedKeyId < 0 || sharedKeyId > 0xFFFF) {
            throw new IllegalArgumentException("shared key identifier is a 16-bit value: " + sharedKeyId);
        }
        if (hmacId < 0 || hmacId > 0xFFFF) {
            throw new IllegalArgumentException("HMAC identifier is a 16-bit value: " + hmacId);
        }
        if (hmac.length() > 0xFFFF - 4 - FIXED_VALUE_LENGTH) {
            throw new IllegalArgumentException("HMAC too long for one chunk: " + hmac.length());
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
    public static AuthChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 4895 section 4.1: the flags are reserved, set to zero and ignored on receipt.
        int sharedKeyId = value.readU16();
        int hmacId = value.readU16();
        // RFC 4895 section 6.3: unknown identifiers and wrong HMAC lengths are the association's
        // to judge, so the HMAC is whatever follows, of any length.
        Bytes hmac = value.readRemaining();
        return new AuthChunk(sharedKeyId, hmacId, hmac);
    }

    /**
     * {@return this chunk with its HMAC replaced by as many zero bytes, the form over which RFC 4895
     * section 6.2 computes (and section 6.3 verifies) the HMAC}
     */
    public AuthChunk withZeroedHmac() {
        return new AuthChunk(sharedKeyId, hmacId, Bytes.wrap(new byte[hmac.length()]));
    }

    @Override
    public int type() {
        return ChunkType.AUTH;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + hmac.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU16(out, sharedKeyId);
        WireWriter.writeU16(out, hmacId);
        hmac.writeTo(out);
    }
}
