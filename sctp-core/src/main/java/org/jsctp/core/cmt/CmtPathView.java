package org.jsctp.core.cmt;

import org.jsctp.core.path.PathState;

/**
 * What the CMT algorithms read of one path (one destination transport address of the peer).
 * The multi-path sender implements it over its path and congestion controller; the values are
 * read at the moment of the call and not kept.
 *
 * <p>Sizes are bytes, counted as the sender counts its flight size (RFC 9260 section 6.1).
 */
public interface CmtPathView {

    /** {@return the sender's opaque identifier of the path, not negative, unique in the association} */
    int pathId();

    /** {@return the path's congestion window (RFC 9260 section 7.2)} */
    long cwnd();

    /** {@return bytes of DATA sent on the path and neither acknowledged nor marked for retransmission} */
    long flightSize();

    /** {@return the path's slow-start threshold (RFC 9260 section 7.2)} */
    long ssthresh();

    /**
     * {@return reachability of the path: only {@link PathState#ACTIVE} paths take new data while one
     * exists; {@link PathState#POTENTIALLY_FAILED} ones (draft-tuexen-tsvwg-sctp-multipath
     * section 6, RFC 7829) and {@link PathState#INACTIVE} ones only when none is active;
     * {@link PathState#UNCONFIRMED} ones never (RFC 9260 section 5.4)}
     */
    PathState state();

    /** {@return the path MTU (the largest SCTP packet sent on it)} */
    int mtu();

    /** {@return the path's error counter (RFC 9260 section 8.2), to choose among failed paths} */
    int errorCount();

    /** {@return whether {@link #flightSize()} is below {@link #cwnd()}: new data may be sent} */
    default boolean hasCwndRoom() {
        return flightSize() < cwnd();
    }
}
