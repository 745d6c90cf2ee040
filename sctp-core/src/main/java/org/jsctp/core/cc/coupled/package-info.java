/**
 * Coupled congestion control for concurrent multipath transfer: the window increases (and for
 * resource pooling the decreases) of a CMT association's paths depend on all its paths, so the
 * association is no more aggressive on a shared bottleneck than one single-path flow, chosen by
 * {@link org.jsctp.core.cmt.CmtCongestionControl} (FreeBSD's {@code sctp_cmt_on_off} 2 to 4).
 *
 * <ul>
 *   <li>{@link org.jsctp.core.cc.coupled.CoupledPaths}: the association's paths as the rules see
 *       them (cwnd, ssthresh, srtt, and their sums);</li>
 *   <li>{@link org.jsctp.core.cc.coupled.ResourcePoolingV1}: CMT/RPv1, shares by ssthresh
 *       (Dreibholz et al., AINA 2010 and ConTEL 2011);</li>
 *   <li>{@link org.jsctp.core.cc.coupled.ResourcePoolingV2}: CMT/RPv2, shares by bandwidth
 *       cwnd / srtt (ConTEL 2011); both reduce by half the association's window on a loss
 *       ({@code ResourcePoolingDecrease});</li>
 *   <li>{@link org.jsctp.core.cc.coupled.LinkedIncreases}: RFC 6356's linked increases, alpha in
 *       congestion avoidance, Reno's slow start and halving;</li>
 *   <li>{@link org.jsctp.core.cc.coupled.CoupledControllers}: the per-path controller for a variant.</li>
 * </ul>
 *
 * <p>Each rule is a {@link org.jsctp.core.cc.WindowCoupling} of the path's
 * {@link org.jsctp.core.cc.RenoCongestionController}, which keeps everything else of RFC 9260
 * section 7.2 (partial_bytes_acked, fast recovery, T3-rtx collapse to one MTU, idle decay,
 * Max.Burst). All arithmetic is in {@code long}; no rule divides by zero.
 */
package org.jsctp.core.cc.coupled;
