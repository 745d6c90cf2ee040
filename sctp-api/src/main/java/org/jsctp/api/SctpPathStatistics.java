package org.jsctp.api;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A snapshot of one path to the peer (RFC 6458 section 8.2.2 {@code sctp_paddrinfo}).
 *
 * @param address the peer's UDP address on this path
 * @param state reachable or not
 * @param srtt the smoothed round-trip time (zero before the first measurement)
 * @param rto the current retransmission timeout
 * @param cwnd the congestion window in bytes
 * @param ssthresh the slow-start threshold in bytes
 * @param mtu the largest SCTP packet sent on it (the UDP payload): the PLPMTU while Path MTU
 *     discovery runs
 * @param mtuState the state of Path MTU discovery on the path (RFC 8899 section 5.2)
 * @param dataPacketsSent packets carrying DATA sent on the path so far (with {@link
 *     SctpOptions#CMT_ENABLED} they are spread over the active paths)
 */
public record SctpPathStatistics(InetSocketAddress address, SctpPathState state, Duration srtt, Duration rto,
                                 long cwnd, long ssthresh, int mtu, SctpPathMtuState mtuState, long dataPacketsSent) {

    /**
     * A snapshot without the DATA packet count.
     *
     * @param address the peer's UDP address on this path
     * @param state reachable or not
     * @param srtt the smoothed round-trip time (zero before the first measurement)
     * @param rto the current retransmission timeout
     * @param cwnd the congestion window in bytes
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the largest SCTP packet sent on it (the UDP payload): the PLPMTU while Path MTU
     *     discovery runs
     * @param mtuState the state of Path MTU discovery on the path (RFC 8899 section 5.2)
     */
    public SctpPathStatistics(InetSocketAddress address, SctpPathState state, Duration srtt, Duration rto,
                              long cwnd, long ssthresh, int mtu, SctpPathMtuState mtuState) {
        this(address, state, srtt, rto, cwnd, ssthresh, mtu, mtuState, 0);
    }

    /**
     * A snapshot of a path with a fixed MTU.
     *
     * @param address the peer's UDP address on this path
     * @param state reachable or not
     * @param srtt the smoothed round-trip time (zero before the first measurement)
     * @param rto the current retransmission timeout
     * @param cwnd the congestion window in bytes
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the largest SCTP packet sent on it (the UDP payload): the PLPMTU while Path MTU
     *     discovery runs
     */
    public SctpPathStatistics(InetSocketAddress address, SctpPathState state, Duration srtt, Duration rto,
                              long cwnd, long ssthresh, int mtu) {
        this(address, state, srtt, rto, cwnd, ssthresh, mtu, SctpPathMtuState.DISABLED);
    }
}
