package org.jsctp.core.path;

/**
 * What {@link Path#checkHeartbeatTimeout(long)} found: whether the last HEARTBEAT sent on the path
 * went unanswered for an RTO (RFC 9260 sections 8.2 and 8.3), and whether that made the path fail.
 */
public enum HeartbeatTimeout {
    /** No heartbeat timed out. */
    NONE,
    /**
     * The last heartbeat went unanswered for an RTO: the path's RTO was backed off and its error
     * counter incremented (unless it was already inactive, when it stays put); the path is still
     * in the state it was in.
     */
    UNANSWERED,
    /** As {@link #UNANSWERED}, and the error counter now exceeds Path.Max.Retrans: the path became inactive. */
    UNANSWERED_BECAME_INACTIVE,
    /** As {@link #UNANSWERED}, and the path became Potentially Failed (RFC 7829 section 5.1). */
    UNANSWERED_BECAME_POTENTIALLY_FAILED;

    /**
     * {@return whether a heartbeat went unanswered} The association adds it to its overall error count
     * only for a confirmed path that is the one used for data transfer (RFC 9260 sections 8.1 and
     * 5.4: probes of unconfirmed addresses and heartbeats on other paths do not count).
     */
    public boolean unanswered() {
        return this != NONE;
    }

    /** {@return the reachability change this timeout caused} */
    public PathEvent event() {
        if (this == UNANSWERED_BECAME_POTENTIALLY_FAILED) {
            return PathEvent.BECAME_POTENTIALLY_FAILED;
        }
        return this == UNANSWERED_BECAME_INACTIVE ? PathEvent.BECAME_INACTIVE : PathEvent.NONE;
    }
}
