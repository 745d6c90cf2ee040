package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.PrStatistics;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two limits of PR-SCTP sending on the simulated network, in the style of {@link PrSctpTest}:
 * the priority policy (RFC 7496 section 3.2) abandons messages in flight when unsent ones do not
 * make enough room, and a FORWARD TSN (I-FORWARD-TSN) that would name more streams than a packet
 * holds moves the peer in steps that each fit the path MTU (RFC 3758 section 3.5).
 */
class PrSctpLimitsTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MTU = AssociationConfig.defaults().pathMtu();

    private static SimHost host(String name, int port, AssociationConfig config, long seed) {
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static Association establish(SimNetwork net, SimHost client) {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    private static List<Chunk> chunks(byte[] packet) {
        try {
            return PacketDecoder.strict().decode(packet).chunks();
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasData(byte[] packet) {
        return chunks(packet).stream().anyMatch(c -> c instanceof DataChunk || c instanceof IDataChunk);
    }

    private static OutgoingMessage message(int index, int stream, int length, PrPolicy policy, long nowNanos) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) index);
        return OutgoingMessage.of(stream, 0, false, Bytes.wrap(b)).withPolicy(policy, nowNanos);
    }

    private static List<Integer> deliveredIndices(SimHost server) {
        List<Integer> out = new ArrayList<>();
        for (SimHost.Event e : server.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message().payload().toByteArray()[0] & 0xFF);
            }
        }
        return out;
    }

    private static List<AssociationEvent.SendFailed> failures(SimHost client) {
        return client.events().stream().filter(e -> e.event() instanceof AssociationEvent.SendFailed)
                .map(e -> (AssociationEvent.SendFailed) e.event()).toList();
    }

    @Test
    void priorityPolicyAbandonsLowerPriorityMessagesInFlightWhenUnsentOnesAreNotEnough() {
        AssociationConfig c = AssociationConfig.builder().noDelay(true).sendBufferBytes(4000).build();
        SimHost client = host("client", 5000, c, 61);
        SimHost server = host("server", 7, AssociationConfig.builder().noDelay(true).build(), 62);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 63);
        Association a = establish(net, client);
        boolean[] dropping = {true};
        net.aToB().dropNext(Integer.MAX_VALUE, p -> dropping[0] && hasData(p));

        // two priority-5 messages go out at once and stay unacknowledged: 3000 of 4000 bytes buffered
        assertThat(a.send(message(1, 0, 1500, PrPolicy.prio(5), net.now()), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(a.send(message(2, 0, 1500, PrPolicy.prio(5), net.now()), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        net.advance(5 * MS, 1000);
        assertThat(a.bufferedAmount()).isEqualTo(3000);
        // equal and lower priority make no room; nothing is abandoned for them
        assertThat(a.send(message(8, 0, 2000, PrPolicy.prio(5), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        assertThat(a.send(message(8, 0, 2000, PrPolicy.prio(9), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        net.advance(MS, 1000);
        assertThat(failures(client)).isEmpty();

        // a higher priority one abandons the newest message in flight, which makes enough room
        assertThat(a.send(message(3, 0, 2000, PrPolicy.prio(1), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        net.advance(MS, 1000); // the host collects the association's events
        assertThat(failures(client)).singleElement().satisfies(f -> {
            assertThat(f.message().payload().toByteArray()[0]).isEqualTo((byte) 2);
            assertThat(f.sent()).isTrue();
            assertThat(f.reason()).startsWith("abandoned").contains("priority");
        });
        assertThat(a.statistics().abandoned()).isEqualTo(new PrStatistics(0, 0, 0, 0, 0, 1));

        dropping[0] = false;
        assertThat(net.runUntil(() -> a.bufferedAmount() == 0 && deliveredIndices(server).size() == 2,
                net.now() + 60 * S, 100_000)).isTrue();
        // the peer skipped message 2 after a FORWARD TSN and never saw it
        assertThat(deliveredIndices(server)).containsExactly(1, 3);
    }

    @Test
    void priorityPolicyLeavesMessagesInFlightAloneWhenEvenAllOfThemWouldNotMakeRoom() {
        AssociationConfig c = AssociationConfig.builder().noDelay(true).sendBufferBytes(4000).build();
        SimHost client = host("client", 5000, c, 71);
        SimHost server = host("server", 7, AssociationConfig.builder().noDelay(true).build(), 72);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 73);
        Association a = establish(net, client);
        net.aToB().dropNext(Integer.MAX_VALUE, PrSctpLimitsTest::hasData);
        assertThat(a.send(message(1, 0, 1000, PrPolicy.prio(5), net.now()), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(a.send(message(2, 0, 2500, PrPolicy.NONE, net.now()), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        net.advance(5 * MS, 1000);

        // needs 3000 bytes: the one priority-5 message frees 1000, the reliable one is never a candidate
        assertThat(a.send(message(3, 0, 3500, PrPolicy.prio(1), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        net.advance(MS, 1000);
        assertThat(failures(client)).isEmpty();
        assertThat(a.statistics().abandoned()).isEqualTo(PrStatistics.NONE);
    }

    @ParameterizedTest(name = "interleaving={0}")
    @ValueSource(booleans = {false, true})
    void aForwardTsnSkippingMoreStreamsThanAPacketHoldsGoesInStepsThatFitThePathMtu(boolean interleaving) {
        int streams = 500; // 500 entries: 2008 bytes as FORWARD TSN, 4008 as I-FORWARD-TSN
        AssociationConfig c = AssociationConfig.builder().noDelay(true).outboundStreams(streams)
                .maxInboundStreams(streams).maxBurst(1000).capabilities(new Capabilities(true, interleaving, false))
                .build();
        SimHost client = host("client", 5000, c, 81);
        SimHost server = host("server", 7, c, 82);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 83);
        Association a = establish(net, client);
        assertThat(a.outboundStreams()).isEqualTo(streams);
        boolean[] dropping = {true};
        List<byte[]> sent = new ArrayList<>();
        net.aToB().dropNext(Integer.MAX_VALUE, p -> {
            sent.add(p);
            return dropping[0] && hasData(p);
        });

        // one message on every stream, each lost and never retransmitted (rtx:0): all abandoned at T3
        for (int s = 0; s < streams; s++) {
            assertThat(a.send(message(s & 0x7F, s, 1, PrPolicy.rtx(0), net.now()), net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        assertThat(net.runUntil(() -> failures(client).size() == streams, net.now() + 60 * S, 100_000)).isTrue();
        dropping[0] = false;
        // a reliable message on stream 0 follows the abandoned one; it is delivered only once the
        // peer skipped stream 0's SSN (MID) 0
        assertThat(a.send(message(200, 0, 100, PrPolicy.NONE, net.now()), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        assertThat(net.runUntil(() -> deliveredIndices(server).contains(200) && a.bufferedAmount() == 0,
                net.now() + 60 * S, 100_000)).isTrue();

        assertThat(sent).allSatisfy(p -> assertThat(p.length).as("packet within the path MTU").isLessThanOrEqualTo(MTU));
        List<Chunk> forwardTsns = sent.stream().flatMap(p -> chunks(p).stream())
                .filter(ch -> ch instanceof ForwardTsnChunk || ch instanceof IForwardTsnChunk).toList();
        assertThat(forwardTsns.size()).as("the skip takes more than one FORWARD TSN").isGreaterThanOrEqualTo(2);
        assertThat(deliveredIndices(server)).containsExactly(200);
        assertThat(server.associations().get(0).state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(a.statistics().abandoned().rtxSent()).isEqualTo(streams);
    }
}
