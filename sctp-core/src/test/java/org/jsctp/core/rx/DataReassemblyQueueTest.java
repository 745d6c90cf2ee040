package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.rx.ReassemblyQueue.AddResult;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class DataReassemblyQueueTest {

    private static final int PPID = 51;
    private static final long BIG = 1 << 20;

    private final DataReassemblyQueue q = new DataReassemblyQueue(16, BIG);

    private static DataChunk chunk(long tsn, int stream, int ssn, boolean unordered, boolean b, boolean e, String data) {
        return new DataChunk(false, unordered, b, e, new Tsn((int) tsn), stream, new Ssn(ssn), PPID,
                Bytes.wrap(data.getBytes()));
    }

    private static DataChunk whole(long tsn, int stream, int ssn, String data) {
        return chunk(tsn, stream, ssn, false, true, true, data);
    }

    private AddResult add(DataChunk c, long tsn) {
        AddResult r = q.add(tsn, c);
        q.checkInvariants();
        return r;
    }

    private AddResult add(DataChunk c) {
        return add(c, Integer.toUnsignedLong(c.tsn().value()));
    }

    private List<String> pollAll() {
        List<String> out = new ArrayList<>();
        ReceivedMessage m;
        while ((m = q.poll()) != null) {
            out.add(new String(m.payload().toByteArray()));
            q.checkInvariants();
        }
        return out;
    }

    @Test
    void aWholeMessageIsDeliveredAtOnceSharingTheChunksBytes() {
        DataChunk c = whole(10, 3, 0, "hello");
        assertThat(add(c)).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.hasDeliverable()).isTrue();
        assertThat(q.deliverableCount()).isEqualTo(1);
        assertThat(q.bufferedBytes()).isEqualTo(5);
        ReceivedMessage m = q.poll();
        assertThat(m.payload()).isSameAs(c.userData());
        assertThat(m).isEqualTo(new ReceivedMessage(3, false, false, 0, PPID, c.userData(), 10, 10));
        assertThat(m.ssn()).isEqualTo(new Ssn(0));
        assertThatThrownBy(m::mid).isInstanceOf(IllegalStateException.class);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.poll()).isNull();
        assertThat(q.hasDeliverable()).isFalse();
    }

    @Test
    void fragmentsInTsnOrderAreJoinedWhenTheLastArrives() {
        add(chunk(1, 0, 0, false, true, false, "ab"));
        add(chunk(2, 0, 0, false, false, false, "cd"));
        assertThat(q.hasDeliverable()).isFalse();
        assertThat(q.bufferedBytes()).isEqualTo(4);
        assertThat(q.heldFragmentCount()).isEqualTo(2);
        add(chunk(3, 0, 0, false, false, true, "e"));
        ReceivedMessage m = q.poll();
        assertThat(new String(m.payload().toByteArray())).isEqualTo("abcde");
        assertThat(m.firstTsn()).isEqualTo(1);
        assertThat(m.lastTsn()).isEqualTo(3);
        assertThat(m.tsnSpan()).isEqualTo(3);
        assertThat(q.heldFragmentCount()).isZero();
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void fragmentsArrivingInAnyOrderAreJoinedInTsnOrder() {
        add(chunk(5, 0, 0, false, false, true, "5"));
        add(chunk(3, 0, 0, false, false, false, "3"));
        add(chunk(1, 0, 0, false, true, false, "1"));
        add(chunk(4, 0, 0, false, false, false, "4"));
        assertThat(q.hasDeliverable()).isFalse();
        add(chunk(2, 0, 0, false, false, false, "2"));
        assertThat(pollAll()).containsExactly("12345");
    }

    @Test
    void theFirstFragmentsPpidIsTheMessages() {
        add(new DataChunk(false, false, true, false, new Tsn(1), 0, new Ssn(0), 7, Bytes.fromHex("01")));
        add(new DataChunk(false, false, false, true, new Tsn(2), 0, new Ssn(0), 9, Bytes.fromHex("02")));
        assertThat(q.poll().ppid()).isEqualTo(7);
    }

    @Test
    void orderedMessagesWaitForTheirPredecessorOnTheStream() {
        add(whole(3, 1, 2, "c"));
        add(whole(2, 1, 1, "b"));
        assertThat(q.hasDeliverable()).isFalse();
        assertThat(q.bufferedBytes()).isEqualTo(2);
        add(whole(1, 1, 0, "a"));
        assertThat(pollAll()).containsExactly("a", "b", "c");
        assertThat(q.nextExpectedSsn(1)).isEqualTo(3);
    }

    @Test
    void streamsAreOrderedIndependently() {
        add(whole(1, 1, 1, "s1-1"));
        add(whole(2, 2, 0, "s2-0"));
        assertThat(pollAll()).containsExactly("s2-0");
        add(whole(3, 1, 0, "s1-0"));
        assertThat(pollAll()).containsExactly("s1-0", "s1-1");
    }

    @Test
    void unorderedMessagesAreDeliveredAsSoonAsCompleteWhileOrderedOnesWait() {
        add(whole(2, 0, 1, "ordered-1"));
        add(chunk(3, 0, 77, true, true, false, "un"));
        add(chunk(4, 0, 77, true, false, true, "ordered"));
        assertThat(pollAll()).containsExactly("unordered");
        add(whole(1, 0, 0, "ordered-0"));
        assertThat(pollAll()).containsExactly("ordered-0", "ordered-1");
    }

    @Test
    void unorderedMessagesDoNotConsumeSsns() {
        add(chunk(1, 0, 0, true, true, true, "u"));
        assertThat(q.nextExpectedSsn(0)).isZero();
        add(whole(2, 0, 0, "o"));
        assertThat(pollAll()).containsExactly("u", "o");
    }

    @Test
    void aStreamDeliversAcrossTheSsnWrap() {
        long tsn = 1;
        for (int i = 0; i < 65536 + 3; i++) {
            assertThat(q.add(tsn, whole(tsn, 4, i & 0xFFFF, "x"))).isEqualTo(AddResult.ACCEPTED);
            tsn++;
            assertThat(q.poll().sequenceNumber()).isEqualTo(i & 0xFFFF);
        }
        assertThat(q.nextExpectedSsn(4)).isEqualTo(3);
        q.checkInvariants();
    }

    @Test
    void outOfOrderMessagesAcrossTheSsnWrapAreDeliveredInSerialOrder() {
        // A skip moves at most half the SSN space at a time (RFC 1982): 65533 is "before" 0.
        q.forwardTsn(0, List.of(new ForwardTsnEntry(2, new Ssn(65533))));
        assertThat(q.nextExpectedSsn(2)).isZero();
        q.forwardTsn(0, List.of(new ForwardTsnEntry(2, new Ssn(30000))));
        q.forwardTsn(0, List.of(new ForwardTsnEntry(2, new Ssn(60000))));
        q.forwardTsn(0, List.of(new ForwardTsnEntry(2, new Ssn(65533))));
        assertThat(q.nextExpectedSsn(2)).isEqualTo(65534);
        add(whole(4, 2, 1, "1"));
        add(whole(3, 2, 0, "0"));
        add(whole(2, 2, 65535, "65535"));
        assertThat(q.hasDeliverable()).isFalse();
        add(whole(1, 2, 65534, "65534"));
        assertThat(pollAll()).containsExactly("65534", "65535", "0", "1");
    }

    @Test
    void aMessageIsReassembledAcrossTheTsnWrap() {
        long base = 0xFFFF_FFFEL; // unwrapped TSNs 4294967294 .. 4294967297 carry wire TSNs -2, -1, 0, 1
        add(chunk(base + 2, 0, 0, false, false, false, "c"), base + 2);
        add(chunk(base + 3, 0, 0, false, false, true, "d"), base + 3);
        add(chunk(base, 0, 0, false, true, false, "a"), base);
        add(chunk(base + 1, 0, 0, false, false, false, "b"), base + 1);
        ReceivedMessage m = q.poll();
        assertThat(new String(m.payload().toByteArray())).isEqualTo("abcd");
        assertThat(m.firstTsn()).isEqualTo(base);
        assertThat(m.lastTsn()).isEqualTo(base + 3);
    }

    @Test
    void theUnwrappedTsnMustBeTheChunks() {
        assertThatThrownBy(() -> q.add(5, whole(6, 0, 0, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullBufferRefusesAndAcceptsAgainAfterPoll() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        DataReassemblyQueue small = new DataReassemblyQueue(4, 2L * (100 + overhead));
        String hundred = "x".repeat(100);
        assertThat(small.add(1, whole(1, 0, 0, hundred))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.add(2, whole(2, 0, 1, hundred))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.chargedBytes()).isEqualTo(2L * (100 + overhead));
        assertThat(small.add(3, whole(3, 0, 2, "y"))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        small.checkInvariants();
        assertThat(small.bufferedBytes()).isEqualTo(200);
        assertThat(small.deliverableCount()).isEqualTo(2);
        small.poll();
        assertThat(small.add(3, whole(3, 0, 2, "y"))).isEqualTo(AddResult.ACCEPTED);
        small.checkInvariants();
        assertThat(small.bufferedBytes()).isEqualTo(101);
    }

    @Test
    void aFloodOfTinyFragmentsIsBoundedByTheirOverhead() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        DataReassemblyQueue small = new DataReassemblyQueue(1, 10L * (1 + overhead));
        int accepted = 0;
        for (long tsn = 1; tsn <= 1000; tsn++) {
            // every other TSN: fragments of messages that never complete
            if (small.add(tsn * 2, chunk(tsn * 2, 0, (int) tsn, false, false, false, "z")) == AddResult.ACCEPTED) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(small.bufferedBytes()).isEqualTo(10);
        small.checkInvariants();
    }

    @Test
    void aChunkOnAStreamThatIsNotInboundIsReportedAndNotHeld() {
        assertThat(add(whole(1, 16, 0, "x"))).isEqualTo(AddResult.INVALID_STREAM);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(add(whole(2, 15, 0, "x"))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void aFragmentWithoutBAfterAMessagesLastFragmentIsAViolation() {
        add(chunk(1, 0, 0, false, false, true, "end"));
        assertThat(add(chunk(2, 0, 1, false, false, false, "mid"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(q.bufferedBytes()).isEqualTo(3);
    }

    @Test
    void aFirstFragmentRightAfterAnUnfinishedFragmentIsAViolation() {
        add(chunk(1, 0, 0, false, true, false, "start"));
        assertThat(add(chunk(2, 0, 1, false, true, true, "x"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
    }

    @Test
    void aContinuationOnAnotherStreamSsnOrUBitIsAViolation() {
        add(chunk(1, 0, 0, false, true, false, "a"));
        assertThat(add(chunk(2, 1, 0, false, false, true, "b"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(chunk(2, 0, 1, false, false, true, "b"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(chunk(2, 0, 0, true, false, true, "b"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(chunk(2, 0, 0, false, false, true, "b"))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void theMirrorRulesHoldForTheFragmentAfter() {
        add(chunk(5, 0, 0, false, false, true, "tail"));
        // an E chunk before a non-first fragment: the tail would have no start
        assertThat(add(chunk(4, 0, 0, false, true, true, "x"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        // a continuation of another message
        assertThat(add(chunk(4, 0, 3, false, true, false, "x"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        add(chunk(8, 0, 2, false, true, false, "head"));
        // an unfinished chunk before a first fragment
        assertThat(add(chunk(7, 0, 1, false, false, false, "x"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(chunk(7, 0, 1, false, true, true, "ok"))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void twoCompleteMessagesWithTheSameSsnAreAViolation() {
        add(whole(1, 0, 3, "first"));
        assertThat(add(whole(2, 0, 3, "second"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(q.bufferedBytes()).isEqualTo(5);
    }

    @Test
    void forwardTsnDiscardsPartialMessagesAtOrBelowTheNewCumulativeTsn() {
        add(chunk(2, 0, 0, true, true, false, "gone"));   // unordered, missing 3
        add(chunk(10, 1, 0, true, true, false, "kept"));  // unordered, above the new cumulative TSN
        q.forwardTsn(5, List.of());
        assertThat(q.bufferedBytes()).isEqualTo(4);
        add(chunk(11, 1, 0, true, false, true, "!"));
        assertThat(pollAll()).containsExactly("kept!");
    }

    @Test
    void forwardTsnDeliversHeldMessagesUpToTheSkippedSsnAndMovesTheStreamOn() {
        add(whole(3, 0, 2, "two"));
        add(whole(5, 0, 4, "four"));
        add(whole(6, 0, 5, "five"));
        q.forwardTsn(4, List.of(new ForwardTsnEntry(0, new Ssn(3))));
        assertThat(pollAll()).containsExactly("two", "four", "five");
        assertThat(q.nextExpectedSsn(0)).isEqualTo(6);
    }

    @Test
    void forwardTsnForAnSsnAlreadyPassedChangesNothing() {
        add(whole(1, 0, 0, "a"));
        add(whole(2, 0, 1, "b"));
        pollAll();
        q.forwardTsn(2, List.of(new ForwardTsnEntry(0, new Ssn(0))));
        assertThat(q.nextExpectedSsn(0)).isEqualTo(2);
    }

    @Test
    void fragmentsOfAnSkippedSsnAreDroppedNowAndLater() {
        add(chunk(7, 0, 1, false, false, false, "x")); // middle of SSN 1, TSNs 6..8
        q.forwardTsn(5, List.of(new ForwardTsnEntry(0, new Ssn(1))));
        assertThat(q.bufferedBytes()).isZero();
        assertThat(add(chunk(8, 0, 1, false, false, true, "y"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.hasDeliverable()).isFalse();
    }

    @Test
    void theRestOfAMessageCutByTheNewCumulativeTsnIsDroppedHeldOrLate() {
        // unordered message on TSNs 3..7; the sender abandoned it, the FORWARD TSN covers only 3..4
        add(chunk(4, 0, 0, true, false, false, "4"));
        add(chunk(6, 0, 0, true, false, false, "6"));
        q.forwardTsn(4, List.of());
        assertThat(q.heldFragmentCount()).isEqualTo(1); // 6 waits: 5 may still arrive
        assertThat(add(chunk(5, 0, 0, true, false, false, "5"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.heldFragmentCount()).isZero(); // 5 continued the skipped message, so 6 went too
        assertThat(add(chunk(7, 0, 0, true, false, true, "7"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(add(whole(8, 0, 0, "next"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(pollAll()).containsExactly("next");
    }

    @Test
    void forwardTsnIgnoresEntriesForStreamsThatAreNotInbound() {
        q.forwardTsn(1, List.of(new ForwardTsnEntry(100, new Ssn(5))));
        q.checkInvariants();
        assertThat(q.trackedStreamCount()).isZero();
    }

    @Test
    void resetStreamsStartsTheListedStreamsAtSsnZeroAgain() {
        add(whole(1, 0, 0, "a0"));
        add(whole(2, 1, 0, "b0"));
        pollAll();
        q.resetStreams(new int[] {0});
        assertThat(q.nextExpectedSsn(0)).isZero();
        assertThat(q.nextExpectedSsn(1)).isEqualTo(1);
        add(whole(3, 0, 0, "a0 again"));
        add(whole(4, 1, 1, "b1"));
        assertThat(pollAll()).containsExactly("a0 again", "b1");
    }

    @Test
    void resetWithNoStreamsResetsAllAndDropsWhatCanNeverBeDelivered() {
        add(whole(1, 0, 0, "deliverable"));
        add(whole(2, 1, 1, "stuck behind SSN 0"));
        add(chunk(3, 2, 0, false, true, false, "partial"));
        q.resetStreams(new int[0]);
        q.checkInvariants();
        assertThat(q.nextExpectedSsn(0)).isZero();
        assertThat(q.trackedStreamCount()).isZero();
        assertThat(pollAll()).containsExactly("deliverable");
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void resetOfAStreamThatIsNotInboundIsAProgrammingError() {
        assertThatThrownBy(() -> q.resetStreams(new int[] {16})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perStreamStateGrowsWithUseNotWithTheStreamCount() {
        DataReassemblyQueue wide = new DataReassemblyQueue(65535, BIG);
        assertThat(wide.trackedStreamCount()).isZero();
        assertThat(wide.add(1, whole(1, 65534, 0, "last stream"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(wide.add(2, chunk(2, 65533, 0, true, true, true, "unordered"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(wide.trackedStreamCount()).isEqualTo(1);
        assertThat(wide.poll().streamId()).isEqualTo(65534);
        wide.checkInvariants();
    }

    // ------------------------------------------------------------------------ partial delivery

    /** A queue that starts a partial delivery once 4 leading bytes of a message next in line are here. */
    private final DataReassemblyQueue pd = new DataReassemblyQueue(16, BIG, 4);

    private AddResult addTo(DataReassemblyQueue queue, DataChunk c) {
        AddResult r = queue.add(Integer.toUnsignedLong(c.tsn().value()), c);
        queue.checkInvariants();
        return r;
    }

    private static List<ReceivedMessage> pollAll(DataReassemblyQueue queue) {
        List<ReceivedMessage> out = new ArrayList<>();
        ReceivedMessage m;
        while ((m = queue.poll()) != null) {
            out.add(m);
            queue.checkInvariants();
        }
        return out;
    }

    private static String text(ReceivedMessage m) {
        return new String(m.payload().toByteArray()) + (m.complete() ? "" : "...");
    }

    private static List<String> texts(List<ReceivedMessage> ms) {
        return ms.stream().map(DataReassemblyQueueTest::text).toList();
    }

    @Test
    void theLeadingFragmentsAreDeliveredAsAPieceOnceTheyReachThePartialDeliveryPoint() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "ab"));
        assertThat(pd.hasDeliverable()).isFalse();
        addTo(pd, chunk(2, 0, 0, false, false, false, "cd"));
        ReceivedMessage piece = pd.poll();
        assertThat(piece).isEqualTo(new ReceivedMessage(0, false, false, 0, PPID, Bytes.wrap("abcd".getBytes()), 1, 2,
                false));
        assertThat(pd.partialDeliveryCount()).isEqualTo(1);
        assertThat(pd.heldFragmentCount()).isZero();
        assertThat(pd.bufferedBytes()).isZero();
        assertThat(pd.nextExpectedSsn(0)).isZero(); // the stream stays on the message until its last piece
    }

    @Test
    void furtherFragmentsAreDeliveredAsTheyArriveAndTheLastPieceIsComplete() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, chunk(2, 0, 0, false, false, false, "e"));
        addTo(pd, chunk(3, 0, 0, false, false, true, "f"));
        List<ReceivedMessage> got = pollAll(pd);
        assertThat(texts(got)).containsExactly("abcd...", "e...", "f");
        assertThat(got).extracting(ReceivedMessage::firstTsn).containsExactly(1L, 2L, 3L);
        assertThat(got).allSatisfy(m -> assertThat(m.ppid()).isEqualTo(PPID));
        assertThat(pd.partialDeliveryCount()).isZero();
        assertThat(pd.nextExpectedSsn(0)).isEqualTo(1);
    }

    @Test
    void fragmentsAfterAGapWaitAndLeaveJoinedWhenTheGapFills() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, chunk(4, 0, 0, false, false, false, "g"));
        addTo(pd, chunk(3, 0, 0, false, false, false, "f"));
        addTo(pd, chunk(5, 0, 0, false, false, true, "h"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...");
        assertThat(pd.heldFragmentCount()).isEqualTo(3);
        addTo(pd, chunk(2, 0, 0, false, false, false, "e"));
        List<ReceivedMessage> got = pollAll(pd);
        assertThat(texts(got)).containsExactly("efgh");
        assertThat(got.get(0).firstTsn()).isEqualTo(2);
        assertThat(got.get(0).lastTsn()).isEqualTo(5);
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void messagesOfTheSameStreamAreHeldBackUntilThePartialDeliveryEnds() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, whole(4, 0, 1, "ssn1"));
        addTo(pd, chunk(5, 0, 9, true, true, true, "unordered"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...");
        assertThat(pd.bufferedBytes()).as("held back, and charged").isEqualTo(13);
        assertThat(pd.chargedBytes()).isEqualTo(13 + 2 * ReassemblyQueue.ENTRY_OVERHEAD_BYTES);
        addTo(pd, chunk(3, 0, 0, false, false, true, "f"));
        assertThat(pd.hasDeliverable()).isFalse();
        addTo(pd, chunk(2, 0, 0, false, false, false, "e"));
        assertThat(texts(pollAll(pd))).containsExactly("ef", "unordered", "ssn1");
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void otherStreamsAreNotHeldUpByAPartialDelivery() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, whole(3, 1, 0, "other stream"));
        addTo(pd, chunk(4, 2, 0, true, true, true, "unordered elsewhere"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "other stream", "unordered elsewhere");
    }

    @Test
    void anUnorderedMessageIsDeliveredInPiecesToo() {
        addTo(pd, chunk(7, 3, 0, true, true, false, "12345"));
        addTo(pd, chunk(8, 3, 0, true, false, true, "6"));
        assertThat(texts(pollAll(pd))).containsExactly("12345...", "6");
    }

    @Test
    void theNextMessageStartsItsPartialDeliveryWhenItsTurnComes() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "x"));     // SSN 0, unfinished
        addTo(pd, chunk(3, 0, 1, false, true, false, "12345")); // SSN 1 reached the point but must wait
        assertThat(pd.hasDeliverable()).isFalse();
        addTo(pd, chunk(2, 0, 0, false, false, true, "y"));
        assertThat(texts(pollAll(pd))).containsExactly("xy", "12345...");
        assertThat(pd.partialDeliveryCount()).isEqualTo(1);
    }

    @Test
    void aFirstFragmentWhereAPartialDeliveryContinuesIsAViolation() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        assertThat(addTo(pd, chunk(2, 0, 1, false, true, true, "new"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(addTo(pd, chunk(2, 1, 0, false, false, true, "elsewhere"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(addTo(pd, chunk(2, 0, 0, false, false, true, "end"))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void anotherFirstFragmentForAnOrderedSsnBegunOrBeingDeliveredIsAViolation() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        assertThat(addTo(pd, chunk(5, 0, 0, false, true, true, "again"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        addTo(pd, chunk(8, 0, 2, false, true, false, "b"));
        assertThat(addTo(pd, chunk(10, 0, 2, false, true, false, "b again"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
    }

    @Test
    void forwardTsnAbortsAPartialDeliveryWhoseNextFragmentItSkipsAndDropsTheRest() {
        addTo(pd, chunk(1, 0, 0, true, true, false, "abcd"));
        addTo(pd, chunk(5, 0, 0, true, false, false, "later"));
        addTo(pd, whole(7, 0, 0, "held back"));
        pollAll(pd);
        pd.forwardTsn(3, List.of());
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(0, true, 0));
        assertThat(pd.pollAbortedDeliveries()).isEmpty();
        assertThat(pd.partialDeliveryCount()).isZero();
        // the message was cut, so what continues it after TSN 3 is dropped, held or late
        assertThat(addTo(pd, chunk(4, 0, 0, true, false, false, "late"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(addTo(pd, chunk(6, 0, 0, true, false, true, "end"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(texts(pollAll(pd))).containsExactly("held back");
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void forwardTsnUpToTheLastDeliveredFragmentKeepsThePartialDelivery() {
        // RFC 3758 section 3.6: only a message missing a TSN at or below the new cumulative TSN is cut.
        addTo(pd, chunk(2, 0, 0, true, true, false, "abcd"));
        pd.forwardTsn(2, List.of());
        assertThat(pd.pollAbortedDeliveries()).isEmpty();
        assertThat(addTo(pd, chunk(3, 0, 0, true, false, true, "e"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "e");
    }

    @Test
    void forwardTsnInsideAMessageWhoseFragmentsUpToItAreAllHereKeepsTheMessage() {
        add(chunk(3, 0, 0, true, true, false, "a"));
        add(chunk(4, 0, 0, true, false, false, "b"));
        q.forwardTsn(4, List.of()); // e.g. TSN 2 was abandoned, 3 and 4 were acknowledged
        assertThat(q.heldFragmentCount()).isEqualTo(2);
        assertThat(add(chunk(5, 0, 0, true, false, true, "c"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(pollAll()).containsExactly("abc");
    }

    @Test
    void aForwardTsnEntryForItsSsnAbortsAnOrderedPartialDeliveryAndTheStreamGoesOn() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, chunk(4, 0, 0, false, false, false, "held"));
        addTo(pd, whole(6, 0, 1, "ssn1"));
        pollAll(pd);
        pd.forwardTsn(0, List.of(new ForwardTsnEntry(0, new Ssn(0))));
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(0, false, 0));
        assertThat(texts(pollAll(pd))).containsExactly("ssn1");
        assertThat(pd.heldFragmentCount()).isZero();
        assertThat(addTo(pd, chunk(5, 0, 0, false, false, true, "late"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(pd.bufferedBytes()).isZero();
        assertThat(pd.nextExpectedSsn(0)).isEqualTo(2);
    }

    @Test
    void aStreamResetAbortsItsPartialDelivery() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, chunk(3, 1, 0, false, true, false, "wxyz"));
        addTo(pd, whole(5, 0, 1, "held back"));
        pollAll(pd);
        pd.resetStreams(new int[] {0});
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(0, false, 0));
        assertThat(pd.partialDeliveryCount()).isEqualTo(1); // stream 1 goes on
        assertThat(pd.bufferedBytes()).isZero();
        assertThat(pd.nextExpectedSsn(0)).isZero();
    }

    @Test
    void abortingAllPartialDeliveriesReportsEachAndKeepsWhatIsDeliverable() {
        addTo(pd, chunk(1, 0, 0, false, true, false, "abcd"));
        addTo(pd, chunk(3, 1, 5, true, true, false, "wxyz"));
        addTo(pd, chunk(5, 1, 6, true, true, true, "held back"));
        addTo(pd, whole(6, 2, 1, "never in turn"));
        pd.abortPartialDeliveries();
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactlyInAnyOrder(new AbortedPartialDelivery(0, false, 0),
                new AbortedPartialDelivery(1, true, 5));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "wxyz...", "held back");
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void whenTheBoundCouldNotTakeAnotherFragmentTheLeadingFragmentsOfTheNextMessageLeaveEarly() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        DataReassemblyQueue small = new DataReassemblyQueue(4, 4L * (10 + overhead), 1000);
        String ten = "0123456789";
        addTo(small, chunk(1, 0, 0, false, true, false, ten));
        addTo(small, chunk(2, 0, 0, false, false, false, ten));
        addTo(small, chunk(5, 1, 3, false, true, true, ten)); // not in turn
        assertThat(small.hasDeliverable()).isFalse();
        // this one fills the bound: a peer that waits for room for its next fragment would wait forever
        assertThat(addTo(small, chunk(7, 2, 4, false, true, true, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(texts(pollAll(small))).containsExactly(ten + ten + "...");
        assertThat(small.bufferedBytes()).isEqualTo(20);
    }

    @Test
    void aFragmentRefusedForLackOfRoomMakesTheLeadingFragmentsOfTheNextMessageLeave() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        DataReassemblyQueue small = new DataReassemblyQueue(4, 3L * (10 + overhead), 1000);
        String ten = "0123456789";
        addTo(small, chunk(1, 0, 0, false, true, false, ten));
        addTo(small, chunk(2, 0, 0, false, false, false, ten));
        assertThat(small.hasDeliverable()).isFalse();
        // larger than any fragment before, and not in turn: refused, and SSN 0's 20 bytes leave as a piece
        String fifty = "x".repeat(50);
        assertThat(addTo(small, chunk(7, 2, 4, false, true, true, fifty))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        assertThat(small.bufferedBytes()).isEqualTo(20);
        assertThat(small.chargedBytes()).isEqualTo(20 + overhead); // two fragments became one piece
        assertThat(texts(pollAll(small))).containsExactly(ten + ten + "...");
        assertThat(addTo(small, chunk(7, 2, 4, false, true, true, fifty))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void theFragmentAPartialDeliveryNeedsIsTakenPastTheBoundWhileNothingWaits() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        long max = 3L * (10 + overhead);
        DataReassemblyQueue small = new DataReassemblyQueue(4, max, 10);
        String ten = "0123456789";
        addTo(small, chunk(1, 0, 0, false, true, false, ten));
        assertThat(texts(pollAll(small))).containsExactly(ten + "...");
        // TSN 2 is lost; fragments of a message that is not in turn fill the bound
        for (long tsn = 11; tsn <= 13; tsn++) {
            assertThat(addTo(small, chunk(tsn, 1, 1, false, tsn == 11, false, ten))).isEqualTo(AddResult.ACCEPTED);
        }
        assertThat(small.chargedBytes()).isEqualTo(max);
        // the retransmission of TSN 2 must be taken, or stream 0 would never move again
        assertThat(addTo(small, chunk(2, 0, 0, false, false, false, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.chargedBytes()).isEqualTo(max + 10 + overhead);
        assertThat(small.chargedBytes() - small.firstReadyCharge()).isEqualTo(max);
        // while that piece waits to be polled, nothing more passes the bound, deliverable or not
        assertThat(addTo(small, chunk(3, 0, 0, false, false, true, ten))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        assertThat(texts(pollAll(small))).containsExactly(ten + "...");
        assertThat(addTo(small, chunk(3, 0, 0, false, false, true, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(texts(pollAll(small))).containsExactly(ten);
        assertThat(small.chargedBytes()).isEqualTo(max);
    }

    @Test
    void theFragmentAtTheLowestMissingTsnIsTakenPastTheBoundUpToTwiceIt() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        long max = 3L * (10 + overhead);
        DataReassemblyQueue small = new DataReassemblyQueue(4, max, 15);
        String ten = "0123456789";
        // stream 0 is held by the partial delivery of an unordered message that started late
        addTo(small, chunk(5, 0, 7, true, true, false, ten));
        small.add(6, chunk(6, 0, 7, true, false, false, ten), false);
        small.checkInvariants();
        assertThat(small.partialDeliveryCount()).isEqualTo(1);
        pollAll(small);
        // an earlier ordered message of stream 0 misses TSN 2; it cannot be handed out meanwhile
        addTo(small, chunk(1, 0, 0, false, true, false, ten));
        addTo(small, chunk(3, 0, 0, false, false, true, ten));
        addTo(small, chunk(4, 1, 0, false, true, false, ten)); // fills the bound: its 10 bytes leave early
        assertThat(addTo(small, chunk(2, 0, 0, false, false, false, ten))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        // told that TSN 2 is the lowest missing, the queue takes it: the message is complete, held back
        assertThat(small.add(2, chunk(2, 0, 0, false, false, false, ten), true)).isEqualTo(AddResult.ACCEPTED);
        small.checkInvariants();
        assertThat(small.chargedBytes()).isLessThanOrEqualTo(2 * max);
        assertThat(small.deliverableCount()).isEqualTo(1); // only stream 1's piece
        assertThat(texts(pollAll(small))).containsExactly(ten + "...");
        // the partial delivery ends, and the held-back message follows
        assertThat(addTo(small, chunk(7, 0, 7, true, false, true, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(texts(pollAll(small))).containsExactly(ten, ten + ten + ten);
    }

    @Test
    void constructorArgumentsAreChecked() {
        assertThatThrownBy(() -> new DataReassemblyQueue(0, BIG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataReassemblyQueue(65536, BIG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataReassemblyQueue(1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataReassemblyQueue(1, Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataReassemblyQueue(1, BIG, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
