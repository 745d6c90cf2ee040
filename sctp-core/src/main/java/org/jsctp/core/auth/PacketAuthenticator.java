package org.jsctp.core.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * Computes and checks the HMACs of AUTH chunks for one association whose two sides agreed to use
 * AUTH (RFC 4895 sections 6.2 and 6.3).
 *
 * <p>The HMAC covers the AUTH chunk, with its HMAC field zeroed, and every chunk after it in the
 * packet, as on the wire (padding included; not the common header). It is keyed with the
 * association shared key of the Shared Key Identifier ({@link AssociationSharedKey}), derived
 * once per key and kept, with a {@link Mac} keyed with it per algorithm.
 *
 * <p>Cost: sending encodes the covered chunks once into a heap array to compute the HMAC (the
 * transport encodes the packet again into its own buffer); only packets carrying chunks the peer
 * listed pay this. Checking reads the received bytes in place.
 */
public final class PacketAuthenticator {

    /** What checking an AUTH chunk found (RFC 4895 section 6.3). */
    public enum Check {
        /** The HMAC is right: the chunks after the AUTH chunk are authenticated. */
        VALID,
        /** No endpoint-pair shared key has the chunk's Shared Key Identifier. */
        UNKNOWN_KEY,
        /** The HMAC Identifier is not one we listed in our HMAC-ALGO parameter. */
        UNSUPPORTED_HMAC,
        /** The HMAC field is not the length of the algorithm's HMAC. */
        WRONG_LENGTH,
        /** The HMAC does not match. */
        MISMATCH
    }

    private final AuthParameters local;
    private final AuthParameters peer;
    private final SharedKeys keys;
    private final HmacAlgorithm sendAlgorithm;
    private final byte[] localVector;
    private final byte[] peerVector;
    /** Macs keyed with an association shared key, by key id and HMAC id. */
    private final Map<Integer, Mac> macs = new HashMap<>();

    /**
     * Signs and checks one association's AUTH chunks with the negotiated parameters (RFC 4895 section 6).
     *
     * @param local what we announced
     * @param peer what the peer announced
     * @param keys the endpoint-pair shared keys
     * @param sendAlgorithm the algorithm our AUTH chunks use: the first of the peer's list we
     *     implement (RFC 4895 section 6.1)
     */
    public PacketAuthenticator(AuthParameters local, AuthParameters peer, SharedKeys keys, HmacAlgorithm sendAlgorithm) {
        this.local = local;
        this.peer = peer;
        this.keys = keys;
        this.sendAlgorithm = sendAlgorithm;
        this.localVector = local.keyVector();
        this.peerVector = peer.keyVector();
    }

    /** {@return the algorithm of our AUTH chunks} */
    public HmacAlgorithm sendAlgorithm() {
        return sendAlgorithm;
    }

    /** {@return bytes an AUTH chunk of ours takes in a packet} */
    public int authChunkLength() {
        return 4 + AuthChunk.FIXED_VALUE_LENGTH + sendAlgorithm.length();
    }

    /**
     * Forgets what was derived from key {@code keyId}, after it changed or was deleted.
     *
     * @param keyId the shared key identifier, 0..65535
     */
    public void forget(int keyId) {
        macs.keySet().removeIf(k -> (k >>> 16) == keyId);
    }

    /**
     * An AUTH chunk for {@code covered}, the chunks that will follow it in the packet, with the
     * active key (RFC 4895 section 6.2).
     *
     * @param covered the chunks after the AUTH chunk, in order
     * @return the AUTH chunk with its HMAC
     */
    public AuthChunk sign(List<Chunk> covered) {
        int keyId = keys.activeKeyId();
        AuthChunk zeroed = new AuthChunk(keyId, sendAlgorithm.id(), Bytes.wrap(new byte[sendAlgorithm.length()]));
        int length = zeroed.encodedLength();
        for (Chunk c : covered) {
            length += c.encodedLength();
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        zeroed.encode(b);
        for (Chunk c : covered) {
            c.encode(b);
        }
        Mac mac = mac(keyId, sendAlgorithm);
        mac.update(b.array(), 0, b.position());
        return new AuthChunk(keyId, sendAlgorithm.id(), Bytes.wrap(mac.doFinal()));
    }

    /**
     * Checks a received AUTH chunk (RFC 4895 section 6.3): key, algorithm, HMAC length, then the
     * HMAC in constant time.
     *
     * @param auth the AUTH chunk
     * @param wire the received bytes from the AUTH chunk's first byte to the packet's end
     * @return what was found
     */
    public Check verify(AuthChunk auth, Bytes wire) {
        HmacAlgorithm algorithm = HmacAlgorithm.byId(auth.hmacId());
        if (algorithm == null || !local.hmacs().hmacIds().contains(auth.hmacId())) {
            return Check.UNSUPPORTED_HMAC;
        }
        if (keys.key(auth.sharedKeyId()) == null) {
            return Check.UNKNOWN_KEY;
        }
        int hmacLength = auth.hmac().length();
        int header = 4 + AuthChunk.FIXED_VALUE_LENGTH;
        if (hmacLength != algorithm.length() || wire.length() < header + hmacLength) {
            return Check.WRONG_LENGTH;
        }
        Mac mac = mac(auth.sharedKeyId(), algorithm);
        mac.update(wire.slice(0, header).asReadOnlyBuffer());
        mac.update(new byte[hmacLength]);
        int rest = header + hmacLength;
        mac.update(wire.slice(rest, wire.length() - rest).asReadOnlyBuffer());
        byte[] expected = mac.doFinal();
        return MessageDigest.isEqual(expected, auth.hmac().toByteArray()) ? Check.VALID : Check.MISMATCH;
    }

    /**
     * {@return the association shared key of {@code keyId} (RFC 4895 section 6.1); for tests and tools}
     *
     * @param keyId the shared key identifier, 0..65535
     */
    public byte[] associationKey(int keyId) {
        Bytes endpointPair = keys.key(keyId);
        if (endpointPair == null) {
            throw new IllegalArgumentException("no shared key " + keyId);
        }
        return AssociationSharedKey.derive(endpointPair.toByteArray(), localVector, peerVector);
    }

    private Mac mac(int keyId, HmacAlgorithm algorithm) {
        int slot = keyId << 16 | algorithm.id();
        Mac mac = macs.get(slot);
        if (mac == null) {
            mac = algorithm.newMac();
            byte[] key = associationKey(keyId);
            try {
                // An empty key (key 0 with an empty endpoint-pair key still has the vectors) is
                // never empty here: the key vectors hold at least the RANDOM parameter.
                mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("an HMAC accepts keys of any non-zero length", e);
            }
            macs.put(slot, mac);
        }
        return mac;
    }
}
