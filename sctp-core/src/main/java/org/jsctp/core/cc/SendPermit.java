package org.jsctp.core.cc;

/**
 * What a path's {@link CongestionController} says about sending one more packet of DATA now.
 *
 * <p>Only {@link #ALLOWED} lets a packet go; every other value names the rule that holds it back,
 * so the association can tell a window that is full from a burst that is spent (the latter opens
 * again at the next transmission opportunity, the former only when a SACK arrives).
 */
public enum SendPermit {
    /** One packet of at most one MTU may go now; ask again before the next one. */
    ALLOWED,
    /** The flight size has reached cwnd (RFC 9260 section 6.1 rule B). */
    CWND_FULL,
    /** Max.Burst packets have already gone out in this transmission opportunity (RFC 9260 section 6.1 rule D). */
    BURST_LIMIT,
    /**
     * The T3-rtx timer expired and a packet is still in flight: only one packet may be in flight
     * until data sent to the path is acknowledged (RFC 9260 section 7.2.3).
     */
    ONE_PACKET_AFTER_TIMEOUT;

    /** {@return whether a packet may be sent} */
    public boolean isAllowed() {
        return this == ALLOWED;
    }
}
