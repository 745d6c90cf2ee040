package org.jsctp.api;

import java.util.List;

/**
 * A snapshot of an association's state and counters (RFC 6458 section 8.2.1 SCTP_STATUS, with
 * the counters of the SCTP MIB, RFC 3873), taken on the event loop by
 * {@link SctpAssociation#statistics()}.
 *
 * @param state the association's state
 * @param outboundStreams streams we may send on
 * @param inboundStreams streams the peer may send on
 * @param packetsSent SCTP packets sent on the association (retransmissions included)
 * @param packetsReceived SCTP packets received on it
 * @param dataChunksSent DATA chunks sent, retransmissions included
 * @param dataChunksReceived DATA chunks received, duplicates included
 * @param bytesSent user data bytes in the DATA chunks sent
 * @param bytesReceived user data bytes in the DATA chunks received
 * @param t3Retransmissions chunks sent again after the retransmission timer expired (RFC 9260 section 6.3.3)
 * @param fastRetransmissions chunks sent again by Fast Retransmit (RFC 9260 section 7.2.4)
 * @param sacksSent SACK chunks sent
 * @param sacksReceived SACK chunks received
 * @param duplicateTsns DATA chunks received that had been received before
 * @param peerReceiverWindow our view of the peer's receive window in bytes (sstat_rwnd)
 * @param bufferedAmount bytes accepted for sending and not yet acknowledged (queued or in flight)
 * @param paths the paths to the peer (one until multi-homing); the first is the primary
 * @param abandoned messages given up by PR-SCTP, per policy (RFC 7496 section 4.5)
 * @param zeroChecksumPacketsSent packets sent with a zero checksum instead of CRC32C (RFC 9653,
 *     {@link SctpOptions#ZERO_CHECKSUM_ACCEPTABLE}); counted in {@code packetsSent} too
 * @param zeroChecksumPacketsReceived packets received with a zero checksum (RFC 9653); counted in
 *     {@code packetsReceived} too
 */
public record SctpStatistics(SctpAssociationState state, int outboundStreams, int inboundStreams, long packetsSent,
                             long packetsReceived, long dataChunksSent, long dataChunksReceived, long bytesSent,
                             long bytesReceived, long t3Retransmissions, long fastRetransmissions, long sacksSent,
                             long sacksReceived, long duplicateTsns, long peerReceiverWindow, long bufferedAmount,
                             List<SctpPathStatistics> paths, SctpPrStatistics abandoned,
                             long zeroChecksumPacketsSent, long zeroChecksumPacketsReceived) {

    /**
     * Copies the paths.
     *
     * @param state the association's state
     * @param outboundStreams streams we may send on
     * @param inboundStreams streams the peer may send on
     * @param packetsSent SCTP packets sent on the association (retransmissions included)
     * @param packetsReceived SCTP packets received on it
     * @param dataChunksSent DATA chunks sent, retransmissions included
     * @param dataChunksReceived DATA chunks received, duplicates included
     * @param bytesSent user data bytes in the DATA chunks sent
     * @param bytesReceived user data bytes in the DATA chunks received
     * @param t3Retransmissions chunks sent again after the retransmission timer expired (RFC 9260 section 6.3.3)
     * @param fastRetransmissions chunks sent again by Fast Retransmit (RFC 9260 section 7.2.4)
     * @param sacksSent SACK chunks sent
     * @param sacksReceived SACK chunks received
     * @param duplicateTsns DATA chunks received that had been received before
     * @param peerReceiverWindow our view of the peer's receive window in bytes (sstat_rwnd)
     * @param bufferedAmount bytes accepted for sending and not yet acknowledged (queued or in flight)
     * @param paths the paths to the peer (one until multi-homing); the first is the primary
     * @param abandoned messages given up by PR-SCTP, per policy (RFC 7496 section 4.5)
     * @param zeroChecksumPacketsSent packets sent with a zero checksum instead of CRC32C (RFC 9653,
     *     {@link SctpOptions#ZERO_CHECKSUM_ACCEPTABLE}); counted in {@code packetsSent} too
     * @param zeroChecksumPacketsReceived packets received with a zero checksum (RFC 9653); counted in
     *     {@code packetsReceived} too
     */
    public SctpStatistics {
        paths = List.copyOf(paths);
    }

    /** {@return retransmitted chunks of both kinds} */
    public long retransmissions() {
        return t3Retransmissions + fastRetransmissions;
    }
}
