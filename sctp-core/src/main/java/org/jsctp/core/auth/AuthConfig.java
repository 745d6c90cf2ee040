package org.jsctp.core.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * How an endpoint uses AUTH (RFC 4895) once it offers it ({@code Capabilities.auth()}).
 *
 * @param required whether an association must use AUTH: a peer that does not offer it (RFC
 *     4895 section 6.1: no RANDOM and HMAC-ALGO parameters) is refused with an ABORT; when false
 *     such an association goes on without AUTH and the user is told (RFC 6458 SCTP_AUTH_NO_AUTH)
 * @param hmacPreference the HMAC-ALGO list we send, most preferred first; must contain SHA-1 (RFC
 *     4895 section 3.3 makes it mandatory)
 * @param chunkTypes chunk types we accept only authenticated, beyond ASCONF and ASCONF-ACK which
 *     are always listed (RFC 5061 section 4.2); INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH may not
 *     be listed (RFC 4895 section 3.2)
 * @param sharedKeys the endpoint-pair shared keys by Shared Key Identifier (RFC 4895 section 6.1);
 *     key 0 is the empty key unless given
 * @param activeKeyId the key we send with (RFC 4895 section 6.2, RFC 6458 SCTP_AUTH_ACTIVE_KEY); one
 *     of {@code sharedKeys}
 */
public record AuthConfig(boolean required, List<HmacAlgorithm> hmacPreference, Set<Integer> chunkTypes,
                         Map<Integer, Bytes> sharedKeys, int activeKeyId) {

    /** AUTH not required, SHA-256 then SHA-1, only ASCONF and ASCONF-ACK listed, the empty key 0. */
    public static final AuthConfig DEFAULTS = new AuthConfig(false, List.of(HmacAlgorithm.SHA_256, HmacAlgorithm.SHA_1),
            Set.of(), Map.of(0, Bytes.empty()), 0);

    /**
     * Checks and copies.
     *
     * @param required whether an association must use AUTH: a peer that does not offer it (RFC
     *     4895 section 6.1: no RANDOM and HMAC-ALGO parameters) is refused with an ABORT; when false
     *     such an association goes on without AUTH and the user is told (RFC 6458 SCTP_AUTH_NO_AUTH)
     * @param hmacPreference the HMAC-ALGO list we send, most preferred first; must contain SHA-1 (RFC
     *     4895 section 3.3 makes it mandatory)
     * @param chunkTypes chunk types we accept only authenticated, beyond ASCONF and ASCONF-ACK which
     *     are always listed (RFC 5061 section 4.2); INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH may not
     *     be listed (RFC 4895 section 3.2)
     * @param sharedKeys the endpoint-pair shared keys by Shared Key Identifier (RFC 4895 section 6.1);
     *     key 0 is the empty key unless given
     * @param activeKeyId the key we send with (RFC 4895 section 6.2, RFC 6458 SCTP_AUTH_ACTIVE_KEY); one
     *     of {@code sharedKeys}
     */
    public AuthConfig {
        hmacPreference = List.copyOf(hmacPreference);
        if (!hmacPreference.contains(HmacAlgorithm.SHA_1)) {
            throw new IllegalArgumentException("RFC 4895 section 3.3: the HMAC list must contain SHA-1");
        }
        if (hmacPreference.size() != Set.copyOf(hmacPreference).size()) {
            throw new IllegalArgumentException("an HMAC algorithm is listed twice: " + hmacPreference);
        }
        for (int type : chunkTypes) {
            if (type < 0 || type > 255) {
                throw new IllegalArgumentException("chunk type is an 8-bit value: " + type);
            }
            if (isUnauthenticatable(type)) {
                throw new IllegalArgumentException("RFC 4895 section 3.2: " + ChunkType.name(type)
                        + " must not be in the chunk list");
            }
        }
        chunkTypes = Set.copyOf(new TreeSet<>(chunkTypes));
        Map<Integer, Bytes> keys = new TreeMap<>(sharedKeys);
        for (int id : keys.keySet()) {
            SharedKeys.checkKeyId(id);
        }
        sharedKeys = Map.copyOf(keys);
        if (!sharedKeys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key " + activeKeyId + " is not among the shared keys "
                    + sharedKeys.keySet());
        }
    }

    /**
     * The chunk types RFC 4895 section 3.2 keeps out of a chunk list: INIT, INIT ACK, SHUTDOWN
     * COMPLETE and AUTH (a receiver ignores them if listed).
     *
     * @param type a chunk type
     * @return whether it can never be authenticated
     */
    public static boolean isUnauthenticatable(int type) {
        return type == ChunkType.INIT || type == ChunkType.INIT_ACK || type == ChunkType.SHUTDOWN_COMPLETE
                || type == ChunkType.AUTH;
    }

    /**
     * The chunk list we send: ours plus ASCONF and ASCONF-ACK (RFC 5061 section 4.2 has them
     * always authenticated), sorted.
     *
     * @return the chunk types
     */
    public List<Integer> chunkList() {
        TreeSet<Integer> all = new TreeSet<>(chunkTypes);
        all.add(ChunkType.ASCONF);
        all.add(ChunkType.ASCONF_ACK);
        return List.copyOf(all);
    }

    /**
     * This configuration with AUTH required or not.
     *
     * @param value whether required
     * @return the changed configuration
     */
    public AuthConfig withRequired(boolean value) {
        return new AuthConfig(value, hmacPreference, chunkTypes, sharedKeys, activeKeyId);
    }

    /**
     * This configuration with another HMAC preference.
     *
     * @param value the algorithms, most preferred first, SHA-1 among them
     * @return the changed configuration
     */
    public AuthConfig withHmacPreference(List<HmacAlgorithm> value) {
        return new AuthConfig(required, value, chunkTypes, sharedKeys, activeKeyId);
    }

    /**
     * This configuration with other chunk types to authenticate.
     *
     * @param value the chunk types
     * @return the changed configuration
     */
    public AuthConfig withChunkTypes(Set<Integer> value) {
        return new AuthConfig(required, hmacPreference, value, sharedKeys, activeKeyId);
    }

    /**
     * This configuration with endpoint-pair shared key {@code keyId} set to {@code key} (added or
     * replaced, RFC 6458 SCTP_AUTH_KEY).
     *
     * @param keyId the Shared Key Identifier, 0..65535
     * @param key the key bytes, possibly empty
     * @return the changed configuration
     */
    public AuthConfig withSharedKey(int keyId, Bytes key) {
        Map<Integer, Bytes> keys = new TreeMap<>(sharedKeys);
        keys.put(keyId, key);
        return new AuthConfig(required, hmacPreference, chunkTypes, keys, activeKeyId);
    }

    /**
     * This configuration sending with key {@code keyId} (RFC 6458 SCTP_AUTH_ACTIVE_KEY).
     *
     * @param keyId one of the shared keys
     * @return the changed configuration
     */
    public AuthConfig withActiveKey(int keyId) {
        return new AuthConfig(required, hmacPreference, chunkTypes, sharedKeys, keyId);
    }
}
