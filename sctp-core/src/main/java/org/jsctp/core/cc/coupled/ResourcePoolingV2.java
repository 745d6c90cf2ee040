package org.jsctp.core.cc.coupled;

import org.jsctp.core.cc.WindowCoupling;

/**
 * CMT/RPv2 for one path: as {@link ResourcePoolingV1}, but the share is the path's part of the
 * association's bandwidth, share_i = (cwnd_i / srtt_i) / sum_j (cwnd_j / srtt_j) (Dreibholz,
 * Becke, Adhari, Rathgeb, "On the Impact of Congestion Control for Concurrent Multipath Transfer
 * on the Transport Layer", ConTEL 2011; FreeBSD's {@code sctp_cmt_on_off} 3), so a path with a
 * short RTT, which sees its acknowledgements sooner, does not take more than its part.
 *
 * <ul>
 *   <li>Slow start: cwnd_i grows by ceil(share_i * min(bytes acked, L * MTU_i)).</li>
 *   <li>Congestion avoidance: once partial_bytes_acked reaches cwnd_i, cwnd_i grows by
 *       ceil(share_i * MTU_i).</li>
 *   <li>Loss (fast retransmit or T3-rtx): {@link ResourcePoolingDecrease} with this share.</li>
 * </ul>
 *
 * <p>Bandwidths are cwnd * 2^20 / srtt in microseconds, cwnd capped at 2^32 for the product. While
 * a registered path has no RTT measurement yet, all RTTs count as equal and the share is
 * cwnd_i / cwnd_total (FreeBSD leaves such paths out of the sum instead). With one path share_i = 1
 * and every rule is Reno's.
 */
public final class ResourcePoolingV2 implements WindowCoupling {

    private static final int BANDWIDTH_SHIFT = 20;
    private static final long MAX_CWND_FOR_BANDWIDTH = 1L << 32;

    private final CoupledPaths paths;
    private final int pathId;

    /**
     * The coupling of one path.
     *
     * @param paths the association's paths, this one registered among them
     * @param pathId this path's id
     */
    public ResourcePoolingV2(CoupledPaths paths, int pathId) {
        this.paths = paths;
        this.pathId = pathId;
    }

    @Override
    public long slowStartIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        return bandwidthShareOf(renoIncrease, cwnd); // ConTEL 2011, CMT/RPv2 slow start
    }

    @Override
    public long congestionAvoidanceIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        return bandwidthShareOf(renoIncrease, cwnd); // ConTEL 2011, CMT/RPv2 congestion avoidance: of one MTU
    }

    /** ceil(share_i * amount), share_i this path's part of the association's bandwidth. */
    private long bandwidthShareOf(long amount, long cwnd) {
        boolean measured = paths.allRttsMeasured();
        return Fractions.ceilShare(amount, bandwidth(cwnd, measured), totalBandwidth(measured));
    }

    @Override
    public long ssthreshAfterLoss(long cwnd, long ssthresh, long renoSsthresh, int mtu) {
        boolean measured = paths.allRttsMeasured();
        return ResourcePoolingDecrease.ssthresh(cwnd, paths.totalCwnd(), bandwidth(cwnd, measured),
                totalBandwidth(measured), mtu);
    }

    /** This path's cwnd / srtt (cwnd alone while RTTs count as equal). */
    private long bandwidth(long cwnd, boolean measured) {
        return measured ? bandwidth(cwnd, paths.rttMicrosOf(pathId)) : cwnd;
    }

    /** sum_j cwnd_j / srtt_j over the registered paths (sum_j cwnd_j while RTTs count as equal). */
    private long totalBandwidth(boolean measured) {
        long sum = 0;
        for (int j = 0; j < paths.size(); j++) {
            long c = paths.cwnd(j);
            sum = Fractions.saturatedAdd(sum, measured ? bandwidth(c, paths.rttMicros(j, true)) : c);
        }
        return sum;
    }

    private static long bandwidth(long cwnd, long rttMicros) {
        return (Math.min(cwnd, MAX_CWND_FOR_BANDWIDTH) << BANDWIDTH_SHIFT) / rttMicros;
    }

    @Override
    public String toString() {
        return "CMT/RPv2";
    }
}
