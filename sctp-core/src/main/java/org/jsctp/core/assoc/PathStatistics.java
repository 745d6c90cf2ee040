package org.jsctp.core.assoc;

import java.net.InetAddress;
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
 * @param address the peer address of the path, or null for the single anonymous path of an
 *     association that was given no addresses
 */
public record PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh,
                             int mtu, InetAddress address) {

    /** A snapshot of the anonymous path (no address). */
    public PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh, int mtu) {
        this(id, state, srttNanos, rtoNanos, cwnd, ssthresh, mtu, null);
    }
}
