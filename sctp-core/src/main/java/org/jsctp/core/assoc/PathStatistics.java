package org.jsctp.core.assoc;

import java.net.InetAddress;
import org.jsctp.core.path.PathState;
import org.jsctp.core.path.PmtuState;

/**
 * A snapshot of one path (RFC 6458 section 8.2.2's sstat_primary, struct sctp_paddrinfo).
 *
 * @param id the path's number in the association
 * @param state confirmed and reachable or not (RFC 9260 section 8.2)
 * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
 * @param rtoNanos the current retransmission timeout
 * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
 * @param ssthresh the slow-start threshold in bytes
 * @param mtu the path MTU used (the SCTP packet size): the PLPMTU while PLPMTUD runs
 * @param pmtuState the RFC 8899 section 5.2 state of the path's PLPMTUD ({@link PmtuState#DISABLED}
 *     with a fixed MTU)
 * @param address the peer address of the path, or null for the single anonymous path of an
 *     association that was given no addresses
 * @param dataPacketsSent packets carrying DATA sent to the path so far (with CMT, draft-tuexen-
 *     tsvwg-sctp-multipath, they are spread over the active paths)
 */
public record PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh,
                             int mtu, PmtuState pmtuState, InetAddress address, long dataPacketsSent) {

    /**
     * A snapshot without the DATA packet count.
     *
     * @param id the path's number in the association
     * @param state confirmed and reachable or not (RFC 9260 section 8.2)
     * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
     * @param rtoNanos the current retransmission timeout
     * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the path MTU used (the SCTP packet size): the PLPMTU while PLPMTUD runs
     * @param pmtuState the RFC 8899 section 5.2 state of the path's PLPMTUD ({@link PmtuState#DISABLED}
     *     with a fixed MTU)
     * @param address the peer address of the path, or null for the single anonymous path of an
     *     association that was given no addresses
     */
    public PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh,
                          int mtu, PmtuState pmtuState, InetAddress address) {
        this(id, state, srttNanos, rtoNanos, cwnd, ssthresh, mtu, pmtuState, address, 0);
    }

    /**
     * A snapshot of the anonymous path (no address) with a fixed MTU.
     *
     * @param id the path's number in the association
     * @param state confirmed and reachable or not (RFC 9260 section 8.2)
     * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
     * @param rtoNanos the current retransmission timeout
     * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the path MTU used (the SCTP packet size): the PLPMTU while PLPMTUD runs
     */
    public PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh, int mtu) {
        this(id, state, srttNanos, rtoNanos, cwnd, ssthresh, mtu, PmtuState.DISABLED, null);
    }

    /**
     * A snapshot of the anonymous path (no address).
     *
     * @param id the path's number in the association
     * @param state confirmed and reachable or not (RFC 9260 section 8.2)
     * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
     * @param rtoNanos the current retransmission timeout
     * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the path MTU used (the SCTP packet size): the PLPMTU while PLPMTUD runs
     * @param pmtuState the RFC 8899 section 5.2 state of the path's PLPMTUD ({@link PmtuState#DISABLED}
     *     with a fixed MTU)
     */
    public PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh, int mtu,
                          PmtuState pmtuState) {
        this(id, state, srttNanos, rtoNanos, cwnd, ssthresh, mtu, pmtuState, null);
    }

    /**
     * A snapshot of a path with a fixed MTU.
     *
     * @param id the path's number in the association
     * @param state confirmed and reachable or not (RFC 9260 section 8.2)
     * @param srttNanos the smoothed round-trip time, 0 before the first measurement (RFC 9260 section 6.3.1)
     * @param rtoNanos the current retransmission timeout
     * @param cwnd the congestion window in bytes (RFC 9260 section 7.2)
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the path MTU used (the SCTP packet size): the PLPMTU while PLPMTUD runs
     * @param address the peer address of the path, or null for the single anonymous path of an
     *     association that was given no addresses
     */
    public PathStatistics(int id, PathState state, long srttNanos, long rtoNanos, long cwnd, long ssthresh, int mtu,
                          InetAddress address) {
        this(id, state, srttNanos, rtoNanos, cwnd, ssthresh, mtu, PmtuState.DISABLED, address);
    }
}
