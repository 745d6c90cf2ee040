package org.jsctp.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoint-pair shared keys new associations start with (RFC 4895 section 6.1; SCTP_AUTH_KEY
 * and SCTP_AUTH_ACTIVE_KEY of RFC 6458 sections 8.3.2 and 8.3.3 on the endpoint), for
 * {@link SctpOptions#AUTH_KEYS}. An association's keys can then be changed on it
 * ({@link SctpAssociation#setAuthKey}).
 *
 * @param keys key bytes by Shared Key Identifier (0..65535); copied
 * @param activeKeyId the key sent with; one of {@code keys}
 */
public record SctpAuthKeys(Map<Integer, byte[]> keys, int activeKeyId) {

    /** The RFC 4895 default: the empty key 0, active. */
    public static final SctpAuthKeys DEFAULT = new SctpAuthKeys(Map.of(0, new byte[0]), 0);

    /**
     * Checks and copies.
     *
     * @param keys key bytes by Shared Key Identifier (0..65535); copied
     * @param activeKeyId the key sent with; one of {@code keys}
     */
    public SctpAuthKeys {
        TreeMap<Integer, byte[]> copy = new TreeMap<>();
        keys.forEach((id, key) -> {
            if (id < 0 || id > 0xFFFF) {
                throw new IllegalArgumentException("a Shared Key Identifier is a 16-bit value: " + id);
            }
            copy.put(id, key.clone());
        });
        if (!copy.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key " + activeKeyId + " is not among the keys " + copy.keySet());
        }
        keys = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * One key, made active: the usual setup of two peers sharing a secret.
     *
     * @param keyId the Shared Key Identifier
     * @param key the key bytes
     * @return the keys
     */
    public static SctpAuthKeys of(int keyId, byte[] key) {
        return new SctpAuthKeys(Map.of(keyId, key), keyId);
    }
}
