/**
 * Destination paths of an association (RFC 9260 sections 5.4, 8.2 and 8.3, and the per-path
 * parts of 6.3 and 6.4).
 *
 * <p>{@link org.jsctp.core.path.Path} is one peer address: its RTO, error counter, confirmation,
 * MTU and heartbeats; its documentation says in which order the association calls it.
 * {@link org.jsctp.core.path.HeartbeatInfo} is the layout of our Heartbeat Info (path id, nonce,
 * send time), {@link org.jsctp.core.path.HeartbeatOutcome} and
 * {@link org.jsctp.core.path.HeartbeatTimeout} what an acknowledgement or a timeout did, and
 * {@link org.jsctp.core.path.PathEvent} a change of reachability to report.
 *
 * <p>Left to the association: choosing the primary and alternate paths (section 6.4), the
 * per-destination T3-rtx timer, the overall error count and Association.Max.Retrans (section
 * 8.1), HB.Max.Burst and sending at most one idle heartbeat per wake-up (sections 5.4 and 8.3),
 * answering HEARTBEAT chunks ({@code HeartbeatChunk.ack()}) in the states section 8.3 allows, and
 * the RTT measurements from DATA (section 6.3.1).
 */
package org.jsctp.core.path;
