package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.AssociationStatistics;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long fat path of {@link LongFatPathTest} with a bottleneck queue of only one bandwidth-delay
 * product (12.5 MB): slow start overshoots the pipe plus the queue and the drop-tail queue drops
 * about 1,500 packets spread over a window of some 20,000, more holes than one SACK of a
 * 1500-byte packet can report (about 370 Gap Ack Blocks, RFC 9260 section 6.2). The chunks the
 * receiver holds above the last block it reports stay in the sender's flight size, above the
 * halved cwnd; with Proportional Rate Reduction (RFC 6937, {@code proportionalRateReduction})
 * the SACKs that report repaired holes clock out the other retransmissions, and recovery ends
 * without T3-rtx. (With RFC 9260's rules alone the association waits for T3-rtx, about a second
 * later, and then crawls: docs/PERFORMANCE.md.) The same with NR-SACK in place of SACK
 * (draft-tuexen-tsvwg-sctp-multipath section 4.2), whose NR Gap Ack Blocks fill the packet alike.
 */
class LongFatPathRecoveryTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MESSAGE = 1200;
    private static final long LINK_BITS = 1_000_000_000L;
    private static final int BUFFER = 25 * 1024 * 1024;
    private static final long ONE_BDP = 12_500_000;

    private static final int MTU = 1500;

    @ParameterizedTest(name = "NR-SACK {0}")
    @ValueSource(booleans = {false, true})
    void aSlowStartOvershootWithMoreHolesThanOneSackReportsIsRecoveredWithoutT3(boolean nrSack) {
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(BUFFER).receiveBufferBytes(BUFFER)
                .pathMtu(MTU).nrSackSupported(nrSack).proportionalRateReduction(true).build();
        SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(3), 0));
        SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(4), 0));
        LinkProfile link = LinkProfile.perfect().withDelay(50 * MS).withRate(LINK_BITS, ONE_BDP);
        SimNetwork net = new SimNetwork(clientHost, serverHost, link, 5);
        net.setInvariantCheckInterval(20_000);
        int[] mostBlocks = {0};
        int[] longestToClient = {0};
        PacketDecoder decoder = PacketDecoder.strict();
        net.setTracer((now, to, packet) -> {
            if (to == clientHost) {
                longestToClient[0] = Math.max(longestToClient[0], packet.length);
                mostBlocks[0] = Math.max(mostBlocks[0], blocksIn(decoder, packet, nrSack));
            }
        });
        Association client = clientHost.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED, 10 * S, 100_000);
        Bytes payload = Bytes.wrap(new byte[MESSAGE]);
        long[] delivered = {0};
        long start = net.now();
        // Slow start overshoots at about 2 s and recovery takes a few round trips (virtual time,
        // measured 2.6 s); the second after 3 s is measured.
        long measureFrom = start + 3 * S;
        long measureTo = start + 4 * S;
        long[] deliveredAtMeasureStart = {-1};
        net.runUntil(() -> net.now() >= measureTo, () -> {
            while (client.send(OutgoingMessage.of(0, 0, false, payload), net.now()) == SendQueue.OfferResult.ACCEPTED) {
                // keep the send buffer full
            }
            for (SimHost.Event e : serverHost.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    delivered[0] += m.message().payload().length();
                }
            }
            serverHost.events().clear();
            if (deliveredAtMeasureStart[0] < 0 && net.now() >= measureFrom) {
                deliveredAtMeasureStart[0] = delivered[0];
            }
        }, measureTo + S, 50_000_000);
        AssociationStatistics stats = client.statistics();
        long dropped = net.aToB().dropped();
        double seconds = (net.now() - measureFrom) / (double) S;
        double bps = (delivered[0] - deliveredAtMeasureStart[0]) * 8.0 / seconds;
        double linkGoodput = LINK_BITS * MESSAGE / 1228.0; // 1200 B of payload in 1228 B packets
        System.out.printf("long fat path, one BDP of queue: %d dropped, %d fast retransmissions, %d T3-rtx expiries,"
                + " %.1f Mbit/s of %.1f, cwnd %d%n", dropped, stats.fastRetransmissions(), stats.t3Expiries(),
                bps / 1e6, linkGoodput / 1e6, client.cwnd());
        // SACKs fill the packet with blocks (more than the old fixed 256) and never exceed it
        assertThat(mostBlocks[0]).isGreaterThan(256);
        assertThat(longestToClient[0]).isLessThanOrEqualTo(MTU);
        assertThat(client.capabilities().nrSack()).isEqualTo(nrSack);
        // the case that stalled: more holes than one SACK of the path MTU can report
        assertThat(dropped).isGreaterThan((1500 - 12 - 16) / 4);
        assertThat(stats.t3Expiries()).as("T3-rtx expiries").isZero();
        // every hole repaired once by Fast Retransmit, no spurious retransmission of what arrived
        assertThat(stats.fastRetransmissions()).isBetween(dropped, dropped + dropped / 20);
        assertThat(stats.t3Retransmissions()).isZero();
        assertThat(bps).as("goodput %.1f Mbit/s", bps / 1e6).isBetween(0.9 * linkGoodput, 1.01 * linkGoodput);
    }

    /** The Gap Ack Blocks (NR ones for an NR-SACK) of the acknowledgement in a packet, 0 without one. */
    private static int blocksIn(PacketDecoder decoder, byte[] packet, boolean nrSack) {
        try {
            for (Chunk c : decoder.decode(packet).chunks()) {
                if (c instanceof SackChunk sack && !nrSack) {
                    return sack.gapAckBlocks().size();
                }
                if (c instanceof NrSackChunk nr && nrSack) {
                    return nr.nrGapAckBlocks().size() + nr.gapAckBlocks().size();
                }
            }
            return 0;
        } catch (DecodeException e) {
            throw new AssertionError("a packet to the client does not decode", e);
        }
    }
}
