package org.jsctp.core.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsctp.core.packet.Bytes;

/**
 * The endpoint-pair shared keys of one association (RFC 4895 section 6.1), by Shared Key
 * Identifier, with the key used for sending (section 6.2), following the socket options of RFC
 * 6458 section 8.3: SCTP_AUTH_KEY adds or replaces a key, SCTP_AUTH_ACTIVE_KEY picks the key to
 * send with, SCTP_AUTH_DEACTIVATE_KEY stops a key being sent with (received packets may still use
 * it), SCTP_AUTH_DELETE_KEY removes it. The active key can be neither deactivated nor deleted.
 * Not thread-safe: the association's one thread uses it.
 */
public final class SharedKeys {

    private final Map<Integer, Bytes> keys = new TreeMap<>();
    private final Set<Integer> deactivated = new HashSet<>();
    private int activeKeyId;

    /**
     * Keys as configured.
     *
     * @param config the keys and the active one
     */
    public SharedKeys(AuthConfig config) {
        keys.putAll(config.sharedKeys());
        activeKeyId = config.activeKeyId();
    }

    static void checkKeyId(int keyId) {
        if (keyId < 0 || keyId > 0xFFFF) {
            throw new IllegalArgumentException("a Shared Key Identifier is a 16-bit value: " + keyId);
        }
    }

    /**
     * Adds key {@code keyId} or replaces its bytes (SCTP_AUTH_KEY); a replaced key is active
     * again for sending if it had been deactivated.
     *
     * @param keyId the Shared Key Identifier
     * @param key the key bytes, possibly empty
     */
    public void set(int keyId, Bytes key) {
        checkKeyId(keyId);
        keys.put(keyId, Bytes.copyOf(key.toByteArray()));
        deactivated.remove(keyId);
    }

    /**
     * Sends with key {@code keyId} from now on (SCTP_AUTH_ACTIVE_KEY).
     *
     * @param keyId a key that exists and is not deactivated
     * @throws IllegalArgumentException otherwise
     */
    public void activate(int keyId) {
        requireKnown(keyId);
        if (deactivated.contains(keyId)) {
            throw new IllegalArgumentException("key " + keyId + " is deactivated; set it again to use it");
        }
        activeKeyId = keyId;
    }

    /**
     * Stops key {@code keyId} being used for sending (SCTP_AUTH_DEACTIVATE_KEY).
     *
     * @param keyId a key that exists and is not the active one
     * @throws IllegalArgumentException otherwise
     */
    public void deactivate(int keyId) {
        requireKnown(keyId);
        if (keyId == activeKeyId) {
            throw new IllegalArgumentException("the active key " + keyId + " cannot be deactivated");
        }
        deactivated.add(keyId);
    }

    /**
     * Removes key {@code keyId} (SCTP_AUTH_DELETE_KEY): AUTH chunks naming it are discarded from
     * now on.
     *
     * @param keyId a key that exists and is not the active one
     * @throws IllegalArgumentException otherwise
     */
    public void delete(int keyId) {
        requireKnown(keyId);
        if (keyId == activeKeyId) {
            throw new IllegalArgumentException("the active key " + keyId + " cannot be deleted (RFC 6458 section 8.3.4)");
        }
        keys.remove(keyId);
        deactivated.remove(keyId);
    }

    /** {@return the key we send with} */
    public int activeKeyId() {
        return activeKeyId;
    }

    /**
     * A key's bytes.
     *
     * @param keyId the Shared Key Identifier
     * @return the key, or null when there is none of that identifier
     */
    public Bytes key(int keyId) {
        return keys.get(keyId);
    }

    /**
     * {@return whether key {@code keyId} was deactivated}
     *
     * @param keyId the shared key identifier, 0..65535
     */
    public boolean isDeactivated(int keyId) {
        return deactivated.contains(keyId);
    }

    /** {@return the identifiers of the keys held, ascending} */
    public List<Integer> keyIds() {
        return List.copyOf(keys.keySet());
    }

    private void requireKnown(int keyId) {
        checkKeyId(keyId);
        if (!keys.containsKey(keyId)) {
            throw new IllegalArgumentException("no shared key " + keyId);
        }
    }
}
