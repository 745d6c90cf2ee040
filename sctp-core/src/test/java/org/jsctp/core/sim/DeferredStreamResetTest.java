package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationEvent.ReconfigOutcome;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.param.OutgoingSsnResetRequestParameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6525 section 5.2.2 E2 and E4 on the receiving side: while the peer's Outgoing SSN Reset
 * waits for data still to come, later DATA or I-DATA of the streams being reset is acknowledged
 * and queued, counts in the window, and is processed in TSN order once the streams are reset;
 * FORWARD TSN past queued chunks, duplicates of them, the queue's bound and an ABORT.
 *
 * <p>The test plays the peer by hand (our own requester waits for its data to be acknowledged
 * before it asks, so it never makes the receiver defer): every chunk is injected once, so a chunk
 * delivered without being injected again was not retransmitted. Payloads carry {@code [stream,
 * index]} and are padded to the size a case needs.
 */
class DeferredStreamResetTest {

    private static final long S = 1_000_000_000L;
    private static final int BUFFER = 64_000;

    private static AssociationConfig config(boolean interleaving, int receiveBuffer) {
        return AssociationConfig.builder().noDelay(true).receiveBufferBytes(receiveBuffer)
                .capabilities(Capabilities.NONE.withForwardTsn(true).withInterleaving(interleaving)
                        .withStreamReconfig(true))
                .acceptStreamReconfig(true).build();
    }

    private static EstablishedSimPair pair(boolean interleaving, int receiveBuffer) {
        return EstablishedSimPair.establish(config(interleaving, receiveBuffer), config(interleaving, receiveBuffer), 13);
    }

    /** The peer's request to reset its outgoing stream 1, its data assigned up to {@code lastAssigned}. */
    private static ReconfigChunk resetStream1(EstablishedSimPair p, Tsn lastAssigned) {
        return ReconfigChunk.of(new OutgoingSsnResetRequestParameter(p.target().peerInitialTsn().value(),
                p.target().localInitialTsn().previous().value(), lastAssigned, List.of(1)));
    }

    /** What the server answers to a packet injected as if from the client (StreamReconfigTest's helper). */
    private static List<Chunk> inject(EstablishedSimPair p, Chunk chunk) {
        return StreamReconfigTest.injectIntoServer(p, chunk);
    }

    private static Bytes payload(int stream, int index, int size) {
        byte[] b = new byte[Math.max(2, size)];
        b[0] = (byte) stream;
        b[1] = (byte) index;
        return Bytes.wrap(b);
    }

    /** A whole ordered message as DATA (SSN) or I-DATA (MID). */
    private static Chunk message(boolean interleaving, Tsn tsn, int stream, int seq, int index, int size) {
        return fragment(interleaving, false, true, true, tsn, stream, seq, index, size);
    }

    private static Chunk fragment(boolean interleaving, boolean unordered, boolean beginning, boolean ending, Tsn tsn,
                                  int stream, int seq, int index, int size) {
        if (interleaving) {
            return beginning
                    ? IDataChunk.firstFragment(true, unordered, ending, tsn, stream, new Mid(seq), 0,
                            payload(stream, index, size))
                    : IDataChunk.laterFragment(true, unordered, ending, tsn, stream, new Mid(seq),
                            new org.jsctp.core.seq.Fsn(1), payload(stream, index, size));
        }
        return new DataChunk(true, unordered, beginning, ending, tsn, stream, new Ssn(seq), 0,
                payload(stream, index, size));
    }

    private static SackChunk sack(List<Chunk> chunks) {
        return chunks.stream().filter(c -> c instanceof SackChunk).map(c -> (SackChunk) c)
                .reduce((x, y) -> y).orElseThrow();
    }

