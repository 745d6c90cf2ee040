/**
 * Congestion control per path (RFC 9260 section 7).
 *
 * <p>{@link org.jsctp.core.cc.CongestionController} is what the association sees of one path's
 * controller, and its documentation says in which order the association reports SACKs, losses,
 * timeouts and sends. {@link org.jsctp.core.cc.RenoCongestionController} implements RFC 9260
 * sections 7.2.1 to 7.2.4, configured by {@link org.jsctp.core.cc.RenoConfig}; other algorithms
 * can be added behind the same interface. A {@link org.jsctp.core.cc.WindowCoupling} lets the
 * Reno controllers of a CMT association's paths couple their increases and decreases (CMT/RPv1,
 * CMT/RPv2, RFC 6356's linked increases: package {@code org.jsctp.core.cc.coupled}); uncoupled,
 * the default, each path is the RFC 9260 controller alone.
 *
 * <p>Multihoming: RFC 9260 section 7.2.4 describes fast recovery as a state of the association
 * ("if not in Fast Recovery ... adjust the ssthresh and cwnd of the destination address(es) to
 * which the missing DATA chunks were last sent"). The controllers here keep it per path. For an
 * association with one path that is the same thing; with several, an association that wants the
 * RFC's behaviour exactly calls {@code onFastRetransmit} only while no path is in fast recovery.
 */
package org.jsctp.core.cc;
