package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationEvent.ReconfigOutcome;
import org.jsctp.core.assoc.ReconfigRequestStatus;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.param.OutgoingSsnResetRequestParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stream reconfiguration (RFC 6525 section 5) between two associations on the simulated
 * network: every request kind, denial, requests racing with data in flight, a lost request, a
 * lost response, both sides asking at once, a bad sequence number and the "In progress" path,
 * with DATA and with I-DATA.
 *
 * <p>Each message's payload is {@code [stream, index]}, so the receiver can check that nothing
 * was lost and each stream kept its order.
 */
class StreamReconfigTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int[] ALL = new int[0];

    private static AssociationConfig config(boolean interleaving, boolean accept) {
        return AssociationConfig.builder().noDelay(true).rtoInitialNanos(200 * MS).rtoMinNanos(100 * MS)
                .rtoMaxNanos(2 * S)
                .capabilities(Capabilities.NONE.withForwardTsn(true).withInterleaving(interleaving)
                        .withStreamReconfig(true))
                .acceptStreamReconfig(accept).build();
    }

    private static EstablishedSimPair pair(boolean interleaving, boolean clientAccepts, boolean serverAccepts) {
        EstablishedSimPair p = EstablishedSimPair.establish(config(interleaving, clientAccepts),
                config(interleaving, serverAccepts), 7);
        // 20 ms each way: what is sent stays in flight while the test acts.
        p.net().aToB().setProfile(LinkProfile.perfect().withDelay(20 * MS));
        p.net().bToA().setProfile(LinkProfile.perfect().withDelay(20 * MS));
        return p;
    }

    private static void send(EstablishedSimPair p, Association a, int stream, int index) {
        SendQueue.OfferResult r = a.send(OutgoingMessage.of(stream, 0, false,
                Bytes.wrap(new byte[] {(byte) stream, (byte) index})), p.net().now());
        assertThat(r).isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }

    private static List<ReceivedMessage> received(SimHost host, int stream) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m && m.message().streamId() == stream) {
                out.add(m.message());
            }
        }
        return out;
    }

    private static List<Integer> indices(List<ReceivedMessage> messages) {
        List<Integer> out = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            out.add((int) m.payload().toByteArray()[1]);
        }
        return out;
    }

    private static <T extends AssociationEvent> List<T> events(SimHost host, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (type.isInstance(e.event())) {
                out.add(type.cast(e.event()));
            }
        }
        return out;
    }

    private static boolean run(EstablishedSimPair p, java.util.function.BooleanSupplier done) {
        return p.net().runUntil(done, p.net().now() + 30 * S, 200_000);
    }

    private static List<Parameter> reconfigParameters(byte[] packet) {
        List<Parameter> out = new ArrayList<>();
        try {
            for (Chunk c : PacketDecoder.strict().decode(packet).chunks()) {
                if (c instanceof ReconfigChunk r) {
                    out.addAll(r.parameters());
                }
            }
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Records the RE-CONFIG parameters going one way and drops the first {@code drops} RE-CONFIG packets. */
    private static final class Sniffer implements Predicate<byte[]> {
        final List<Parameter> seen = new ArrayList<>();
        int reconfigPackets;
        int drops;

        Sniffer(int drops) {
            this.drops = drops;
        }

        @Override
        public boolean test(byte[] packet) {
            List<Parameter> params = reconfigParameters(packet);
            if (params.isEmpty()) {
                return false;
            }
            reconfigPackets++;
            seen.addAll(params);
            return drops-- > 0;
        }

        List<Integer> results() {
            List<Integer> out = new ArrayList<>();
            for (Parameter p : seen) {
                if (p instanceof ReconfigurationResponseParameter r) {
                    out.add(r.result());
                }
            }
            return out;
        }
    }

    private static Sniffer sniff(SimNetwork.Direction d, int drops) {
        Sniffer s = new Sniffer(drops);
        d.dropNext(Integer.MAX_VALUE, s);
        return s;
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void outgoingResetWaitsForDataInFlightThenRestartsTheStreamAtZeroWithoutLoss(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, true, true);
        for (int i = 0; i < 10; i++) {
            send(p, p.peer(), 1, i);
            send(p, p.peer(), 2, i);
        }
        assertThat(p.peer().resetStreams(new int[] {1}, p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        for (int i = 10; i < 15; i++) {
            send(p, p.peer(), 1, i); // held in the queue while the reset is pending
        }
        assertThat(run(p, () -> received(p.server(), 1).size() == 15 && received(p.server(), 2).size() == 10))
                .isTrue();

        assertThat(events(p.client(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(1), false, ReconfigOutcome.PERFORMED));
        assertThat(events(p.server(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(1), true, ReconfigOutcome.PERFORMED));
        List<ReceivedMessage> stream1 = received(p.server(), 1);
        assertThat(indices(stream1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(stream1.get(9).sequenceNumber()).isEqualTo(9);
        assertThat(stream1.subList(10, 15)).extracting(ReceivedMessage::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(indices(received(p.server(), 2))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void resetOfAllOutgoingStreamsRestartsEachOfThem(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, true, true);
        send(p, p.peer(), 0, 0);
        send(p, p.peer(), 3, 0);
        assertThat(p.peer().resetStreams(ALL, p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        send(p, p.peer(), 0, 1);
        send(p, p.peer(), 3, 1);
        assertThat(run(p, () -> received(p.server(), 0).size() == 2 && received(p.server(), 3).size() == 2)).isTrue();

        assertThat(events(p.client(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(), false, ReconfigOutcome.PERFORMED));
        assertThat(received(p.server(), 0)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 0L);
        assertThat(received(p.server(), 3)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 0L);
    }

    @Test
    void peerThatDeniesLeavesTheStreamsAsTheyWereAndDataFlowsOn() {
        EstablishedSimPair p = pair(false, true, false);
        send(p, p.peer(), 1, 0);
        p.peer().resetStreams(new int[] {1}, p.net().now());
        send(p, p.peer(), 1, 1);
        assertThat(run(p, () -> received(p.server(), 1).size() == 2)).isTrue();

        assertThat(events(p.client(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(1), false, ReconfigOutcome.DENIED));
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).isEmpty();
        assertThat(received(p.server(), 1)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 1L);
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void incomingResetMakesThePeerResetItsOutgoingStreams(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, false, true);
        send(p, p.target(), 2, 0);
        assertThat(run(p, () -> received(p.client(), 2).size() == 1)).isTrue();
        assertThat(p.peer().resetIncomingStreams(new int[] {2}, p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.StreamReset.class).isEmpty()
                && !events(p.server(), AssociationEvent.StreamReset.class).isEmpty())).isTrue();
        send(p, p.target(), 2, 1);
        assertThat(run(p, () -> received(p.client(), 2).size() == 2)).isTrue();

        // The client denies requests of the server's own, but takes the one answering its request.
        assertThat(events(p.client(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(2), true, ReconfigOutcome.PERFORMED));
        assertThat(events(p.server(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(2), false, ReconfigOutcome.PERFORMED));
        assertThat(received(p.client(), 2)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 0L);
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void associationResetMovesBothTsnsAndRestartsEveryStream(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, true, true);
        for (int i = 0; i < 5; i++) {
            send(p, p.peer(), 1, i);
            send(p, p.target(), 1, i);
        }
        assertThat(p.peer().resetAssociation(p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        send(p, p.peer(), 1, 5); // held until the reset is done
        assertThat(run(p, () -> received(p.server(), 1).size() == 6
                && !events(p.client(), AssociationEvent.AssociationReset.class).isEmpty())).isTrue();
        send(p, p.target(), 1, 5);
        assertThat(run(p, () -> received(p.client(), 1).size() == 6)).isTrue();

        AssociationEvent.AssociationReset ours = events(p.client(), AssociationEvent.AssociationReset.class).get(0);
        AssociationEvent.AssociationReset theirs = events(p.server(), AssociationEvent.AssociationReset.class).get(0);
        assertThat(ours.outcome()).isEqualTo(ReconfigOutcome.PERFORMED);
        assertThat(theirs.outcome()).isEqualTo(ReconfigOutcome.PERFORMED);
        assertThat(ours.localTsn()).isEqualTo(theirs.remoteTsn());
        assertThat(ours.remoteTsn()).isEqualTo(theirs.localTsn());
        assertThat(indices(received(p.server(), 1))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(indices(received(p.client(), 1))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(received(p.server(), 1).get(5).sequenceNumber()).isZero();
        assertThat(received(p.client(), 1).get(5).sequenceNumber()).isZero();
    }

    @Test
    void associationResetWhilePeerDataIsInFlightIsAnsweredInProgressAndRetried() {
        EstablishedSimPair p = pair(false, true, true);
        Sniffer responses = sniff(p.net().bToA(), 0);
        for (int i = 0; i < 20; i++) {
            send(p, p.target(), 0, i);
        }
        p.peer().resetAssociation(p.net().now());
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.AssociationReset.class).isEmpty())).isTrue();

        assertThat(responses.results()).contains(ReconfigurationResponseParameter.RESULT_IN_PROGRESS)
                .endsWith(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(events(p.client(), AssociationEvent.AssociationReset.class)).extracting(e -> e.outcome())
                .containsExactly(ReconfigOutcome.PERFORMED);
        assertThat(indices(received(p.client(), 0))).hasSize(20);
        send(p, p.target(), 0, 20);
        assertThat(run(p, () -> received(p.client(), 0).size() == 21)).isTrue();
        assertThat(received(p.client(), 0).get(20).sequenceNumber()).isZero();
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void addStreamsGrowsBothDirectionsAndTheNewStreamsCarryData(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, true, true);
        int out = p.peer().outboundStreams();
        int in = p.peer().inboundStreams();
        assertThat(p.peer().addStreams(3, 2, p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        assertThat(run(p, () -> p.peer().inboundStreams() == in + 2 && p.peer().outboundStreams() == out + 3
                && p.target().outboundStreams() == in + 2)).isTrue();

        assertThat(p.target().inboundStreams()).isEqualTo(out + 3);
        assertThat(p.target().outboundStreams()).isEqualTo(in + 2);
        send(p, p.peer(), out + 2, 0);
        send(p, p.target(), in + 1, 0);
        assertThat(run(p, () -> received(p.server(), out + 2).size() == 1 && received(p.client(), in + 1).size() == 1))
                .isTrue();
        assertThat(events(p.client(), AssociationEvent.StreamChange.class)).extracting(e -> e.outcome())
                .containsOnly(ReconfigOutcome.PERFORMED);
        assertThat(events(p.client(), AssociationEvent.StreamChange.class)).last()
                .isEqualTo(new AssociationEvent.StreamChange(out + 3, in + 2, ReconfigOutcome.PERFORMED));
    }

    @Test
    void addStreamsDeniedKeepsTheCounts() {
        EstablishedSimPair p = pair(false, true, false);
        int out = p.peer().outboundStreams();
        int in = p.peer().inboundStreams();
        p.peer().addStreams(1, 0, p.net().now());
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.StreamChange.class).isEmpty())).isTrue();

        assertThat(events(p.client(), AssociationEvent.StreamChange.class))
                .containsExactly(new AssociationEvent.StreamChange(out, in, ReconfigOutcome.DENIED));
        assertThat(p.peer().send(OutgoingMessage.of(out, 0, false, Bytes.wrap(new byte[] {1})), p.net().now()))
                .isEqualTo(SendQueue.OfferResult.INVALID_STREAM);
    }

    @Test
    void lostRequestIsRetransmittedWhenTheTimerExpires() {
        EstablishedSimPair p = pair(false, true, true);
        Sniffer requests = sniff(p.net().aToB(), 1);
        p.peer().resetStreams(new int[] {0}, p.net().now());
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.StreamReset.class).isEmpty())).isTrue();

        assertThat(requests.reconfigPackets).isEqualTo(2);
        assertThat(requests.seen).hasSize(2).allMatch(x -> x instanceof OutgoingSsnResetRequestParameter);
        assertThat(((OutgoingSsnResetRequestParameter) requests.seen.get(0)).requestSequenceNumber())
                .isEqualTo(((OutgoingSsnResetRequestParameter) requests.seen.get(1)).requestSequenceNumber());
        assertThat(events(p.client(), AssociationEvent.StreamReset.class)).extracting(e -> e.outcome())
                .containsExactly(ReconfigOutcome.PERFORMED);
    }

    @Test
    void lostResponseIsAnsweredAgainFromTheCacheWithoutResettingTwice() {
        EstablishedSimPair p = pair(false, true, true);
        Sniffer responses = sniff(p.net().bToA(), 1);
        send(p, p.peer(), 0, 0);
        p.peer().resetStreams(new int[] {0}, p.net().now());
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.StreamReset.class).isEmpty())).isTrue();
        send(p, p.peer(), 0, 1);
        assertThat(run(p, () -> received(p.server(), 0).size() == 2)).isTrue();

        assertThat(responses.results()).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED,
                ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).hasSize(1);
        assertThat(received(p.server(), 0)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 0L);
    }

    @Test
    void bothSidesResettingTheirOutgoingStreamsAtOnceBothSucceed() {
        EstablishedSimPair p = pair(false, true, true);
        send(p, p.peer(), 0, 0);
        send(p, p.target(), 0, 0);
        p.peer().resetStreams(new int[] {0}, p.net().now());
        p.target().resetStreams(new int[] {0}, p.net().now());
        send(p, p.peer(), 0, 1);
        send(p, p.target(), 0, 1);
        assertThat(run(p, () -> received(p.server(), 0).size() == 2 && received(p.client(), 0).size() == 2)).isTrue();

        for (SimHost h : List.of(p.client(), p.server())) {
            assertThat(events(h, AssociationEvent.StreamReset.class)).containsExactlyInAnyOrder(
                    new AssociationEvent.StreamReset(List.of(0), false, ReconfigOutcome.PERFORMED),
                    new AssociationEvent.StreamReset(List.of(0), true, ReconfigOutcome.PERFORMED));
            assertThat(received(h, 0)).extracting(ReceivedMessage::sequenceNumber).containsExactly(0L, 0L);
        }
    }

    @Test
    void incomingResetCrossingAnOutgoingResetOfThePeerIsRefusedAsAlreadyInProgress() {
        EstablishedSimPair p = pair(false, true, true);
        send(p, p.peer(), 0, 0); // keeps the client's request waiting for its acknowledgement
        p.peer().resetStreams(new int[] {0}, p.net().now());
        p.target().resetIncomingStreams(ALL, p.net().now());
        assertThat(run(p, () -> events(p.client(), AssociationEvent.StreamReset.class).size()
                + events(p.server(), AssociationEvent.StreamReset.class).size() >= 3)).isTrue();

        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).contains(
                new AssociationEvent.StreamReset(List.of(), true, ReconfigOutcome.FAILED),
                new AssociationEvent.StreamReset(List.of(0), true, ReconfigOutcome.PERFORMED));
        assertThat(events(p.client(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(0), false, ReconfigOutcome.PERFORMED));
    }

    @Test
    void requestWithAnUnexpectedSequenceNumberIsAnsweredBadSequenceNumber() {
        EstablishedSimPair p = EstablishedSimPair.establish(config(false, true), config(false, true), 3);
        Association server = p.target();
        Tsn lastAssigned = server.peerInitialTsn().previous();
        int wrongSeq = server.peerInitialTsn().value() + 5;
        ReconfigChunk chunk = ReconfigChunk.of(new OutgoingSsnResetRequestParameter(wrongSeq, 0, lastAssigned, List.of()));
        List<Chunk> chunks = List.of(chunk);
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(chunks));
        PacketEncoder.encode(b, EstablishedSimPair.CLIENT_PORT, EstablishedSimPair.SERVER_PORT, server.localTag(),
                chunks, false);
        p.server().receive(b.array(), p.net().now());

        List<Integer> results = new ArrayList<>();
        for (byte[] out : p.server().drainOutbox()) {
            for (Parameter param : reconfigParameters(out)) {
                results.add(((ReconfigurationResponseParameter) param).result());
            }
        }
        assertThat(results).containsExactly(ReconfigurationResponseParameter.RESULT_ERROR_BAD_SEQUENCE_NUMBER);
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).isEmpty();
        // The real peer's request, with the expected number, still works.
        p.peer().resetStreams(ALL, p.net().now());
        assertThat(p.net().runUntil(() -> !events(p.client(), AssociationEvent.StreamReset.class).isEmpty(),
                p.net().now() + 10 * S, 10_000)).isTrue();
        assertThat(events(p.client(), AssociationEvent.StreamReset.class).get(0).outcome())
                .isEqualTo(ReconfigOutcome.PERFORMED);
    }

    @Test
    void requestsFailAtOnceWithoutNegotiationOrWhileOneIsOutstanding() {
        AssociationConfig plain = AssociationConfig.builder().capabilities(Capabilities.NONE).build();
        EstablishedSimPair none = EstablishedSimPair.establish(config(false, true), plain, 5);
        assertThat(none.peer().resetStreams(ALL, none.net().now())).isEqualTo(ReconfigRequestStatus.NOT_NEGOTIATED);
        assertThat(none.peer().addStreams(1, 0, none.net().now())).isEqualTo(ReconfigRequestStatus.NOT_NEGOTIATED);

        EstablishedSimPair p = pair(false, true, true);
        assertThat(p.peer().resetStreams(new int[] {1}, p.net().now())).isEqualTo(ReconfigRequestStatus.STARTED);
        assertThat(p.peer().resetAssociation(p.net().now())).isEqualTo(ReconfigRequestStatus.ALREADY_IN_PROGRESS);
        assertThat(p.peer().resetStreams(new int[] {4000}, p.net().now()))
                .isEqualTo(ReconfigRequestStatus.ALREADY_IN_PROGRESS);
        assertThat(run(p, () -> !events(p.client(), AssociationEvent.StreamReset.class).isEmpty())).isTrue();
        assertThat(p.peer().resetStreams(new int[] {4000}, p.net().now())).isEqualTo(ReconfigRequestStatus.INVALID_STREAM);
        assertThat(p.peer().addStreams(0, 0, p.net().now())).isEqualTo(ReconfigRequestStatus.INVALID_STREAM_COUNT);
    }

    /**
     * What the server answers to a packet injected as if from the client; the client does not see
     * it. The server's invariants are checked unless the packet closed the association.
     */
    static List<Chunk> injectIntoServer(EstablishedSimPair p, Chunk chunk) {
        List<Chunk> chunks = List.of(chunk);
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(chunks));
        PacketEncoder.encode(b, EstablishedSimPair.CLIENT_PORT, EstablishedSimPair.SERVER_PORT, p.target().localTag(),
                chunks, false);
        p.server().receive(b.array(), p.net().now());
        if (p.target().state() != org.jsctp.core.assoc.AssociationState.CLOSED) {
            p.server().checkInvariants();
        }
        p.server().handleTimeout(p.net().now() + S); // a due delayed SACK goes out now
        List<Chunk> out = new ArrayList<>();
        for (byte[] packet : p.server().drainOutbox()) {
            try {
                out.addAll(PacketDecoder.strict().decode(packet).chunks());
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static DataChunk data(Tsn tsn, int stream, int ssn, int index) {
        return new DataChunk(true, false, true, true, tsn, stream, new Ssn(ssn), 0,
                Bytes.wrap(new byte[] {(byte) stream, (byte) index}));
    }

    /** The Result field of every RE-CONFIG response among {@code chunks}, in order. */
    static List<Integer> results(List<Chunk> chunks) {
        List<Integer> out = new ArrayList<>();
        for (Chunk c : chunks) {
            if (c instanceof ReconfigChunk r) {
                for (Parameter param : r.parameters()) {
                    out.add(((ReconfigurationResponseParameter) param).result());
                }
            }
        }
        return out;
    }

    private static Tsn sackCumulative(List<Chunk> chunks) {
        return chunks.stream().filter(c -> c instanceof SackChunk).map(c -> ((SackChunk) c).cumulativeTsnAck())
                .reduce((x, y) -> y).orElseThrow();
    }

    @Test
    void resetWhoseDataIsStillToComeIsDeferredAndLaterDataOfTheStreamIsQueuedAcknowledged() {
        // RFC 6525 section 5.2.2 E2-E5, with a peer that asks before its data has arrived (our own
        // requester waits for acknowledgements first, so the test plays the peer by hand).
        EstablishedSimPair p = EstablishedSimPair.establish(config(false, true), config(false, true), 11);
        Tsn first = p.target().peerInitialTsn();
        int seq = first.value();
        OutgoingSsnResetRequestParameter request = new OutgoingSsnResetRequestParameter(seq, p.target().localInitialTsn()
                .previous().value(), first.next(), List.of(1));

        assertThat(results(injectIntoServer(p, ReconfigChunk.of(request))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_IN_PROGRESS);
        // After the Sender's Last Assigned TSN, on the stream being reset: queued and acknowledged
        // (E2), in a gap block, so the peer does not send it again.
        List<Chunk> afterHeld = injectIntoServer(p, data(first.plus(2), 1, 0, 2));
        assertThat(sackCumulative(afterHeld)).isEqualTo(first.previous());
        assertThat(((SackChunk) afterHeld.stream().filter(c -> c instanceof SackChunk).findFirst().orElseThrow())
                .gapAckBlocks()).containsExactly(new org.jsctp.core.packet.chunk.GapAckBlock(3, 3));
        assertThat(received(p.server(), 1)).isEmpty();
        // A retransmitted request is still in progress; nothing was reset.
        assertThat(results(injectIntoServer(p, ReconfigChunk.of(request))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_IN_PROGRESS);
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).isEmpty();

        injectIntoServer(p, data(first, 1, 0, 0));
        List<Chunk> done = injectIntoServer(p, data(first.next(), 1, 1, 1));
        assertThat(results(done)).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(sackCumulative(done)).isEqualTo(first.plus(2));
        assertThat(events(p.server(), AssociationEvent.StreamReset.class))
                .containsExactly(new AssociationEvent.StreamReset(List.of(1), true, ReconfigOutcome.PERFORMED));
        // E4: the queued chunk starts the stream afresh at SSN 0, without being sent again.
        assertThat(indices(received(p.server(), 1))).containsExactly(0, 1, 2);
        assertThat(results(injectIntoServer(p, ReconfigChunk.of(request))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).hasSize(1);
    }

    @Test
    void requestNamingAStreamThatDoesNotExistIsAnsweredWrongSsnAndChangesNothing() {
        EstablishedSimPair p = EstablishedSimPair.establish(config(false, true), config(false, true), 13);
        int seq = p.target().peerInitialTsn().value();
        OutgoingSsnResetRequestParameter request = new OutgoingSsnResetRequestParameter(seq,
                p.target().localInitialTsn().previous().value(), p.target().peerInitialTsn().previous(),
                List.of(1, p.target().inboundStreams()));

        assertThat(results(injectIntoServer(p, ReconfigChunk.of(request))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_ERROR_WRONG_SSN);
        assertThat(events(p.server(), AssociationEvent.StreamReset.class)).isEmpty();
        assertThat(p.target().state()).isEqualTo(org.jsctp.core.assoc.AssociationState.ESTABLISHED);
    }

    @Test
    void requestThatIsNeverAnsweredEndsTheAssociationAfterAssociationMaxRetrans() {
        EstablishedSimPair p = pair(false, true, true);
        Sniffer requests = sniff(p.net().aToB(), Integer.MAX_VALUE); // every RE-CONFIG from the client is lost
        p.peer().resetStreams(ALL, p.net().now());
        assertThat(run(p, () -> p.peer().state() == org.jsctp.core.assoc.AssociationState.CLOSED)).isTrue();

        // RFC 6525 section 5.1.1: each expiry of the RE-CONFIG timer counts toward Association.Max.Retrans.
        assertThat(requests.reconfigPackets).isEqualTo(p.peer().config().associationMaxRetransmits() + 1);
        assertThat(events(p.client(), AssociationEvent.CommunicationLost.class)).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("RE-CONFIG"));
    }
}
