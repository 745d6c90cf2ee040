package org.jsctp.core.auth;

import java.util.List;
import org.jsctp.core.packet.Bytes;

/**
 * AUTH key management of one association (RFC 4895 section 6.1; socket options of RFC 6458
 * section 8.3). Keys may be changed at any time, also before AUTH is negotiated; what the
 * association sends from then on uses them.
 */
public interface AuthControl {

    /**
     * Adds endpoint-pair shared key {@code keyId} or replaces it (SCTP_AUTH_KEY).
     *
     * @param keyId the Shared Key Identifier, 0..65535
     * @param key the key bytes, possibly empty
     */
    void setKey(int keyId, Bytes key);

    /**
     * Sends with key {@code keyId} from now on (SCTP_AUTH_ACTIVE_KEY).
     *
     * @param keyId a key that exists and is not deactivated
     * @throws IllegalArgumentException otherwise
     */
    void activateKey(int keyId);

    /**
     * No longer sends with key {@code keyId}; an {@link AuthIndication#FREE_KEY} event follows
     * (SCTP_AUTH_DEACTIVATE_KEY).
     *
     * @param keyId a key that exists and is not the active one
     * @throws IllegalArgumentException otherwise
     */
    void deactivateKey(int keyId);

    /**
     * Deletes key {@code keyId}: AUTH chunks naming it are discarded from now on
     * (SCTP_AUTH_DELETE_KEY).
     *
     * @param keyId a key that exists and is not the active one
     * @throws IllegalArgumentException otherwise
     */
    void deleteKey(int keyId);

    /** {@return the Shared Key Identifier we send with} */
    int activeKeyId();

    /** {@return the Shared Key Identifiers held, ascending} */
    List<Integer> keyIds();

    /** {@return whether AUTH is in use and how it went} */
    AuthStatistics statistics();
}
