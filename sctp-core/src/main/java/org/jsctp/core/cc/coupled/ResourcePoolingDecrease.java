package org.jsctp.core.cc.coupled;

/**
 * The loss reaction CMT/RPv1 and CMT/RPv2 share (Dreibholz, Becke, Pulinthanath, Rathgeb, AINA
 * 2010; Dreibholz, Becke, Adhari, Rathgeb, ConTEL 2011): the path that saw the loss gives up half
 * of the association's whole window, not half of its own, so the association backs off as one
 * flow would; what the path keeps never drops below its share of Reno's 4 * MTU floor (as FreeBSD
 * does) nor below one MTU.
 *
 * <p>ssthresh_i = max(cwnd_i - ceil(cwnd_total / 2), ceil(4 * MTU_i * share_i), MTU_i), where
 * share_i is the path's weight in the variant (ssthresh for RPv1, bandwidth for RPv2). Half the
 * total is rounded up so that with one path (share 1) this is Reno's max(cwnd / 2, 4 * MTU) of RFC
 * 9260 section 7.2.3 to the byte.
 */
final class ResourcePoolingDecrease {

    private ResourcePoolingDecrease() {
    }

    /**
     * {@return the path's new ssthresh}
     *
     * @param cwnd cwnd_i before the reduction
     * @param totalCwnd cwnd_total, this path included
     * @param sharePart the path's weight
     * @param shareWhole the summed weights of all paths
     * @param mtu MTU_i
     */
    static long ssthresh(long cwnd, long totalCwnd, long sharePart, long shareWhole, int mtu) {
        long halfOfTotal = totalCwnd - totalCwnd / 2; // ceil(cwnd_total / 2)
        long keptOfOwn = cwnd - halfOfTotal;          // the papers' cwnd_i - cwnd_total / 2
        long shareOfFloor = Fractions.ceilShare(4L * mtu, sharePart, shareWhole); // FreeBSD's weighted 4 * MTU
        return Math.max(Math.max(keptOfOwn, shareOfFloor), mtu);
    }
}
