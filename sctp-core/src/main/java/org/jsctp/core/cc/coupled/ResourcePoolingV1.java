package org.jsctp.core.cc.coupled;

import org.jsctp.core.cc.WindowCoupling;

/**
 * CMT/RPv1 for one path: every change of the path's window is weighted by the path's share of the
 * association's summed slow-start thresholds, share_i = ssthresh_i / ssthresh_total (Dreibholz,
 * Becke, Pulinthanath, Rathgeb, "Applying TCP-Friendly Congestion Control to Concurrent Multipath
 * Transfer", AINA 2010, the CMT/RPv1 of Dreibholz, Becke, Adhari, Rathgeb, ConTEL 2011; FreeBSD's
 * {@code sctp_cmt_on_off} 2).
 *
 * <ul>
 *   <li>Slow start: cwnd_i grows by ceil(share_i * min(bytes acked, L * MTU_i)).</li>
 *   <li>Congestion avoidance: once partial_bytes_acked reaches cwnd_i, cwnd_i grows by
 *       ceil(share_i * MTU_i).</li>
 *   <li>Loss (fast retransmit or T3-rtx): {@link ResourcePoolingDecrease} with this share.</li>
 * </ul>
 *
 * <p>The shares add up to 1, so the association's window grows in all as one Reno flow's would;
 * with one path share_i = 1 and every rule is Reno's. Rounding up keeps each increase at least
 * one byte.
 */
public final class ResourcePoolingV1 implements WindowCoupling {

    private final CoupledPaths paths;

    /**
     * The coupling of one path.
     *
     * @param paths the association's paths, this one registered among them
     */
    public ResourcePoolingV1(CoupledPaths paths) {
        this.paths = paths;
    }

    @Override
    public long slowStartIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        // AINA 2010 / ConTEL 2011, CMT/RPv1 slow start: ssthresh_i / ssthresh_total of Reno's increase
        return Fractions.ceilShare(renoIncrease, ssthresh, paths.totalSsthresh());
    }

    @Override
    public long congestionAvoidanceIncrease(long cwnd, long ssthresh, long renoIncrease, int mtu) {
        // AINA 2010 / ConTEL 2011, CMT/RPv1 congestion avoidance: ssthresh_i / ssthresh_total of one MTU
        return Fractions.ceilShare(renoIncrease, ssthresh, paths.totalSsthresh());
    }

    @Override
    public long ssthreshAfterLoss(long cwnd, long ssthresh, long renoSsthresh, int mtu) {
        return ResourcePoolingDecrease.ssthresh(cwnd, paths.totalCwnd(), ssthresh, paths.totalSsthresh(), mtu);
    }

    @Override
    public String toString() {
        return "CMT/RPv1";
    }
}
