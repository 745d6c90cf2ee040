/**
 * Concurrent multipath transfer (CMT): the sender-side algorithms of
 * draft-tuexen-tsvwg-sctp-multipath (section numbers of revision 28) that let one association
 * send new data on all its active paths at once, as pure classes the multi-path sender calls.
 *
 * <ul>
 *   <li>{@link org.jsctp.core.cmt.CmtScheduler}: which path gets the next packet of new data
 *       (round robin over active paths with congestion window room) and where a retransmission
 *       goes ({@link org.jsctp.core.cmt.RetransmissionPolicy}, RTX-SSTHRESH by default), over
 *       {@link org.jsctp.core.cmt.CmtPathView}s the sender implements;</li>
 *   <li>{@link org.jsctp.core.cmt.SplitFastRetransmit} (section 3.1): missing reports only for
 *       TSNs below the highest TSN newly acknowledged on their own path;</li>
 *   <li>{@link org.jsctp.core.cmt.CwndUpdateForChangeover} (section 3.2): each path's cwnd may
 *       grow when its pseudo-cumulative TSN ack advances, not only the association's;</li>
 *   <li>{@link org.jsctp.core.cmt.DelayedAckForCmt} and {@link org.jsctp.core.cmt.DacFlags}
 *       (section 3.3): the receiver says how many packets a SACK acknowledges, the sender
 *       counts that many missing reports where it may;</li>
 *   <li>{@link org.jsctp.core.cmt.CmtActivation}: CMT only where NR-SACK is negotiated;</li>
 *   <li>{@link org.jsctp.core.cmt.CmtCongestionControl}: whether the paths' congestion windows
 *       are coupled (CMT/RPv1, CMT/RPv2, RFC 6356's LIA; the rules are in
 *       {@code org.jsctp.core.cc.coupled}) or each path is on its own;</li>
 *   <li>{@link org.jsctp.core.cmt.CmtBufferSplitting} and {@link org.jsctp.core.cmt.BufferSplit}
 *       (FreeBSD's {@code sctp_buffer_splitting}): each active path's share of the send buffer
 *       or the peer's window, beyond which it takes no new data.</li>
 * </ul>
 *
 * <p>Inputs are one SACK as the sender saw it ({@link org.jsctp.core.cmt.SackDigest}: the chunks
 * it newly acknowledged and the chunks still unacknowledged, each with the path it was last sent
 * on); outputs are values. Nothing here keeps the outstanding data or talks to the association.
 * The association's data sender wires them in ({@code assoc.DataSender} with
 * {@code assoc.CmtPathSelection}, {@code tx.OutstandingData.setCmtMissRules}) and its receiver
 * uses {@link org.jsctp.core.cmt.DacReceiverCounter}; see docs/EXTENSIONS.md, "CMT".
 */
package org.jsctp.core.cmt;
