package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.SackChunk;

/**
 * The running counts of one association (the counters of RFC 6458 section 8.2.2's SCTP_STATUS
 * and of the SCTP MIB, RFC 3873 section 3.1.2), incremented where packets are handed out and
 * received. Single-threaded like the association; {@link #snapshot} copies them.
 */
final class AssociationCounters {

    private long packetsSent;
    private long packetsReceived;
    private long dataChunksSent;
    private long dataChunksReceived;
    private long userBytesSent;
    private long userBytesReceived;
    private long t3Retransmissions;
    private long fastRetransmissions;
    private long sacksSent;
    private long sacksReceived;
    private long duplicateTsns;
    private long t3Expiries;
    private long zeroChecksumPacketsSent;
    private long zeroChecksumPacketsReceived;
    /** PR-SCTP abandonments by policy ordinal (TTL, RTX, PRIO) and sent (1) or unsent (0). */
    private final long[][] abandoned = new long[PrPolicy.Kind.values().length][2];

    /** A packet the association hands out: counts it and its DATA, I-DATA and SACK chunks. */
    void onPacketSent(PacketToSend p) {
        packetsSent++;
        if (p.zeroChecksum()) {
            zeroChecksumPacketsSent++;
        }
        List<Chunk> chunks = p.chunks();
        for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet (issue 6)
            Chunk c = chunks.get(i);
            if (c instanceof DataChunk d) {
                dataChunksSent++;
                userBytesSent += d.userData().length();
            } else if (c instanceof IDataChunk d) {
                dataChunksSent++;
                userBytesSent += d.userData().length();
            } else if (c instanceof SackChunk) {
                sacksSent++;
            }
        }
    }

    /** A packet the association takes, with a CRC32C or a zero checksum (RFC 9653). */
    void onPacketReceived(SctpPacket p) {
        packetsReceived++;
        if (p.zeroChecksum()) {
            zeroChecksumPacketsReceived++;
        }
    }

    void onDataChunkReceived(int userBytes) {
        dataChunksReceived++;
        userBytesReceived += userBytes;
    }

    void onSackReceived() {
        sacksReceived++;
    }

    void onDuplicateTsn() {
        duplicateTsns++;
    }

    /** T3-rtx expired with data outstanding (RFC 9260 section 6.3.3). */
    void onT3Expiry() {
        t3Expiries++;
    }

    /** A chunk sent again: by Fast Retransmit (RFC 9260 section 7.2.4) or after T3-rtx expired (section 6.3.3). */
    void onRetransmission(boolean fast) {
        if (fast) {
            fastRetransmissions++;
        } else {
            t3Retransmissions++;
        }
    }

    /** A message abandoned by PR-SCTP under {@code policy} (RFC 7496 section 4.5). */
    void onAbandoned(PrPolicy.Kind policy, boolean sent) {
        abandoned[policy.ordinal()][sent ? 1 : 0]++;
    }

    /** The counts now, with the state values the association adds. */
    AssociationStatistics snapshot(long peerReceiverWindow, long bufferedAmount, java.util.List<PathStatistics> paths) {
        return new AssociationStatistics(packetsSent, packetsReceived, dataChunksSent, dataChunksReceived, userBytesSent,
                userBytesReceived, t3Retransmissions, fastRetransmissions, sacksSent, sacksReceived, duplicateTsns,
                peerReceiverWindow, bufferedAmount, paths, t3Expiries, new PrStatistics(abandoned[1][0],
                        abandoned[1][1], abandoned[2][0], abandoned[2][1], abandoned[3][0], abandoned[3][1]),
                zeroChecksumPacketsSent, zeroChecksumPacketsReceived);
    }
}
