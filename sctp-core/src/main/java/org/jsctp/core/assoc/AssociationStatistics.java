package org.jsctp.core.assoc;

import java.util.List;

/**
 * A snapshot of an association's counters and state (RFC 6458 section 8.2.2 SCTP_STATUS, RFC
 * 3873 section 3.1.2), taken by {@link Association#statistics()}.
 *
 * @param packetsSent SCTP packets the association handed out (retransmissions included)
 * @param packetsReceived SCTP packets routed to the association
 * @param dataChunksSent DATA and I-DATA chunks sent, retransmissions included
 * @param dataChunksReceived DATA and I-DATA chunks received, duplicates included
 * @param userBytesSent user data bytes in the DATA chunks sent
 * @param userBytesReceived user data bytes in the DATA chunks received
 * @param t3Retransmissions chunks retransmitted after T3-rtx expired (RFC 9260 section 6.3.3)
 * @param fastRetransmissions chunks retransmitted by Fast Retransmit (RFC 9260 section 7.2.4)
 * @param sacksSent SACK chunks sent
 * @param sacksReceived SACK chunks received
 * @param duplicateTsns DATA chunks received whose TSN had been received before
 * @param peerReceiverWindow the sender's current view of the peer's receiver window (rwnd, RFC
 *     9260 section 6.2.1): its last a_rwnd less the data in flight since
 * @param bufferedAmount user data accepted and not yet acknowledged, in bytes
 * @param paths one entry per path to the peer (one until multi-homing)
 * @param t3Expiries times the T3-rtx timer expired with data outstanding (RFC 9260 section
 *     6.3.3): each one collapses cwnd to one MTU and doubles the RTO
 * @param abandoned messages abandoned by PR-SCTP, per policy (RFC 7496 section 4.5)
 * @param zeroChecksumPacketsSent packets handed out to be sent with a zero checksum (RFC 9653
 *     section 5.2), counted in {@code packetsSent} too
 * @param zeroChecksumPacketsReceived packets taken that arrived with a zero checksum (RFC 9653
 *     section 5.3), counted in {@code packetsReceived} too
 */
public record AssociationStatistics(long packetsSent, long packetsReceived, long dataChunksSent,
                                    long dataChunksReceived, long userBytesSent, long userBytesReceived,
                                    long t3Retransmissions, long fastRetransmissions, long sacksSent,
                                    long sacksReceived, long duplicateTsns, long peerReceiverWindow,
                                    long bufferedAmount, List<PathStatistics> paths, long t3Expiries,
                                    PrStatistics abandoned, long zeroChecksumPacketsSent,
                                    long zeroChecksumPacketsReceived) {

    /**
     * Copies the paths.
     *
     * @param packetsSent SCTP packets the association handed out (retransmissions included)
     * @param packetsReceived SCTP packets routed to the association
     * @param dataChunksSent DATA and I-DATA chunks sent, retransmissions included
     * @param dataChunksReceived DATA and I-DATA chunks received, duplicates included
     * @param userBytesSent user data bytes in the DATA chunks sent
     * @param userBytesReceived user data bytes in the DATA chunks received
     * @param t3Retransmissions chunks retransmitted after T3-rtx expired (RFC 9260 section 6.3.3)
     * @param fastRetransmissions chunks retransmitted by Fast Retransmit (RFC 9260 section 7.2.4)
     * @param sacksSent SACK chunks sent
     * @param sacksReceived SACK chunks received
     * @param duplicateTsns DATA chunks received whose TSN had been received before
     * @param peerReceiverWindow the sender's current view of the peer's receiver window (rwnd, RFC
     *     9260 section 6.2.1): its last a_rwnd less the data in flight since
     * @param bufferedAmount user data accepted and not yet acknowledged, in bytes
     * @param paths one entry per path to the peer (one until multi-homing)
     * @param t3Expiries times the T3-rtx timer expired with data outstanding (RFC 9260 section
     *     6.3.3): each one collapses cwnd to one MTU and doubles the RTO
     * @param abandoned messages abandoned by PR-SCTP, per policy (RFC 7496 section 4.5)
     * @param zeroChecksumPacketsSent packets handed out to be sent with a zero checksum (RFC 9653
     *     section 5.2), counted in {@code packetsSent} too
     * @param zeroChecksumPacketsReceived packets taken that arrived with a zero checksum (RFC 9653
     *     section 5.3), counted in {@code packetsReceived} too
     */
    public AssociationStatistics {
        paths = List.copyOf(paths);
    }
}
