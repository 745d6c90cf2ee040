package org.jsctp.core.assoc;

import org.jsctp.core.path.PathState;

/**
 * A snapshot of one path (RFC 6458 section 8.2.2's sstat_primary, struct sctp_paddrinfo).
 *
 * @param id the path's number in the association
 * @param state confirmed and reachable or not (RFC 9260 section 8.2)
 * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
 * @param rtoNanos the current retransmission timeout
 * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
 * @param ssthresh the slow-start threshold in bytes
 * @param mtu the path MTU used (the SCTP packet size)
 */
public record PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh,
                             int mtu) {
}
