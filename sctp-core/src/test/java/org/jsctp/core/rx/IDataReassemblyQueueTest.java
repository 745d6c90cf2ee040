package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.rx.ReassemblyQueue.AddResult;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class IDataReassemblyQueueTest {

    private static final int PPID = 53;
    private static final long BIG = 1 << 20;

    private final IDataReassemblyQueue q = new IDataReassemblyQueue(16, BIG);

    private static IDataChunk first(long tsn, int stream, long mid, boolean unordered, boolean e, String data) {
        return IDataChunk.firstFragment(false, unordered, e, new Tsn((int) tsn), stream, Mid.of(mid), PPID,
                Bytes.wrap(data.getBytes()));
    }

    private static IDataChunk later(long tsn, int stream, long mid, boolean unordered, long fsn, boolean e, String data) {
        return IDataChunk.laterFragment(false, unordered, e, new Tsn((int) tsn), stream, Mid.of(mid), Fsn.of(fsn),
                Bytes.wrap(data.getBytes()));
    }

    private static IDataChunk whole(long tsn, int stream, long mid, String data) {
        return first(tsn, stream, mid, false, true, data);
    }

    private AddResult add(IDataChunk c) {
        return add(c, Integer.toUnsignedLong(c.tsn().value()));
    }

    private AddResult add(IDataChunk c, long tsn) {
        AddResult r = q.add(tsn, c);
        q.checkInvariants();
        return r;
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
        IDataChunk c = whole(7, 2, 0, "hi");
        assertThat(add(c)).isEqualTo(AddResult.ACCEPTED);
        ReceivedMessage m = q.poll();
        assertThat(m.payload()).isSameAs(c.userData());
        assertThat(m).isEqualTo(new ReceivedMessage(2, false, true, 0, PPID, c.userData(), 7, 7));
        assertThat(m.mid()).isEqualTo(new Mid(0));
        assertThatThrownBy(m::ssn).isInstanceOf(IllegalStateException.class);
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void fragmentsInAnyOrderAreJoinedByFsnAndCarryTheFirstFragmentsPpid() {
        add(later(13, 0, 0, false, 3, true, "d"));
        add(later(11, 0, 0, false, 1, false, "b"));
        add(later(12, 0, 0, false, 2, false, "c"));
        assertThat(q.hasDeliverable()).isFalse();
        assertThat(q.partialMessageCount()).isEqualTo(1);
        assertThat(q.bufferedBytes()).isEqualTo(3);
        add(first(10, 0, 0, false, false, "a"));
        ReceivedMessage m = q.poll();
        assertThat(new String(m.payload().toByteArray())).isEqualTo("abcd");
        assertThat(m.ppid()).isEqualTo(PPID);
        assertThat(m.firstTsn()).isEqualTo(10);
        assertThat(m.lastTsn()).isEqualTo(13);
        assertThat(q.partialMessageCount()).isZero();
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void fragmentsOfMessagesOnOneStreamMayInterleave() {
        add(first(1, 0, 0, false, false, "A1"));
        add(first(2, 0, 1, false, false, "B1"));
        add(later(3, 0, 1, false, 1, true, "B2"));
        assertThat(q.hasDeliverable()).isFalse(); // MID 1 is complete but waits for MID 0
        add(later(4, 0, 0, false, 1, true, "A2"));
        assertThat(pollAll()).containsExactly("A1A2", "B1B2");
    }

    @Test
    void orderedAndUnorderedMidsAreSeparateNumberSpaces() {
        add(first(1, 0, 0, true, false, "u0-"));
        add(whole(2, 0, 0, "o0"));
        add(later(3, 0, 0, true, 1, true, "end"));
        add(first(4, 0, 5, true, true, "u5"));
        assertThat(pollAll()).containsExactly("o0", "u0-end", "u5");
        assertThat(q.nextExpectedMid(0)).isEqualTo(1);
    }

    @Test
    void orderedMessagesWaitForTheirMidPredecessor() {
        add(whole(3, 1, 2, "c"));
        add(whole(2, 1, 1, "b"));
        assertThat(q.hasDeliverable()).isFalse();
        add(whole(1, 1, 0, "a"));
        assertThat(pollAll()).containsExactly("a", "b", "c");
    }

    @Test
    void aStreamDeliversAcrossTheMidWrap() {
        // A skip moves at most half the MID space at a time (RFC 1982).
        q.forwardTsn(List.of(new IForwardTsnEntry(3, false, Mid.of(0x7FFF_0000L))));
        q.forwardTsn(List.of(new IForwardTsnEntry(3, false, Mid.of(0xC000_0000L))));
        q.forwardTsn(List.of(new IForwardTsnEntry(3, false, Mid.of(0xFFFF_FFFDL))));
        assertThat(q.nextExpectedMid(3)).isEqualTo(0xFFFF_FFFEL);
        add(whole(4, 3, 1, "1"));
        add(whole(3, 3, 0, "0"));
        add(whole(2, 3, 0xFFFF_FFFFL, "max"));
        assertThat(q.hasDeliverable()).isFalse();
        add(whole(1, 3, 0xFFFF_FFFEL, "max-1"));
        assertThat(pollAll()).containsExactly("max-1", "max", "0", "1");
        assertThat(q.nextExpectedMid(3)).isEqualTo(2);
    }

    @Test
    void unorderedMidsWrapWithoutAnyState() {
        add(first(1, 0, 0xFFFF_FFFFL, true, false, "a"));
        add(first(2, 0, 0, true, false, "b"));
        add(later(3, 0, 0, true, 1, true, "B"));
        add(later(4, 0, 0xFFFF_FFFFL, true, 1, true, "A"));
        assertThat(pollAll()).containsExactly("bB", "aA");
    }

    @Test
    void aMessageIsReassembledAcrossTheTsnWrap() {
        long base = 0xFFFF_FFFFL;
        add(later(base + 1, 0, 0, false, 1, false, "b"), base + 1);
        add(later(base + 2, 0, 0, false, 2, true, "c"), base + 2);
        add(first(base, 0, 0, false, false, "a"), base);
        ReceivedMessage m = q.poll();
        assertThat(new String(m.payload().toByteArray())).isEqualTo("abc");
        assertThat(m.firstTsn()).isEqualTo(base);
        assertThat(m.lastTsn()).isEqualTo(base + 2);
    }

    @Test
    void theUnwrappedTsnMustBeTheChunks() {
        assertThatThrownBy(() -> q.add(1L << 32, whole(1, 0, 0, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLaterFragmentWithFsnZeroIsAViolation() {
        assertThat(add(later(1, 0, 0, false, 0, false, "x"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void theSameFsnTwiceWithOtherDataIsAViolationAndAnExactCopyIsHarmless() {
        add(later(2, 0, 0, false, 1, false, "one"));
        assertThat(add(later(3, 0, 0, false, 1, false, "uno"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(later(3, 0, 0, false, 1, true, "one"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(later(3, 0, 0, false, 1, false, "one"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.bufferedBytes()).isEqualTo(3);
        add(first(1, 0, 0, false, false, "zero"));
        assertThat(add(first(4, 0, 0, false, false, "cero"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
    }

    @Test
    void aFragmentAfterTheLastFragmentIsAViolation() {
        add(later(2, 0, 0, false, 2, true, "end"));
        assertThat(add(later(3, 0, 0, false, 3, false, "beyond"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(add(later(3, 0, 0, false, 1, true, "second end"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        add(later(5, 0, 1, false, 4, false, "x"));
        assertThat(add(later(4, 0, 1, false, 3, true, "end below"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
        assertThat(q.bufferedBytes()).isEqualTo(4);
    }

    @Test
    void aFragmentOfAnOrderedMessageAlreadyCompleteIsAViolation() {
        add(whole(1, 0, 1, "mid1"));
        assertThat(add(later(2, 0, 1, false, 1, true, "more"))).isEqualTo(AddResult.PROTOCOL_VIOLATION);
    }

    @Test
    void aFragmentOfAnOrderedMessageAlreadyDeliveredIsDropped() {
        add(whole(1, 0, 0, "m0"));
        pollAll();
        assertThat(add(later(2, 0, 0, false, 1, true, "late"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(q.bufferedBytes()).isZero();
        assertThat(q.partialMessageCount()).isZero();
    }

    @Test
    void aFullBufferRefusesAndDeliversTheLeadingFragmentsOfTheNextMessageToFreeRoom() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        IDataReassemblyQueue small = new IDataReassemblyQueue(2, 3L * (10 + overhead));
        String ten = "0123456789";
        assertThat(small.add(1, whole(1, 0, 0, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.add(2, first(2, 0, 1, false, false, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.add(3, later(3, 0, 1, false, 1, false, ten))).isEqualTo(AddResult.ACCEPTED);
        // No room, and message 0 waits to be polled: refused, but MID 1's first 20 bytes go out as a piece.
        assertThat(small.add(4, later(4, 0, 1, false, 2, true, ten))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        assertThat(small.add(4, whole(4, 1, 0, "y"))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        small.checkInvariants();
        assertThat(small.bufferedBytes()).isEqualTo(30);
        assertThat(small.deliverableCount()).isEqualTo(2);
        assertThat(small.partialDeliveryCount()).isEqualTo(1);
        small.poll();
        assertThat(small.add(4, later(4, 0, 1, false, 2, true, ten))).isEqualTo(AddResult.ACCEPTED);
        small.checkInvariants();
        ReceivedMessage piece = small.poll();
        assertThat(piece.payload().length()).isEqualTo(20);
        assertThat(piece.complete()).isFalse();
        ReceivedMessage last = small.poll();
        assertThat(last.payload().length()).isEqualTo(10);
        assertThat(last.complete()).isTrue();
        assertThat(small.bufferedBytes()).isZero();
        assertThat(small.partialDeliveryCount()).isZero();
    }

    @Test
    void aChunkOnAStreamThatIsNotInboundIsReported() {
        assertThat(add(whole(1, 16, 0, "x"))).isEqualTo(AddResult.INVALID_STREAM);
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void forwardTsnDropsOrderedPartialsDeliversHeldMessagesAndMovesTheStreamOn() {
        add(first(1, 0, 0, false, false, "partial 0"));
        add(whole(3, 0, 2, "two"));
        add(whole(5, 0, 4, "four"));
        q.forwardTsn(List.of(new IForwardTsnEntry(0, false, Mid.of(1))));
        assertThat(q.partialMessageCount()).isZero();
        assertThat(pollAll()).containsExactly("two");
        assertThat(q.nextExpectedMid(0)).isEqualTo(3);
        q.forwardTsn(List.of(new IForwardTsnEntry(0, false, Mid.of(3))));
        assertThat(pollAll()).containsExactly("four");
        assertThat(q.bufferedBytes()).isZero();
    }

    @Test
    void forwardTsnDropsUnorderedPartialsUpToTheMidAndKeepsLaterOnes() {
        add(first(1, 0, 4, true, false, "u4"));
        add(first(2, 0, 5, true, false, "u5"));
        add(first(3, 0, 6, true, false, "u6"));
        add(first(4, 0, 5, false, false, "o5")); // ordered MID 5 is another message
        add(first(5, 1, 5, true, false, "s1u5")); // and so is MID 5 on another stream
        q.forwardTsn(List.of(new IForwardTsnEntry(0, true, Mid.of(5))));
        assertThat(q.partialMessageCount()).isEqualTo(3);
        add(later(6, 0, 6, true, 1, true, "!"));
        assertThat(pollAll()).containsExactly("u6!");
        assertThat(q.nextExpectedMid(0)).isZero();
    }

    @Test
    void forwardTsnIgnoresStreamsThatAreNotInboundAndMidsAlreadyPassed() {
        add(whole(1, 0, 0, "a"));
        add(whole(2, 0, 1, "b"));
        q.forwardTsn(List.of(new IForwardTsnEntry(99, false, Mid.of(7)), new IForwardTsnEntry(0, false, Mid.of(0))));
        q.checkInvariants();
        assertThat(q.nextExpectedMid(0)).isEqualTo(2);
        assertThat(pollAll()).containsExactly("a", "b");
    }

    @Test
    void resetStreamsStartsTheListedStreamsAtMidZeroAgain() {
        add(whole(1, 0, 0, "a0"));
        add(whole(2, 1, 0, "b0"));
        add(whole(3, 1, 2, "b2 stuck"));
        add(first(4, 1, 3, true, false, "u partial"));
        q.resetStreams(new int[] {1});
        q.checkInvariants();
        assertThat(q.nextExpectedMid(1)).isZero();
        assertThat(q.nextExpectedMid(0)).isEqualTo(1);
        assertThat(q.partialMessageCount()).isZero();
        add(whole(5, 1, 0, "b0 again"));
        assertThat(pollAll()).containsExactly("a0", "b0", "b0 again");
        q.resetStreams(new int[0]);
        assertThat(q.trackedStreamCount()).isZero();
        assertThatThrownBy(() -> q.resetStreams(new int[] {-1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perStreamStateGrowsWithUseNotWithTheStreamCount() {
        IDataReassemblyQueue wide = new IDataReassemblyQueue(65535, BIG);
        assertThat(wide.add(1, whole(1, 65534, 0, "x"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(wide.trackedStreamCount()).isEqualTo(1);
        wide.checkInvariants();
    }

    // ------------------------------------------------------------------------ partial delivery

    /** A queue that starts a partial delivery once 4 leading bytes of a message next in line are here. */
    private final IDataReassemblyQueue pd = new IDataReassemblyQueue(16, BIG, 4);

    private AddResult addTo(IDataReassemblyQueue queue, IDataChunk c) {
        AddResult r = queue.add(Integer.toUnsignedLong(c.tsn().value()), c);
        queue.checkInvariants();
        return r;
    }

    private static List<ReceivedMessage> pollAll(IDataReassemblyQueue queue) {
        List<ReceivedMessage> out = new ArrayList<>();
        ReceivedMessage m;
        while ((m = queue.poll()) != null) {
            out.add(m);
            queue.checkInvariants();
        }
        return out;
    }

    private static List<String> texts(List<ReceivedMessage> ms) {
        return ms.stream().map(m -> new String(m.payload().toByteArray()) + (m.complete() ? "" : "...")).toList();
    }

    @Test
    void theLeadingFragmentsAreDeliveredAsAPieceOnceTheyReachThePartialDeliveryPoint() {
        addTo(pd, later(11, 0, 0, false, 1, false, "cd"));
        assertThat(pd.hasDeliverable()).isFalse();
        addTo(pd, first(10, 0, 0, false, false, "ab"));
        ReceivedMessage piece = pd.poll();
        assertThat(piece).isEqualTo(new ReceivedMessage(0, false, true, 0, PPID, Bytes.wrap("abcd".getBytes()), 10, 11,
                false));
        assertThat(pd.partialDeliveryCount()).isEqualTo(1);
        assertThat(pd.partialMessageCount()).isEqualTo(1);
        assertThat(pd.bufferedBytes()).isZero();
        assertThat(pd.nextExpectedMid(0)).isZero();
    }

    @Test
    void furtherFragmentsAreDeliveredAsTheyArriveInFsnOrderAndTheLastPieceIsComplete() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        addTo(pd, later(2, 0, 0, false, 3, true, "g"));
        addTo(pd, later(3, 0, 0, false, 2, false, "f"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...");
        addTo(pd, later(4, 0, 0, false, 1, false, "e"));
        List<ReceivedMessage> got = pollAll(pd);
        assertThat(texts(got)).containsExactly("efg");
        assertThat(got.get(0).firstTsn()).isEqualTo(2);
        assertThat(got.get(0).lastTsn()).isEqualTo(4);
        assertThat(pd.partialMessageCount()).isZero();
        assertThat(pd.partialDeliveryCount()).isZero();
        assertThat(pd.nextExpectedMid(0)).isEqualTo(1);
    }

    @Test
    void aCopyOfAFragmentAlreadyHandedOutIsDropped() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        pollAll(pd);
        assertThat(addTo(pd, first(2, 0, 0, false, false, "abcd"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(pd.hasDeliverable()).isFalse();
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void messagesOfTheSameStreamAreHeldBackUntilThePartialDeliveryEnds() {
        addTo(pd, first(1, 0, 0, true, false, "abcd"));  // unordered MID 0, delivering
        addTo(pd, whole(2, 0, 0, "ordered 0"));
        addTo(pd, whole(3, 0, 1, "ordered 1"));
        addTo(pd, first(4, 0, 1, true, true, "unordered 1"));
        addTo(pd, whole(5, 1, 0, "other stream"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "other stream");
        assertThat(pd.nextExpectedMid(0)).as("ordered messages move on, held back").isEqualTo(2);
        assertThat(pd.bufferedBytes()).isEqualTo(29);
        addTo(pd, later(6, 0, 0, true, 1, true, "e"));
        assertThat(texts(pollAll(pd))).containsExactly("e", "ordered 0", "ordered 1", "unordered 1");
    }

    @Test
    void messagesOfOtherStreamsInterleaveWithThePieces() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        addTo(pd, first(2, 1, 0, false, false, "wxyz"));
        addTo(pd, later(3, 0, 0, false, 1, false, "e"));
        addTo(pd, later(4, 1, 0, false, 1, true, "!"));
        addTo(pd, later(5, 0, 0, false, 2, true, "f"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "wxyz...", "e...", "!", "f");
    }

    @Test
    void theNextMessageStartsItsPartialDeliveryWhenItsTurnComes() {
        addTo(pd, first(1, 0, 0, false, false, "x"));
        addTo(pd, first(2, 0, 1, false, false, "12345"));
        assertThat(pd.hasDeliverable()).isFalse();
        addTo(pd, later(3, 0, 0, false, 1, true, "y"));
        assertThat(texts(pollAll(pd))).containsExactly("xy", "12345...");
    }

    @Test
    void anIForwardTsnEntryForAnUnorderedMessageAbortsItsPartialDelivery() {
        addTo(pd, first(1, 2, 7, true, false, "abcd"));
        addTo(pd, later(3, 2, 7, true, 2, false, "held"));
        addTo(pd, whole(4, 2, 0, "held back"));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...");
        pd.forwardTsn(List.of(new IForwardTsnEntry(2, true, Mid.of(7))));
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(2, true, 7));
        assertThat(texts(pollAll(pd))).containsExactly("held back");
        assertThat(pd.partialMessageCount()).isZero();
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void anIForwardTsnEntryForAnOrderedMessageAbortsItAndItsLateFragmentsAreDropped() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        addTo(pd, whole(5, 0, 1, "next"));
        pollAll(pd);
        pd.forwardTsn(List.of(new IForwardTsnEntry(0, false, Mid.of(0))));
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(0, false, 0));
        assertThat(texts(pollAll(pd))).containsExactly("next");
        assertThat(addTo(pd, later(2, 0, 0, false, 1, true, "late"))).isEqualTo(AddResult.ACCEPTED);
        assertThat(pd.bufferedBytes()).isZero();
        assertThat(pd.partialMessageCount()).isZero();
    }

    @Test
    void aStreamResetAbortsItsPartialDelivery() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        addTo(pd, later(3, 0, 0, false, 2, true, "held"));
        pollAll(pd);
        pd.resetStreams(new int[0]);
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactly(new AbortedPartialDelivery(0, false, 0));
        assertThat(pd.partialMessageCount()).isZero();
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void abortingAllPartialDeliveriesReportsEachAndDropsWhatCanNoLongerBeDelivered() {
        addTo(pd, first(1, 0, 0, false, false, "abcd"));
        addTo(pd, first(2, 1, 3, true, false, "wxyz"));
        addTo(pd, first(3, 2, 1, false, false, "waits"));
        pd.abortPartialDeliveries();
        pd.checkInvariants();
        assertThat(pd.pollAbortedDeliveries()).containsExactlyInAnyOrder(new AbortedPartialDelivery(0, false, 0),
                new AbortedPartialDelivery(1, true, 3));
        assertThat(texts(pollAll(pd))).containsExactly("abcd...", "wxyz...");
        assertThat(pd.partialMessageCount()).isZero();
        assertThat(pd.bufferedBytes()).isZero();
    }

    @Test
    void theFragmentAPartialDeliveryNeedsIsTakenPastTheBoundWhileNothingWaits() {
        int overhead = ReassemblyQueue.ENTRY_OVERHEAD_BYTES;
        long max = 3L * (10 + overhead);
        IDataReassemblyQueue small = new IDataReassemblyQueue(4, max, 10);
        String ten = "0123456789";
        addTo(small, first(1, 0, 0, false, false, ten));
        pollAll(small);
        for (long fsn = 1; fsn <= 3; fsn++) {
            assertThat(addTo(small, later(1 + fsn, 1, 1, false, fsn, false, ten))).isEqualTo(AddResult.ACCEPTED);
        }
        assertThat(addTo(small, later(5, 0, 0, false, 1, true, ten))).isEqualTo(AddResult.ACCEPTED);
        assertThat(small.chargedBytes()).isEqualTo(max + 10 + overhead);
        assertThat(small.chargedBytes() - small.firstReadyCharge()).isEqualTo(max);
        assertThat(addTo(small, whole(6, 2, 0, "y"))).isEqualTo(AddResult.REFUSED_BUFFER_FULL);
        assertThat(texts(pollAll(small))).containsExactly(ten);
        assertThat(addTo(small, whole(6, 2, 0, "y"))).isEqualTo(AddResult.ACCEPTED);
    }

    @Test
    void constructorArgumentsAreChecked() {
        assertThatThrownBy(() -> new IDataReassemblyQueue(0, BIG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IDataReassemblyQueue(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IDataReassemblyQueue(1, BIG, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
