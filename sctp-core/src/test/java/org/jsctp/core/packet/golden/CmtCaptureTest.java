package org.jsctp.core.packet.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.core.cmt.CmtPathSnapshot;
import org.jsctp.core.cmt.CmtScheduler;
import org.jsctp.core.cmt.DacFlags;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.junit.jupiter.api.Test;

/**
 * What usrsctp 0.9.5 did with CMT on in nrsack-cmt.pcapng (test resources golden/), against the
 * algorithms of package {@code org.jsctp.core.cmt}: its first flight of new data alternates
 * between the two destinations packet by packet, as our scheduler's round robin does, and its
 * NR-SACKs carry no DAC packet count (its sysctl sctp_cmt_use_dac is off by default).
 */
class CmtCaptureTest {

    private static final int CLIENT_UDP_PORT = 9900;
    private static final int MTU = 1200;

    @Test
    void theFirstFlightAlternatesBetweenTheTwoDestinationsAsOurRoundRobinDoes() throws DecodeException {
        List<InetAddress> destinations = new ArrayList<>();
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("nrsack-cmt.pcapng").packets()) {
            SctpPacket packet = PacketDecoder.strict().decode(d.payload());
            if (packet.chunks().stream().anyMatch(c -> c instanceof NrSackChunk)) {
                break; // the first acknowledgement ends the first flight
            }
            if (d.sourcePort() == CLIENT_UDP_PORT && packet.chunks().stream().anyMatch(c -> c instanceof DataChunk)) {
                destinations.add(d.destination());
            }
        }
        Map<InetAddress, Integer> pathIds = new LinkedHashMap<>();
        List<Integer> observed = new ArrayList<>();
        for (InetAddress a : destinations) {
            observed.add(pathIds.computeIfAbsent(a, k -> pathIds.size()));
        }
        assertThat(pathIds).as("two destinations used at once").hasSize(2);
        assertThat(observed).hasSizeGreaterThanOrEqualTo(4);

        CmtScheduler scheduler = new CmtScheduler();
        List<CmtPathSnapshot> paths = List.of(CmtPathSnapshot.active(0, 100 * MTU, 0, 100 * MTU, MTU),
                CmtPathSnapshot.active(1, 100 * MTU, 0, 100 * MTU, MTU));
        List<Integer> ours = new ArrayList<>();
        for (int i = 0; i < observed.size(); i++) {
            ours.add(scheduler.nextPathForNewData(paths).getAsInt());
        }
        assertThat(ours).isEqualTo(observed);
    }

    @Test
    void usrsctpsNrSacksCarryNoDacPacketCount() {
        int nrSacks = 0;
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("nrsack-cmt.pcapng").packets()) {
            for (GoldenCaptures.RawChunk c : GoldenCaptures.walk("frame " + d.frameNumber(), d.payload())) {
                if (c.type() == ChunkType.NR_SACK || c.type() == ChunkType.SACK) {
                    nrSacks++;
                    assertThat(DacFlags.packetCount(c.flags())).as(c.describe()).isZero();
                }
            }
        }
        assertThat(nrSacks).isEqualTo(64);
    }
}
