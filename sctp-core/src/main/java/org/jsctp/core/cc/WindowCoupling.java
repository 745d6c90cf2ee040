package org.jsctp.core.cc;

/**
 * The three decision points of {@link RenoCongestionController} where a multipath association may
 * couple the congestion windows of its paths: the increase in slow start, the increase in
 * congestion avoidance and the slow-start threshold after a loss. Each method gets the value RFC
 * 9260 section 7.2 prescribes for one path alone and returns the value the controller uses.
 *
 * <p>{@link #NONE} returns them unchanged: every path on its own, as RFC 9260 and uncoupled CMT
 * (draft-tuexen-tsvwg-sctp-multipath section 3) have it. The coupled algorithms (CMT/RPv1,
 * CMT/RPv2, the linked increases of RFC 6356) are in {@code org.jsctp.core.cc.coupled}. A
 * coupling is asked while the controller still holds the values it passes in (before the change),
 * so a coupling that reads the association's other paths sees this one as it was.
 */
public interface WindowCoupling {

    /** No coupling: each method returns the single-path value it is given. */
    WindowCoupling NONE = new WindowCoupling() {
        @Override
        public long slowStartIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
            return renoIncrease;
        }

        @Override
        public long congestionAvoidanceIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
            return renoIncrease;
        }

        @Override
        public long ssthreshAfterLoss(long cwnd, long ssthresh, long renoSsthresh, int mtu) {
            return renoSsthresh;
        }

        @Override
        public String toString() {
            return "uncoupled";
        }
    };

    /**
     * {@return how much cwnd grows on a SACK in slow start that RFC 9260 section 7.2.1 lets it grow
     * on; non-negative}
     *
     * @param cwnd the path's cwnd before the increase
     * @param ssthresh the path's ssthresh
     * @param renoIncrease the single-path increase, min(bytes newly acked, L * MTU)
     * @param mtu the path's MTU
     */
    long slowStartIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu);

    /**
     * {@return how much cwnd grows when partial_bytes_acked reached cwnd in congestion avoidance
     * (RFC 9260 section 7.2.2); non-negative}
     *
     * @param cwnd the path's cwnd before the increase
     * @param ssthresh the path's ssthresh
     * @param renoIncrease the single-path increase, one MTU
     * @param mtu the path's MTU
     */
    long congestionAvoidanceIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu);

    /**
     * {@return the path's new ssthresh after a fast retransmit or a T3-rtx expiry (RFC 9260 section
     * 7.2.3); positive}
     *
     * @param cwnd the path's cwnd before the reduction
     * @param ssthresh the path's ssthresh before the reduction
     * @param renoSsthresh the single-path value, max(cwnd / 2, 4 * MTU)
     * @param mtu the path's MTU
     */
    long ssthreshAfterLoss(long cwnd, long ssthresh, long renoSsthresh, int mtu);
}
