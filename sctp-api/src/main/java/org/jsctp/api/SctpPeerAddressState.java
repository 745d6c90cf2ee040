package org.jsctp.api;

/**
 * What happened to a peer address in a {@link SctpNotification.PeerAddressChange}: the spc_state
 * values of SCTP_PEER_ADDR_CHANGE (RFC 6458 section 6.1.2) plus RFC 7829's Potentially Failed.
 */
public enum SctpPeerAddressState {
    /** SCTP_ADDR_AVAILABLE: reachable again (RFC 9260 section 8.2). */
    AVAILABLE,
    /** SCTP_ADDR_UNREACHABLE: its error count exceeded Path.Max.Retrans (RFC 9260 section 8.2). */
    UNREACHABLE,
    /** SCTP_ADDR_REMOVED: the peer removed it (ASCONF, RFC 5061). */
    REMOVED,
    /** SCTP_ADDR_ADDED: the peer added it (ASCONF, RFC 5061). */
    ADDED,
    /** SCTP_ADDR_MADE_PRIM: it became the primary path. */
    MADE_PRIMARY,
    /** SCTP_ADDR_CONFIRMED: a heartbeat confirmed it (RFC 9260 section 5.4). */
    CONFIRMED,
    /** SCTP_ADDR_PF: Potentially Failed (RFC 7829 section 5). */
    POTENTIALLY_FAILED
}
