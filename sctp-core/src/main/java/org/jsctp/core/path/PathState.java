package org.jsctp.core.path;

/**
 * Where a destination transport address of the peer stands, as the association sees it (RFC 9260
 * sections 5.4 and 8.2).
 *
 * <p>Confirmation and reachability are two separate facts about a path; this state combines them
 * with reachability first: a path whose error counter exceeded Path.Max.Retrans is
 * {@link #INACTIVE} whether or not it was ever confirmed ({@link Path#isConfirmed()} tells the
 * rest). DATA goes to {@link #ACTIVE} paths, to an {@link #INACTIVE} confirmed one only when the
 * association has nothing better (section 6.4), and never to an unconfirmed one (section 5.4).
 */
public enum PathState {
    /**
     * The address is not yet verified (RFC 9260 section 5.4): only HEARTBEAT (with a nonce),
     * HEARTBEAT ACK, COOKIE ACK, ABORT, SHUTDOWN COMPLETE and ERROR chunks may be sent to it.
     */
    UNCONFIRMED,
    /** Confirmed and reachable: may carry DATA (RFC 9260 section 8.2). */
    ACTIVE,
    /**
     * Errors exceeded Path.Max.Retrans (RFC 9260 section 8.2). Heartbeats continue; a HEARTBEAT
     * ACK, or an acknowledgement of DATA sent on the path, makes it reachable again.
     */
    INACTIVE,
    /**
     * The Potentially Failed state of RFC 7829 section 5.1: confirmed, errors above
     * PotentiallyFailed.Max.Retrans but not above Path.Max.Retrans. No DATA while another path is
     * active; heartbeats once per RTO; a HEARTBEAT ACK or acknowledged DATA makes it active again.
     */
    POTENTIALLY_FAILED
}
