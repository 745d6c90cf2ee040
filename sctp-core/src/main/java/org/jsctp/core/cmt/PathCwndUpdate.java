package org.jsctp.core.cmt;

/**
 * What one SACK allows one path's congestion window (CUC, {@link CwndUpdateForChangeover}).
 *
 * <p>The multi-path sender passes {@link #mayIncrease()} to the path's controller where a single
 * path passes "the cumulative TSN ack advanced" ({@code CongestionController.onSack}'s
 * {@code cumulativeAckAdvanced}), and {@link #ackedBytes()} as the bytes newly acknowledged; the
 * controller then applies RFC 9260 section 7.2.1/7.2.2 (at most one MTU per SACK in slow start).
 *
 * @param pathId the path
 * @param mayIncrease whether the path's pseudo-cumulative TSN ack advanced, so its cwnd may grow
 * @param ackedBytes bytes of chunks last sent on the path that the SACK newly acknowledges
 */
public record PathCwndUpdate(int pathId, boolean mayIncrease, long ackedBytes) {

    /**
     * {@return no growth, nothing acknowledged}
     *
     * @param pathId the path
     */
    public static PathCwndUpdate none(int pathId) {
        return new PathCwndUpdate(pathId, false, 0);
    }
}
