package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * Messages larger than the receive buffer arrive in pieces (RFC 9260 section 6.9, RFC 6458
 * sections 8.1.20 and 6.1.7) between two associations on the simulated network.
 */
class PartialDeliveryTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int BUFFER = 64 * 1024;

    private static AssociationConfig config(boolean interleaving) {
        return AssociationConfig.builder().receiveBufferBytes(BUFFER)
                .capabilities(new Capabilities(true, interleaving, false)).build();
    }

    private static SimHost host(String name, int port, AssociationConfig config, long seed) {
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static Bytes payload(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + i / 251 + seed);
        }
        return Bytes.wrap(b);
    }

    private static List<ReceivedMessage> received(SimHost host, int streamId) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m && m.message().streamId() == streamId) {
                out.add(m.message());
            }
        }
        return out;
    }

    private static boolean completeOn(SimHost host, int streamId) {
        List<ReceivedMessage> got = received(host, streamId);
        return !got.isEmpty() && got.get(got.size() - 1).complete();
    }

    private static byte[] joined(List<ReceivedMessage> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ReceivedMessage m : pieces) {
            out.writeBytes(m.payload().toByteArray());
        }
        return out.toByteArray();
    }

    /** Delivers a packet from the client's association straight to the server, as if it came over the network. */
    private static void inject(SimHost server, Association from, Chunk chunk, long nowNanos) {
        Association to = server.associations().get(0);
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(List.of(chunk)));
        PacketEncoder.encode(b, from.localPort(), from.peerPort(), to.localTag(), List.of(chunk), false);
        server.receive(b.array(), nowNanos);
        server.checkInvariants();
    }

    /** The SACKs among the packets the host wants to send now. */
    private static List<SackChunk> sacksSent(SimHost host) throws DecodeException {
        List<SackChunk> out = new ArrayList<>();
        for (byte[] p : host.drainOutbox()) {
            for (Chunk ch : PacketDecoder.strict().decode(p).chunks()) {
                if (ch instanceof SackChunk sack) {
                    out.add(sack);
                }
            }
        }
        return out;
    }

    private static Association establish(SimNetwork net, SimHost client) {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    /** Checks the pieces of one message: in order, all but the last incomplete, each no larger than the buffer. */
    private static void assertPiecesOf(List<ReceivedMessage> pieces, Bytes sent) {
        assertThat(pieces.size()).as("delivered in pieces").isGreaterThan(1);
        for (int i = 0; i < pieces.size(); i++) {
            ReceivedMessage m = pieces.get(i);
            assertThat(m.complete()).as("piece %d of %d complete", i, pieces.size()).isEqualTo(i == pieces.size() - 1);
            assertThat(m.payload().length()).isLessThanOrEqualTo(BUFFER);
            assertThat(m.sequenceNumber()).isEqualTo(pieces.get(0).sequenceNumber());
            assertThat(m.ppid()).isEqualTo(pieces.get(0).ppid());
        }
        assertThat(joined(pieces)).isEqualTo(sent.toByteArray());
    }

    private void transferFourBuffers(LinkProfile link, boolean interleaving, long seed) {
        AssociationConfig c = config(interleaving);
        SimHost client = host("client", 5000, c, seed);
        SimHost server = host("server", 7, c, ~seed);
        SimNetwork net = new SimNetwork(client, server, link, seed);
        Association a = establish(net, client);
        Bytes big = payload(4 * BUFFER, 1);
        assertThat(a.send(OutgoingMessage.of(0, 99, false, big), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        // small messages on another stream, sent behind the big one, are not held up by its pieces
        for (int i = 0; i < 5; i++) {
            a.send(OutgoingMessage.of(1, 7, false, payload(100, i)), net.now());
        }
        assertThat(net.runUntil(() -> completeOn(server, 0) && received(server, 1).size() == 5, net.now() + 600 * S,
                1_000_000)).as("everything arrived").isTrue();
        assertPiecesOf(received(server, 0), big);
        assertThat(received(server, 1)).allSatisfy(m -> assertThat(m.complete()).isTrue());
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void aMessageOfFourReceiveBuffersArrivesIntactInPieces() {
        transferFourBuffers(LinkProfile.perfect().withDelay(10 * MS), false, 1);
    }

    @Test
    void aMessageOfFourReceiveBuffersArrivesIntactInPiecesDespiteLossAndReordering() {
        transferFourBuffers(LinkProfile.perfect().withDelay(10 * MS).withJitter(15 * MS).withLoss(0.05), false, 2);
    }

    @Test
    void aMessageOfFourReceiveBuffersArrivesIntactInPiecesOverIData() {
        transferFourBuffers(LinkProfile.perfect().withDelay(10 * MS).withJitter(15 * MS).withLoss(0.05), true, 3);
    }

    @Test
    void piecesCountInTheReceiveWindowUntilTheUserReadsThem() {
        AssociationConfig c = config(false);
        SimHost client = host("client", 5000, c, 4);
        SimHost server = host("server", 7, c, 5);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 6);
        Association a = establish(net, client);
        server.setReading(false);
        Bytes big = payload(4 * BUFFER, 2);
        a.send(OutgoingMessage.of(0, 0, false, big), net.now());
        net.advance(30 * S, 1_000_000);
        assertThat(a.bufferedAmount()).as("the sender waits for the window").isGreaterThan(2L * BUFFER);
        server.setReading(true);
        long waiting = 0;
        for (ReceivedMessage m : received(server, 0)) {
            waiting += m.payload().length();
        }
        // RFC 9260 section 6.1 rule A: one chunk may probe a window too small to use
        assertThat(waiting).as("unread pieces never exceed the receive buffer by more than a probe").isPositive()
                .isLessThanOrEqualTo(BUFFER + c.pathMtu());
        assertThat(net.runUntil(() -> completeOn(server, 0), net.now() + 600 * S, 1_000_000)).isTrue();
        assertPiecesOf(received(server, 0), big);
    }

    @Test
    void aPartialDeliveryTheSenderAbandonsIsReportedAborted() throws DecodeException {
        AssociationConfig c = config(false);
        SimHost client = host("client", 5000, c, 7);
        SimHost server = host("server", 7, c, 8);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 9);
        long[] highestTsn = {-1};
        net.setTracer((t, to, p) -> {
            if (to == server) {
                try {
                    for (Chunk ch : PacketDecoder.strict().decode(p).chunks()) {
                        if (ch instanceof DataChunk d) {
                            highestTsn[0] = Math.max(highestTsn[0], Integer.toUnsignedLong(d.tsn().value()));
                        }
                    }
                } catch (DecodeException e) {
                    throw new AssertionError(e);
                }
            }
        });
        Association a = establish(net, client);
        a.send(OutgoingMessage.of(0, 0, false, payload(4 * BUFFER, 3)), net.now());
        assertThat(net.runUntil(() -> !received(server, 0).isEmpty(), net.now() + 60 * S, 100_000)).isTrue();
        List<ReceivedMessage> pieces = received(server, 0);
        assertThat(pieces).allSatisfy(m -> assertThat(m.complete()).isFalse());

        // PR-SCTP sending is not there yet, so the FORWARD TSN of a sender that gave up on the
        // message from the TSN after the last one delivered is crafted here (RFC 3758 section 3.5).
        Association s = server.associations().get(0);
        ForwardTsnChunk forward = new ForwardTsnChunk(new Tsn((int) (highestTsn[0] + 1)),
                List.of(new ForwardTsnEntry(0, new Ssn(0))));
        inject(server, a, forward, net.now());

        List<AssociationEvent> events = server.events().stream().map(SimHost.Event::event).toList();
        AssociationEvent.PartialDeliveryAborted aborted = new AssociationEvent.PartialDeliveryAborted(0, false, 0);
        assertThat(events).containsOnlyOnce(aborted);
        // after the last piece of the message, and no complete piece ever
        ReceivedMessage lastPiece = received(server, 0).get(received(server, 0).size() - 1);
        assertThat(events.indexOf(aborted)).isGreaterThan(events.indexOf(new AssociationEvent.MessageReceived(lastPiece)));
        assertThat(received(server, 0)).noneMatch(ReceivedMessage::complete);
        assertThat(s.state()).isEqualTo(AssociationState.ESTABLISHED);

        // RFC 3758 section 3.6: the same FORWARD TSN again is out of date, answered by a SACK at once
        sacksSent(server);
        inject(server, a, forward, net.now());
        assertThat(sacksSent(server)).singleElement()
                .satisfies(sack -> assertThat(sack.cumulativeTsnAck()).isEqualTo(forward.newCumulativeTsn()));
        assertThat(server.events().stream().map(SimHost.Event::event)).containsOnlyOnce(aborted);
    }

    @Test
    void aForwardTsnOfTheOtherChunkKindEndsTheAssociation() {
        AssociationConfig c = config(true);
        SimHost client = host("client", 5000, c, 16);
        SimHost server = host("server", 7, c, 17);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 18);
        Association a = establish(net, client);
        net.runUntil(() -> !server.associations().isEmpty(), net.now() + S, 1_000);
        // RFC 8260 section 2.3: with I-DATA, skipped data is announced by I-FORWARD-TSN
        inject(server, a, new ForwardTsnChunk(a.localInitialTsn(), List.of()), net.now());
        assertThat(server.associations().get(0).state()).isEqualTo(AssociationState.CLOSED);
        assertThat(server.events()).extracting(SimHost.Event::event).last()
                .isInstanceOf(AssociationEvent.CommunicationLost.class);
    }

    @Test
    void aPeerRestartAbortsThePartialDeliveryAndUnreadPiecesStillCountUntilRead() {
        AssociationConfig c = config(false);
        SimHost server = host("server", 7, c, 19);
        SimHost client = host("client", 5000, c, 20);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 21);
        Association before = establish(net, client);
        before.send(OutgoingMessage.of(2, 0, false, payload(4 * BUFFER, 6)), net.now());
        server.setReading(false);
        net.advance(2 * S, 100_000);
        Association serverSide = server.associations().get(0);

        // The client's host reboots and connects again: the server's association restarts.
        SimHost rebooted = host("client", 5000, c, 22);
        SimNetwork net2 = new SimNetwork(rebooted, server, LinkProfile.perfect().withDelay(10 * MS), 23);
        net2.advance(net.now(), 10);
        Association after = rebooted.connect(7, net2.now());
        net2.runUntil(() -> after.state() == AssociationState.ESTABLISHED, net2.now() + 10 * S, 10_000);
        assertThat(serverSide.state()).isEqualTo(AssociationState.ESTABLISHED);

        server.setReading(true); // reading what waited across the restart keeps the window's count right
        serverSide.checkInvariants();
        List<AssociationEvent> events = server.events().stream().map(SimHost.Event::event).toList();
        int abortedAt = events.indexOf(new AssociationEvent.PartialDeliveryAborted(2, false, 0));
        assertThat(abortedAt).as("aborted after its pieces").isGreaterThan(0);
        assertThat(events.get(abortedAt - 1)).isInstanceOf(AssociationEvent.MessageReceived.class);
        assertThat(events.get(abortedAt + 1)).isInstanceOf(AssociationEvent.Restarted.class);

        after.send(OutgoingMessage.of(2, 0, false, payload(4 * BUFFER, 7)), net2.now());
        assertThat(net2.runUntil(() -> completeOn(server, 2), net2.now() + 60 * S, 100_000)).isTrue();
    }

    @Test
    void aPartialDeliveryInProgressIsReportedAbortedWhenTheAssociationEnds() {
        AssociationConfig c = config(true);
        SimHost client = host("client", 5000, c, 10);
        SimHost server = host("server", 7, c, 11);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 12);
        Association a = establish(net, client);
        a.send(OutgoingMessage.of(3, 0, true, payload(4 * BUFFER, 4)), net.now());
        assertThat(net.runUntil(() -> !received(server, 3).isEmpty(), net.now() + 60 * S, 100_000)).isTrue();
        a.abort("changed my mind");
        net.runUntil(() -> server.associations().get(0).state() == AssociationState.CLOSED, net.now() + 10 * S, 10_000);
        List<AssociationEvent> events = server.events().stream().map(SimHost.Event::event).toList();
        int abortedAt = events.indexOf(new AssociationEvent.PartialDeliveryAborted(3, true, 0));
        assertThat(abortedAt).isPositive();
        assertThat(events.get(events.size() - 1)).isInstanceOf(AssociationEvent.CommunicationLost.class);
        assertThat(abortedAt).isLessThan(events.size() - 1);
        assertThat(received(server, 3)).noneMatch(ReceivedMessage::complete);
        assertThat(received(server, 3)).allSatisfy(m -> assertThat(m.interleaved()).isTrue());
    }

    /**
     * Found by {@link PartialDeliveryProperties}: the leading fragments held were below the partial
     * delivery point, yet left a window smaller than a fragment, and the peer waited for it to
     * open. Now the receiver hands such fragments out when it could not take another fragment
     * (see {@code DataReassemblyQueueTest}), and the sender probes such a window.
     */
    @Test
    void leadingFragmentsBelowThePointThatShutTheWindowAreDeliveredAnyway() {
        assertThat(PartialDeliveryProperties.run(2L)).isEqualTo("all delivered");
    }

    /**
     * Found by {@link PartialDeliveryProperties}: the window update after the user read was lost
     * while nothing was in flight; the sender now probes the small window (RFC 9260 section 6.1 rule A).
     */
    @Test
    void aLostWindowUpdateDoesNotStallTheTransfer() {
        assertThat(PartialDeliveryProperties.run(4L)).isEqualTo("all delivered");
    }

    /**
     * Found by {@link PartialDeliveryProperties}: an ordered message of a stream started its
     * partial delivery while an earlier unordered one of the same stream missed a fragment; that
     * fragment, held back and not in turn, found no room, and the sender retransmitted it for ever
     * instead of sending the rest of the ordered message. The fragment at the lowest missing TSN
     * is now always taken (up to twice the bound).
     */
    @Test
    void theLowestMissingFragmentIsTakenEvenWhenAPartialDeliveryHoldsItsStream() {
        assertThat(PartialDeliveryProperties.run(4378L)).isEqualTo("all delivered");
    }

    /** I-DATA is what the I-DATA test above runs on: the handshake negotiated it. */
    @Test
    void bothEndsOfferingInterleavingSendIData() throws DecodeException {
        AssociationConfig c = config(true);
        SimHost client = host("client", 5000, c, 13);
        SimHost server = host("server", 7, c, 14);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 15);
        boolean[] sawIData = {false};
        net.setTracer((t, to, p) -> {
            try {
                sawIData[0] |= PacketDecoder.strict().decode(p).chunks().stream().anyMatch(ch -> ch instanceof IDataChunk);
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        });
        Association a = establish(net, client);
        a.send(OutgoingMessage.of(0, 0, false, payload(2 * BUFFER, 5)), net.now());
        assertThat(net.runUntil(() -> completeOn(server, 0), net.now() + 60 * S, 100_000)).isTrue();
        assertThat(sawIData[0]).isTrue();
    }
}
