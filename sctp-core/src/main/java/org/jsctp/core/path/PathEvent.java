package org.jsctp.core.path;

/**
 * A change in the reachability of a path that the association must act on: report it to the
 * user (RFC 9260 sections 8.2 and 8.3 say the upper layer SHOULD be told) and, for
 * {@link #BECAME_INACTIVE}, move traffic to another path (section 6.4).
 */
public enum PathEvent {
    /** Reachability did not change. */
    NONE,
    /** The error counter exceeded Path.Max.Retrans: the path is now {@link PathState#INACTIVE}. */
    BECAME_INACTIVE,
    /**
     * An inactive or Potentially Failed path was heard from (HEARTBEAT ACK or acknowledged DATA):
     * it is reachable again.
     */
    BECAME_ACTIVE,
    /**
     * The error counter exceeded PotentiallyFailed.Max.Retrans but not Path.Max.Retrans (RFC 7829
     * section 5.1): the path is now {@link PathState#POTENTIALLY_FAILED}.
     */
    BECAME_POTENTIALLY_FAILED
}