    /** Indices of the messages received on {@code stream}, in order of delivery. */
    private static List<Integer> indices(SimHost host, int stream) {
        List<Integer> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m && m.message().streamId() == stream) {
                out.add((int) m.message().payload().toByteArray()[1]);
            }
        }
        return out;
    }

    /** Event kinds in order: "reset" for the stream reset, "m{index}" for each message of stream 1. */
    private static List<String> order(SimHost host) {
        List<String> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.StreamReset) {
                out.add("reset");
            } else if (e.event() instanceof AssociationEvent.MessageReceived m && m.message().streamId() == 1) {
                out.add("m" + m.message().payload().toByteArray()[1]);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {false, true})
    void heldBackDataIsAcknowledgedCountsInTheWindowAndIsDeliveredInOrderAfterTheReset(boolean interleaving) {
        EstablishedSimPair p = pair(interleaving, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        assertThat(StreamReconfigTest.results(inject(p, resetStream1(p, first.next()))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_IN_PROGRESS);

        // After the Sender's Last Assigned TSN: SSN/MID 0 and 1 of the stream after its reset, and
        // an unordered message (E2 queues any data of the stream; with I-DATA its unordered MIDs
        // are reset too). Each is acknowledged in a gap block and shrinks the window.
        SackChunk s1 = sack(inject(p, message(interleaving, first.plus(2), 1, 0, 2, 1000)));
        assertThat(s1.cumulativeTsnAck()).isEqualTo(first.previous());
        assertThat(s1.gapAckBlocks()).containsExactly(new GapAckBlock(3, 3));
        assertThat(s1.advertisedReceiverWindowCredit()).isEqualTo(BUFFER - 1000);
        inject(p, message(interleaving, first.plus(3), 1, 1, 3, 1000));
        SackChunk s3 = sack(inject(p, fragment(interleaving, true, true, true, first.plus(4), 1, 0, 4, 500)));
        assertThat(s3.gapAckBlocks()).containsExactly(new GapAckBlock(3, 5));
        assertThat(s3.advertisedReceiverWindowCredit()).isEqualTo(BUFFER - 2500);
        // A duplicate of a queued TSN is reported as one and queued once.
        SackChunk dup = sack(inject(p, message(interleaving, first.plus(2), 1, 0, 2, 1000)));
        assertThat(dup.duplicateTsns()).containsExactly(first.plus(2));
        assertThat(dup.advertisedReceiverWindowCredit()).isEqualTo(BUFFER - 2500);
        assertThat(indices(p.server(), 1)).isEmpty();

        // The data from before the reset arrives: the reset is performed, then the queue processed.
        inject(p, message(interleaving, first, 1, 0, 0, 2));
        List<Chunk> done = inject(p, message(interleaving, first.next(), 1, 1, 1, 2));
        assertThat(StreamReconfigTest.results(done)).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(sack(done).cumulativeTsnAck()).isEqualTo(first.plus(4));
        assertThat(sack(done).gapAckBlocks()).isEmpty();
        // What was queued now counts as delivered data the user has still to take, not twice.
        assertThat(sack(done).advertisedReceiverWindowCredit()).isGreaterThanOrEqualTo(BUFFER - 2504);
        assertThat(order(p.server())).containsExactly("m0", "m1", "reset", "m2", "m3", "m4");
        assertThat(p.target().state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void forwardTsnPastQueuedChunksDropsTheAbandonedMessageAndDeliversTheAcknowledgedOnes() {
        EstablishedSimPair p = pair(false, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        inject(p, resetStream1(p, first.next()));
        inject(p, message(false, first, 1, 0, 0, 2));
        // After the reset: SSN 0 (TSN first+2) never arrives, SSN 1 is whole, SSN 2 lost its end
        // (first+5), SSN 3 is whole. All but the missing ones are queued and acknowledged.
        inject(p, message(false, first.plus(3), 1, 1, 11, 2));
        inject(p, fragment(false, false, true, false, first.plus(4), 1, 2, 12, 2));
        SackChunk before = sack(inject(p, message(false, first.plus(6), 1, 3, 13, 2)));
        assertThat(before.gapAckBlocks()).containsExactly(new GapAckBlock(3, 4), new GapAckBlock(6, 6));

        // The peer abandons TSNs first+1 (SSN 1 before the reset), first+2 and first+5 (SSNs 0
        // and 2 after it): RFC 3758 section 3.6. The reset is performed; the abandoned messages
        // are never delivered, the acknowledged whole ones are, in order.
        List<Chunk> out = inject(p, new ForwardTsnChunk(first.plus(5), List.of(new ForwardTsnEntry(1, new Ssn(2)))));
        assertThat(StreamReconfigTest.results(out)).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(sack(out).cumulativeTsnAck()).isEqualTo(first.plus(6));
        assertThat(indices(p.server(), 1)).containsExactly(0, 11, 13);
        // The abandoned fragment's end, sent late, is a duplicate and delivers nothing.
        assertThat(sack(inject(p, fragment(false, false, false, true, first.plus(5), 1, 2, 12, 2))).duplicateTsns())
                .containsExactly(first.plus(5));
        // The stream goes on from SSN 4.
        inject(p, message(false, first.plus(7), 1, 4, 14, 2));
        assertThat(indices(p.server(), 1)).containsExactly(0, 11, 13, 14);
    }

    @Test
    void iForwardTsnPastQueuedChunksSkipsTheAbandonedMidsCountedFromTheReset() {
        EstablishedSimPair p = pair(true, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        inject(p, resetStream1(p, first.next()));
        inject(p, message(true, first, 1, 0, 0, 2));
        // After the reset: MID 0 (TSN first+2) never arrives, MID 1 is whole and queued.
        inject(p, message(true, first.plus(3), 1, 1, 11, 2));
        List<Chunk> out = inject(p, new IForwardTsnChunk(first.plus(2),
                List.of(new IForwardTsnEntry(1, false, new Mid(0)))));
        assertThat(StreamReconfigTest.results(out)).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(sack(out).cumulativeTsnAck()).isEqualTo(first.plus(3));
        assertThat(indices(p.server(), 1)).containsExactly(0, 11);
    }

    @Test
    void beyondTheQueueBoundChunksAreLeftUnacknowledgedAndArriveWhenSentAgain() {
        // The queue takes at most half the receive buffer: three 600-byte chunks here (each is
        // charged 64 bytes more), not a fourth.
        EstablishedSimPair p = pair(false, 4000);
        Tsn first = p.target().peerInitialTsn();
        inject(p, resetStream1(p, first.next()));
        for (int i = 0; i < 3; i++) {
            inject(p, message(false, first.plus(2 + i), 1, i, 2 + i, 600));
        }
        SackChunk full = sack(inject(p, message(false, first.plus(5), 1, 3, 5, 600)));
        assertThat(full.gapAckBlocks()).containsExactly(new GapAckBlock(3, 5)); // first+5 is not acknowledged
        assertThat(full.advertisedReceiverWindowCredit()).isEqualTo(4000 - 1800);

        inject(p, message(false, first, 1, 0, 0, 2));
        List<Chunk> done = inject(p, message(false, first.next(), 1, 1, 1, 2));
        assertThat(StreamReconfigTest.results(done)).containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(sack(done).cumulativeTsnAck()).isEqualTo(first.plus(4));
        // The peer sends the unacknowledged chunk again; after the reset it is taken at once.
        assertThat(sack(inject(p, message(false, first.plus(5), 1, 3, 5, 600))).cumulativeTsnAck())
                .isEqualTo(first.plus(5));
        assertThat(indices(p.server(), 1)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aQueuedFragmentThatContradictsReassemblyEndsTheAssociationWhenReleased() {
        EstablishedSimPair p = pair(false, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        inject(p, resetStream1(p, first.next()));
        // Queued after the reset: first+2 begins SSN 0 without ending it, and first+3 begins
        // another message, though the TSN after an unfinished fragment must continue its message
        // (RFC 9260 section 6.9). Both are only queued, so both are acknowledged.
        inject(p, fragment(false, false, true, false, first.plus(2), 1, 0, 2, 2));
        inject(p, fragment(false, false, true, true, first.plus(3), 1, 1, 3, 2));
        inject(p, message(false, first, 1, 0, 0, 2));
        // The data before the reset is complete: the reset is performed and the queue released.
        List<Chunk> out = inject(p, message(false, first.next(), 1, 1, 1, 2));
        assertThat(out).filteredOn(c -> c instanceof AbortChunk).singleElement()
                .satisfies(c -> assertThat(((AbortChunk) c).causes()).singleElement()
                        .isInstanceOf(org.jsctp.core.packet.cause.ProtocolViolationCause.class));
        assertThat(p.target().state()).isEqualTo(AssociationState.CLOSED);
        assertThat(indices(p.server(), 1)).containsExactly(0, 1); // what came before the reset
    }

    @Test
    void anAbortDropsTheQueueWithoutDeliveringIt() {
        EstablishedSimPair p = pair(false, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        inject(p, resetStream1(p, first.next()));
        inject(p, message(false, first.plus(2), 1, 0, 2, 100));
        inject(p, AbortChunk.of());
        assertThat(p.target().state()).isEqualTo(AssociationState.CLOSED);
        assertThat(indices(p.server(), 1)).isEmpty();
        assertThat(p.server().events().stream().filter(e -> e.event() instanceof AssociationEvent.StreamReset))
                .isEmpty();
        assertThat(p.server().events().stream().map(SimHost.Event::event)
                .filter(e -> e instanceof AssociationEvent.CommunicationLost)).hasSize(1);
    }

    @Test
    void withoutDataStillToComeTheResetIsPerformedAtOnceAndNothingIsQueued() {
        EstablishedSimPair p = pair(false, BUFFER);
        Tsn first = p.target().peerInitialTsn();
        inject(p, message(false, first, 1, 0, 0, 2));
        assertThat(StreamReconfigTest.results(inject(p, resetStream1(p, first))))
                .containsExactly(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        inject(p, message(false, first.next(), 1, 0, 1, 2));
        assertThat(p.server().events().stream().filter(e -> e.event() instanceof AssociationEvent.StreamReset
                && ((AssociationEvent.StreamReset) e.event()).outcome() == ReconfigOutcome.PERFORMED)).hasSize(1);
        assertThat(indices(p.server(), 1)).containsExactly(0, 1);
    }
}
