package org.jsctp.api;

/** Where a path to the peer stands (RFC 9260 sections 5.4 and 8.2; RFC 6458 spinfo_state). */
public enum SctpPathState {
    /** Not yet confirmed (SCTP_UNCONFIRMED). */
    UNCONFIRMED,
    /** Confirmed and reachable (SCTP_ACTIVE). */
    ACTIVE,
    /** Unreachable: errors exceeded Path.Max.Retrans (SCTP_INACTIVE). */
    INACTIVE,
    /** Potentially failed (RFC 7829; SCTP_PF). */
    POTENTIALLY_FAILED
}
