package org.jsctp.examples;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.SctpPathStatistics;
import org.jsctp.api.SctpStatistics;

/** Association statistics as a few readable lines, for the tools' summaries. */
final class StatisticsText {

    private StatisticsText() {
    }

    static List<String> lines(SctpStatistics s) {
        List<String> out = new ArrayList<>();
        out.add(String.format("  packets sent %d, received %d; DATA chunks sent %d, received %d; user bytes sent %d, "
                + "received %d", s.packetsSent(), s.packetsReceived(), s.dataChunksSent(), s.dataChunksReceived(),
                s.bytesSent(), s.bytesReceived()));
        out.add(String.format("  retransmitted chunks: %d after timeout, %d fast; SACKs sent %d, received %d; "
                + "duplicate TSNs %d; peer window %d bytes", s.t3Retransmissions(), s.fastRetransmissions(),
                s.sacksSent(), s.sacksReceived(), s.duplicateTsns(), s.peerReceiverWindow()));
        if (s.zeroChecksumPacketsSent() > 0 || s.zeroChecksumPacketsReceived() > 0) {
            out.add(String.format("  zero checksum (RFC 9653): packets sent %d, received %d", s.zeroChecksumPacketsSent(),
                    s.zeroChecksumPacketsReceived()));
        }
        for (SctpPathStatistics p : s.paths()) {
            out.add(String.format("  path %s %s: srtt %.3f ms, rto %d ms, cwnd %d, ssthresh %d, mtu %d (PMTUD %s)",
                    p.address(), p.state(), p.srtt().toNanos() / 1e6, p.rto().toMillis(), p.cwnd(), p.ssthresh(),
                    p.mtu(), p.mtuState().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }
}
