package org.jsctp.core.assoc;

/**
 * What happened to one of the peer's addresses, as {@link AssociationEvent.PeerAddressChange}
 * reports it: the states of SCTP_PEER_ADDR_CHANGE (RFC 6458 section 6.1.2 and 8.1.7) plus the
 * Potentially Failed state of RFC 7829 section 5.
 */
public enum PeerAddressState {
    /** The address is reachable again (RFC 9260 section 8.2), or left Potentially Failed (RFC 7829 section 5). */
    AVAILABLE,
    /** Its error counter exceeded Path.Max.Retrans: the address is inactive (RFC 9260 section 8.2). */
    UNREACHABLE,
    /** The address was removed from the association. */
    REMOVED,
    /** The address was added to the association. */
    ADDED,
    /** The address became the primary path (RFC 9260 section 6.4, the user's SET PRIMARY of section 11.1). */
    MADE_PRIMARY,
    /** A HEARTBEAT ACK confirmed the address (RFC 9260 section 5.4). */
    CONFIRMED,
    /** Its error counter exceeded PotentiallyFailed.Max.Retrans (RFC 7829 section 5.1). */
    POTENTIALLY_FAILED;

    /** {@return whether the address can carry data after this change (it is not unreachable, potentially failed or gone)} */
    public boolean isAvailable() {
        return this != UNREACHABLE && this != REMOVED && this != POTENTIALLY_FAILED;
    }
}
