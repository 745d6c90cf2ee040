package org.jsctp.core.cc.coupled;

import org.jsctp.core.cc.WindowCoupling;

/**
 * The Linked Increases Algorithm of RFC 6356 section 3 for one path (FreeBSD's MPTCP-like
 * {@code sctp_cmt_on_off} 4).
 *
 * <p>RFC 6356 section 3: for each ACK on path i, cwnd_i grows by
 * min(alpha * bytes_acked * MSS_i / cwnd_total, bytes_acked * MSS_i / cwnd_i), with
 * alpha = cwnd_total * max_k(cwnd_k / rtt_k^2) / (sum_j cwnd_j / rtt_j)^2. SCTP's congestion
 * avoidance adds one MTU per cwnd_i of bytes acknowledged (partial_bytes_acked, RFC 9260 section
 * 7.2.2); summing the RFC's per-ACK increase over those cwnd_i bytes gives the increase per step
 * this class returns:
 *
 * <pre>   MTU_i * min(alpha * cwnd_i / cwnd_total, 1)
 * = MTU_i * min(cwnd_i * cwnd_k / S^2, 1),  S = sum_j cwnd_j * rtt_k / rtt_j,</pre>
 *
 * <p>where k is the path with the largest cwnd_k / rtt_k^2 (the same quantity with numerator and
 * denominator multiplied by rtt_k^2, so that it is computed in integers: S is in bytes, the
 * comparison for k is exact in 128 bits). The second term of the RFC's minimum is Reno's one MTU:
 * no path grows faster than a single-path flow would on it (goal 2). The increase is rounded down
 * and is at least one byte.
 *
 * <p>RFC 6356 section 3 leaves slow start, fast retransmit, fast recovery and the multiplicative
 * decrease as in standard TCP: here they are Reno's per path (RFC 9260 sections 7.2.1 and 7.2.3).
 * FreeBSD also scales the slow-start increase by alpha; this class follows the RFC. RTTs are the
 * paths' srtt in microseconds; while a registered path has no RTT measurement yet, all count as
 * equal, and alpha becomes cwnd_total * max_k cwnd_k / cwnd_total^2. With one path the increase
 * is one MTU, Reno's.
 */
public final class LinkedIncreases implements WindowCoupling {

    /** Fixed-point bits of the intermediate MTU_i * cwnd_k / S. */
    private static final int SHIFT = 20;

    private final CoupledPaths paths;

    /**
     * The coupling of one path.
     *
     * @param paths the association's paths, this one registered among them
     */
    public LinkedIncreases(CoupledPaths paths) {
        this.paths = paths;
    }

    @Override
    public long slowStartIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        return renoIncrease; // RFC 6356 section 3: slow start as in standard TCP
    }

    @Override
    public long congestionAvoidanceIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        if (paths.size() <= 1) {
            return renoIncrease; // one path: alpha * cwnd_i / cwnd_total = 1
        }
        boolean measured = paths.allRttsMeasured();
        // RFC 6356 section 3, alpha's numerator: the path k with the largest cwnd_k / rtt_k^2
        int k = 0;
        for (int j = 1; j < paths.size(); j++) {
            long rttJ = paths.rttMicros(j, measured);
            long rttK = paths.rttMicros(k, measured);
            // cwnd_j / rtt_j^2 > cwnd_k / rtt_k^2  <=>  cwnd_j * rtt_k^2 > cwnd_k * rtt_j^2
            if (Fractions.compareProducts(paths.cwnd(j), rttK * rttK, paths.cwnd(k), rttJ * rttJ) > 0) {
                k = j;
            }
        }
        long cwndK = Math.max(1, paths.cwnd(k));
        long rttK = paths.rttMicros(k, measured);
        // alpha's denominator, times rtt_k: S = sum_j cwnd_j * rtt_k / rtt_j (>= cwnd_k > 0)
        long s = 0;
        for (int j = 0; j < paths.size(); j++) {
            s = Fractions.saturatedAdd(s, Fractions.mulDiv(paths.cwnd(j), rttK, paths.rttMicros(j, measured)));
        }
        s = Math.max(s, cwndK);
        // RFC 6356 section 3, the minimum: alpha * cwnd_i / cwnd_total = cwnd_i * cwnd_k / S^2 >= 1 is Reno's MTU
        if (Fractions.compareProducts(cwnd, cwndK, s, s) >= 0) {
            return renoIncrease;
        }
        long scaled = Fractions.mulDiv((long) mtu << SHIFT, cwndK, s); // MTU_i * cwnd_k / S, fixed point
        long increase = Fractions.mulDiv(scaled, cwnd, s) >> SHIFT;
        return Math.max(1, Math.min(renoIncrease, increase));
    }

    @Override
    public long ssthreshAfterLoss(long cwnd, long ssthresh, long renoSsthresh, int mtu) {
        return renoSsthresh; // RFC 6356 section 3: the multiplicative decrease of standard TCP, per path
    }

    @Override
    public String toString() {
        return "LIA";
    }
}
