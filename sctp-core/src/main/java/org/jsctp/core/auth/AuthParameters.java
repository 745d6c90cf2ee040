package org.jsctp.core.auth;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.ChunkListParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;
import org.jsctp.core.packet.param.RandomParameter;
import org.jsctp.core.packet.param.RequestedHmacAlgorithmParameter;

/**
 * What one side of an association announced for AUTH in its INIT or INIT ACK (RFC 4895 section
 * 6.1): its RANDOM, its CHUNKS (may be absent when empty) and its HMAC-ALGO parameters, as sent.
 * They make that side's key vector, and say which chunks it accepts only authenticated and which
 * HMAC algorithms it accepts.
 *
 * @param random the RANDOM parameter
 * @param chunks the CHUNKS parameter, or null when none was sent
 * @param hmacs the HMAC-ALGO parameter
 */
public record AuthParameters(RandomParameter random, ChunkListParameter chunks, RequestedHmacAlgorithmParameter hmacs) {

    /**
     * Checks presence.
     *
     * @param random the RANDOM parameter
     * @param chunks the CHUNKS parameter, or null when none was sent
     * @param hmacs the HMAC-ALGO parameter
     */
    public AuthParameters {
        if (random == null || hmacs == null) {
            throw new IllegalArgumentException("RFC 4895 section 6.1: RANDOM and HMAC-ALGO are both needed");
        }
    }

    /**
     * Our parameters for a new INIT or INIT ACK: {@value RandomParameter#RECOMMENDED_LENGTH} fresh
     * random bytes (RFC 4895 section 6.1), the configured chunk list and HMAC preference.
     *
     * @param config our AUTH configuration
     * @param randomBytes exactly 32 random bytes from the injected random source
     * @return the parameters
     */
    public static AuthParameters local(AuthConfig config, byte[] randomBytes) {
        List<Integer> ids = new ArrayList<>(config.hmacPreference().size());
        for (HmacAlgorithm a : config.hmacPreference()) {
            ids.add(a.id());
        }
        return new AuthParameters(new RandomParameter(Bytes.copyOf(randomBytes)),
                new ChunkListParameter(config.chunkList()), new RequestedHmacAlgorithmParameter(ids));
    }

    /**
     * Finds the AUTH parameters among an INIT's or INIT ACK's (the first of each type counts).
     *
     * @param parameters the chunk's parameters
     * @return the parameters, empty unless both RANDOM and HMAC-ALGO are present
     */
    public static Optional<AuthParameters> in(List<Parameter> parameters) {
        RandomParameter random = null;
        ChunkListParameter chunks = null;
        RequestedHmacAlgorithmParameter hmacs = null;
        for (Parameter p : parameters) {
            if (p instanceof RandomParameter r && random == null) {
                random = r;
            } else if (p instanceof ChunkListParameter c && chunks == null) {
                chunks = c;
            } else if (p instanceof RequestedHmacAlgorithmParameter h && hmacs == null) {
                hmacs = h;
            }
        }
        return random == null || hmacs == null ? Optional.empty() : Optional.of(new AuthParameters(random, chunks, hmacs));
    }

    /** {@return the parameters to put into an INIT or INIT ACK} */
    public List<Parameter> toParameters() {
        return chunks == null ? List.of(random, hmacs) : List.of(random, chunks, hmacs);
    }

    /**
     * Whether this side accepts chunks of {@code chunkType} only after an AUTH chunk (RFC 4895
     * section 3.2); INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH never, even if listed.
     *
     * @param chunkType a chunk type
     * @return whether the type must be authenticated
     */
    public boolean requires(int chunkType) {
        return chunks != null && !AuthConfig.isUnauthenticatable(chunkType) && chunks.lists(chunkType);
    }

    /** {@return whether this side requires any chunk type to be authenticated} */
    public boolean requiresAny() {
        if (chunks == null) {
            return false;
        }
        for (int t : chunks.chunkTypes()) {
            if (!AuthConfig.isUnauthenticatable(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key vector of RFC 4895 section 6.1: the RANDOM, CHUNKS and HMAC-ALGO parameters, each
     * with its type and length and without padding, concatenated in this order; CHUNKS is left
     * out when it was not sent.
     *
     * @return the key vector
     */
    public byte[] keyVector() {
        List<Bytes> parts = new ArrayList<>(3);
        for (Parameter p : toParameters()) {
            parts.add(p.toUnpaddedBytes());
        }
        int length = 0;
        for (Bytes b : parts) {
            length += b.length();
        }
        byte[] vector = new byte[length];
        int at = 0;
        for (Bytes b : parts) {
            b.copyTo(vector, at);
            at += b.length();
        }
        return vector;
    }

    /** {@return the parameters as a TLV list, for the State Cookie} */
    public Bytes encode() {
        List<Parameter> list = toParameters();
        int length = 0;
        for (Parameter p : list) {
            length += p.encodedLength();
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        for (Parameter p : list) {
            p.encode(b);
        }
        return Bytes.wrap(b.array());
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @param bytes the encoded list
     * @return the parameters, or empty when the bytes do not hold them
     */
    public static Optional<AuthParameters> decode(Bytes bytes) {
        try {
            byte[] array = bytes.toByteArray();
            return in(Parameters.decodeList(WireReader.of(array, "AUTH parameters")));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }
}
