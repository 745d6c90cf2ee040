package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class OutstandingDataTest {

    private static final long MS = 1_000_000L;
    private static final int WINDOW = 65_536;
    /** 100 payload bytes: a DATA chunk of 16 + 100 = 116 encoded bytes. */
    private static final int SIZE = 100;
    private static final int CHUNK_BYTES = 116;

    private OutstandingData od;
    private final List<Object> messages = new ArrayList<>();

    private static DataChunk data(int tsn, int bytes, boolean beginning, boolean ending) {
        return new DataChunk(false, false, beginning, ending, new Tsn(tsn), 1, new Ssn(0), 0, Bytes.wrap(new byte[bytes]));
    }

    private void start(int initialTsn) {
        od = new OutstandingData(new Tsn(initialTsn), 1000, 4);
        messages.clear();
        od.checkInvariants();
    }

    /** Sends {@code n} single-chunk messages of SIZE bytes at {@code now} on path 0. */
    private void send(int n, long now) {
        send(n, now, 0);
    }

    private void send(int n, long now, int path) {
        for (int i = 0; i < n; i++) {
            Tsn tsn = od.nextTsn();
            Object message = "m" + tsn;
            messages.add(message);
            assertThat(od.add(tsn, data(tsn.value(), SIZE, true, true), SIZE, now, message, path))
                    .isEqualTo(OutstandingData.AddResult.ADDED);
            od.checkInvariants();
        }
    }

    private SackResult sack(int cum, int... blockOffsets) {
        return sack(cum, false, blockOffsets);
    }

    private SackResult sack(int cum, boolean inFastRecovery, int... blockOffsets) {
        List<GapAckBlock> blocks = new ArrayList<>();
        for (int i = 0; i < blockOffsets.length; i += 2) {
            blocks.add(new GapAckBlock(blockOffsets[i], blockOffsets[i + 1]));
        }
        SackResult r = od.handleSack(new SackChunk(new Tsn(cum), WINDOW, blocks, List.of()), 10 * MS, inFastRecovery);
        od.checkInvariants();
        return r;
    }

    private List<Integer> tsns(List<RetransmitItem> items) {
        List<Integer> out = new ArrayList<>();
        for (RetransmitItem item : items) {
            out.add(item.tsn().value());
        }
        return out;
    }

    // ------------------------------------------------------------ adding

    @Test
    void beforeAnythingIsSentTheCumulativeAckIsOneBelowTheInitialTsn() {
        start(100);
        assertThat(od.cumulativeTsnAcked()).isEqualTo(new Tsn(99));
        assertThat(od.highestTsnSent()).isEqualTo(new Tsn(99));
        assertThat(od.nextTsn()).isEqualTo(new Tsn(100));
        assertThat(od.isEmpty()).isTrue();
        assertThat(od.bytesInFlight()).isZero();
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void sentChunksAreInFlightUntilAcked() {
        start(1);
        send(3, 0);
        assertThat(od.outstandingChunks()).isEqualTo(3);
        assertThat(od.bytesInFlight()).isEqualTo(3 * SIZE);
        assertThat(od.highestTsnSent()).isEqualTo(new Tsn(3));
        assertThat(od.isEmpty()).isFalse();
    }

    @Test
    void tsnsMustBeAddedInSequenceAndMatchTheChunk() {
        start(1);
        assertThatThrownBy(() -> od.add(new Tsn(2), data(2, SIZE, true, true), SIZE, 0, "m", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1");
        assertThatThrownBy(() -> od.add(new Tsn(1), data(7, SIZE, true, true), SIZE, 0, "m", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries TSN 7");
        Chunk notData = SackChunk.of(new Tsn(1), WINDOW);
        assertThatThrownBy(() -> od.add(new Tsn(1), notData, SIZE, 0, "m", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> od.add(new Tsn(1), data(1, SIZE, true, true), SIZE, 0, "m", 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> od.add(new Tsn(1), data(1, SIZE, true, true), -1, 0, "m", 0))
                .isInstanceOf(IllegalArgumentException.class);
        od.checkInvariants();
        assertThat(od.isEmpty()).isTrue();
    }

    @Test
    void iDataChunksAreAcceptedToo() {
        start(5);
        IDataChunk chunk = IDataChunk.firstFragment(false, false, true, new Tsn(5), 0, new Mid(0), 0,
                Bytes.wrap(new byte[10]));
        assertThat(od.add(new Tsn(5), chunk, 10, 0, "m", 0)).isEqualTo(OutstandingData.AddResult.ADDED);
        assertThat(sack(5).ackedMessages()).containsExactly("m");
        assertThat(od.isEmpty()).isTrue();
    }

    @Test
    void addingBeyondTheBoundIsRefusedWithoutRecording() {
        od = new OutstandingData(new Tsn(1), 2, 1);
        od.add(new Tsn(1), data(1, SIZE, true, true), SIZE, 0, "a", 0);
        od.add(new Tsn(2), data(2, SIZE, true, true), SIZE, 0, "b", 0);
        assertThat(od.hasRoom()).isFalse();
        assertThat(od.add(new Tsn(3), data(3, SIZE, true, true), SIZE, 0, "c", 0))
                .isEqualTo(OutstandingData.AddResult.FULL);
        assertThat(od.outstandingChunks()).isEqualTo(2);
        assertThat(od.nextTsn()).isEqualTo(new Tsn(3));
        od.checkInvariants();
        od.handleSack(SackChunk.of(new Tsn(1), WINDOW), 0);
        assertThat(od.add(new Tsn(3), data(3, SIZE, true, true), SIZE, 0, "c", 0))
                .isEqualTo(OutstandingData.AddResult.ADDED);
        od.checkInvariants();
    }

    @Test
    void theRingGrowsAndWrapsWithoutLosingOrder() {
        start(1);
        for (int round = 0; round < 50; round++) {
            send(7, 0);
            Tsn cum = od.cumulativeTsnAcked().plus(5);
            sack(cum.value());
        }
        assertThat(od.outstandingChunks()).isEqualTo(100);
        assertThat(sack(od.highestTsnSent().value()).newlyAckedBytes()).isEqualTo(100L * SIZE);
        assertThat(od.isEmpty()).isTrue();
    }

    // ------------------------------------------------------------ cumulative ack, stale, violation

    @Test
    void theCumulativeAckRemovesEverythingUpToItAndReportsTheBytes() {
        start(1);
        send(4, 0);
        SackResult r = sack(2);
        assertThat(r.isAccepted()).isTrue();
        assertThat(r.cumulativeAckAdvanced()).isTrue();
        assertThat(r.newlyAckedBytes()).isEqualTo(2 * SIZE);
        assertThat(r.peerReceiverWindow()).isEqualTo(WINDOW);
        assertThat(r.ackedMessages()).containsExactly("m1", "m2");
        assertThat(od.cumulativeTsnAcked()).isEqualTo(new Tsn(2));
        assertThat(od.outstandingChunks()).isEqualTo(2);
        assertThat(od.bytesInFlight()).isEqualTo(2 * SIZE);
    }

    @Test
    void aSackBehindTheCumulativeAckPointIsStaleAndChangesNothing() {
        start(1);
        send(4, 0);
        sack(2, 2, 2);
        SackResult r = sack(1);
        assertThat(r.outcome()).isEqualTo(SackResult.Outcome.STALE);
        assertThat(r.isStale()).isTrue();
        assertThat(r.newlyAckedBytes()).isZero();
        assertThat(r.renegedChunks()).isZero(); // TSN 4 stays gap-acked: the stale SACK is ignored
        assertThat(od.cumulativeTsnAcked()).isEqualTo(new Tsn(2));
        assertThat(od.bytesInFlight()).isEqualTo(SIZE);
    }

    @Test
    void aDuplicateSackAcksNothingNewAndCountsNoMisses() {
        start(1);
        send(5, 0);
        sack(1, 2, 2); // 3 acked by gap; 2 missed once
        for (int i = 0; i < 5; i++) {
            SackResult r = sack(1, 2, 2);
            assertThat(r.isAccepted()).isTrue();
            assertThat(r.cumulativeAckAdvanced()).isFalse();
            assertThat(r.newlyAckedBytes()).isZero();
            assertThat(r.fastRetransmitNeeded()).isFalse();
            assertThat(r.hasRttSample()).isFalse();
        }
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void aCumulativeAckBeyondTheHighestTsnSentIsAProtocolViolation() {
        start(1);
        send(3, 0);
        SackResult r = sack(4);
        assertThat(r.outcome()).isEqualTo(SackResult.Outcome.PROTOCOL_VIOLATION);
        assertThat(r.isProtocolViolation()).isTrue();
        assertThat(od.outstandingChunks()).isEqualTo(3);
        assertThat(od.bytesInFlight()).isEqualTo(3 * SIZE);
        assertThat(sack(-5).isStale() || sack(-5).isProtocolViolation()).isTrue();
        assertThat(od.outstandingChunks()).isEqualTo(3);
    }

    @Test
    void aGapBlockBeyondTheHighestTsnSentIsAProtocolViolationAndChangesNothing() {
        start(1);
        send(5, 0);
        SackResult r = sack(1, 2, 2, 4, 5); // TSN 6 was never sent
        assertThat(r.isProtocolViolation()).isTrue();
        assertThat(od.cumulativeTsnAcked()).isEqualTo(new Tsn(0));
        assertThat(od.bytesInFlight()).isEqualTo(5 * SIZE);
        assertThat(sack(1, 2, 4).isAccepted()).isTrue();
        assertThat(od.bytesInFlight()).isEqualTo(SIZE);
    }

    @Test
    void anySackBeforeDataIsSentOnlyAcceptsTheCurrentPoint() {
        start(10);
        assertThat(sack(9).isAccepted()).isTrue();
        assertThat(sack(10).isProtocolViolation()).isTrue();
        assertThat(sack(9, 1, 1).isProtocolViolation()).isTrue();
    }

    // ------------------------------------------------------------ gap acks and renege

    @Test
    void gapAckedChunksLeaveTheFlightButStayHeld() {
        start(1);
        send(5, 0);
        SackResult r = sack(1, 2, 3); // acks 1, and 3..4 by gap
        assertThat(r.newlyAckedBytes()).isEqualTo(3 * SIZE);
        assertThat(r.ackedMessages()).containsExactly("m1"); // gap acks complete no message
        assertThat(od.outstandingChunks()).isEqualTo(4);
        assertThat(od.bytesInFlight()).isEqualTo(2 * SIZE); // 2 and 5
        // when the cumulative ack covers them later, they are not newly acked again
        SackResult later = sack(5);
        assertThat(later.newlyAckedBytes()).isEqualTo(2 * SIZE);
        assertThat(later.ackedMessages()).containsExactly("m2", "m3", "m4", "m5");
        assertThat(od.isEmpty()).isTrue();
    }

    @Test
    void aTsnGapAckedBeforeButNotNowIsRenegedAndBackInFlight() {
        start(1);
        send(6, 0);
        sack(1, 2, 2, 4, 4); // 3 and 5 gap-acked
        assertThat(od.bytesInFlight()).isEqualTo(3 * SIZE);
        SackResult r = sack(1, 2, 2); // 5 is no longer reported
        assertThat(r.renegedChunks()).isEqualTo(1);
        assertThat(r.paths().renegedChunks(0)).isEqualTo(1);
        assertThat(r.newlyAckedBytes()).isZero();
        assertThat(od.bytesInFlight()).isEqualTo(4 * SIZE);
        // a reneged TSN acked again counts as newly acked
        SackResult again = sack(1, 2, 2, 4, 4);
        assertThat(again.newlyAckedBytes()).isEqualTo(SIZE);
    }

    @Test
    void aSackWithoutGapBlocksRenegesEveryGapAckedTsn() {
        start(1);
        send(6, 0);
        sack(1, 2, 3, 5, 5);
        SackResult r = sack(1);
        assertThat(r.renegedChunks()).isEqualTo(3);
        assertThat(od.bytesInFlight()).isEqualTo(5 * SIZE);
    }

    @Test
    void renegingCountsOneMissIndication() {
        start(1);
        send(6, 0);
        sack(0, 2, 2);             // 2 gap-acked; 1 missed (1)
        sack(0, 2, 3);             // 3 newly gap-acked; 1 missed (2)
        SackResult r = sack(0, 3, 3); // 2 reneged (miss 1), 1 missed (3) -> fast retransmit 1
        assertThat(r.renegedChunks()).isEqualTo(1);
        assertThat(r.fastRetransmitNeeded()).isFalse(); // nothing newly acked: HTNA counts no miss for 1
        sack(0, 3, 4);             // 4 newly acked: misses for 1 (3) and 2 (2)
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(1);
        SackResult s = sack(0, 3, 5); // 5 newly acked: 2 gets its third miss
        assertThat(s.fastRetransmitNeeded()).isTrue();
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
    }

    // ------------------------------------------------------------ fast retransmit

    @Test
    void theThirdMissIndicationMarksATsnForFastRetransmitExactlyOnce() {
        start(1);
        send(6, 0);
        assertThat(sack(1, 2, 2).fastRetransmitNeeded()).isFalse(); // 2 missed once
        assertThat(sack(1, 2, 3).fastRetransmitNeeded()).isFalse(); // twice
        SackResult third = sack(1, 2, 4);
        assertThat(third.fastRetransmitNeeded()).isTrue();
        assertThat(od.hasFastRetransmissionsPending()).isTrue();
        assertThat(od.bytesInFlight()).isEqualTo(SIZE); // 6 only: 2 left the flight when marked
        assertThat(sack(1, 2, 5).fastRetransmitNeeded()).isFalse(); // already marked
        List<RetransmitItem> items = od.takeRetransmissions(10_000, true);
        assertThat(tsns(items)).containsExactly(2);
        assertThat(items.get(0).fastRetransmit()).isTrue();
        assertThat(items.get(0).transmissions()).isEqualTo(2);
        od.checkInvariants();
        assertThat(od.bytesInFlight()).isEqualTo(SIZE);
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void missIndicationsCountOnlyBelowTheHighestTsnNewlyAcked() {
        start(1);
        send(8, 0);
        sack(1, 3, 3);                 // 4 acked: 2 and 3 missed once
        sack(1, 3, 3, 5, 5);           // 6 newly acked: 2, 3, 5 missed
        SackResult r = sack(1, 3, 3, 5, 5); // same again: no new ack, no miss
        assertThat(r.fastRetransmitNeeded()).isFalse();
        SackResult s = sack(1, 3, 3, 5, 6); // 7 newly acked: 2, 3 at three, 5 at two
        assertThat(s.fastRetransmitNeeded()).isTrue();
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2, 3);
        // 8 lies above every ack: never a miss
        sack(1, 3, 3, 5, 6);
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void inFastRecoveryASackAdvancingTheCumulativeAckCountsEveryReportedMissingTsn() {
        start(1);
        send(8, 0);
        sack(0, 3, 5);                // 3..5 acked: 1, 2 missed once
        sack(0, 3, 5);                // duplicate: no miss (HTNA)
        sack(0, 3, 6);                // 6 newly acked: 1, 2 twice
        // Fast recovery: the cum ack advances to 1 and nothing above 6 is newly acked, yet 2 is
        // reported missing and gets its third miss.
        SackResult r = sack(1, true, 2, 5);
        assertThat(r.fastRetransmitNeeded()).isTrue();
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
        // without Fast Recovery the same SACK would not have counted: shown on a fresh queue
        start(1);
        send(8, 0);
        sack(0, 3, 5);
        sack(0, 3, 6);
        assertThat(sack(1, false, 2, 5).fastRetransmitNeeded()).isFalse();
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void aFastRetransmittedTsnIsNotFastRetransmittedAgainUntilT3RetransmitsIt() {
        start(1);
        send(10, 0);
        sack(1, 2, 2);
        sack(1, 2, 3);
        sack(1, 2, 4);
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
        sack(1, 2, 5);
        sack(1, 2, 6);
        SackResult r = sack(1, 2, 7); // third miss after the fast retransmission
        assertThat(r.fastRetransmitNeeded()).isFalse();
        assertThat(od.hasRetransmissionsPending()).isFalse();
        // T3 retransmits it: eligible again
        od.markAllForRetransmission();
        assertThat(tsns(od.takeRetransmissions(100_000, false))).containsExactly(2, 9, 10);
        sack(1, 2, 7, 9, 9);   // 10 newly acked: 2 missed once
        sack(1, 2, 7, 9, 9);   // duplicate: no miss
        sack(1, 2, 8);         // 9 newly acked, 10 reneged: 2 missed twice
        SackResult s = sack(1, 2, 7, 9, 9); // 10 newly acked again, 9 reneged: third miss for 2
        assertThat(s.fastRetransmitNeeded()).isTrue();
        assertThat(s.renegedChunks()).isEqualTo(1);
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
    }

    @Test
    void withLostRetransmissionDetectionALostFastRetransmissionIsMarkedAgainByAcksOfLaterData() {
        start(1);
        od.setLostRetransmissionDetection(true);
        send(10, 0);
        sack(1, 2, 2);
        sack(1, 2, 3);
        sack(1, 2, 4);
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2); // sent again when 10 was the highest
        // Acknowledgements of TSNs sent before the retransmission say nothing about it.
        sack(1, 2, 5);
        sack(1, 2, 6);
        sack(1, 2, 9);
        assertThat(od.hasRetransmissionsPending()).isFalse();
        // Data sent after it arrives while it is still missing: the retransmission was lost too.
        send(3, 0);
        assertThat(sack(1, 2, 10).fastRetransmitNeeded()).isFalse();
        assertThat(sack(1, 2, 11).fastRetransmitNeeded()).isFalse();
        SackResult third = sack(1, 2, 12);
        assertThat(third.fastRetransmitNeeded()).isTrue();
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
        assertThat(sack(13).cumulativeAckAdvanced()).isTrue();
        assertThat(od.isEmpty()).isTrue();
    }

    @Test
    void fastRetransmitMarksThatDidNotFitStayMarkedAndIneligible() {
        start(1);
        send(8, 0);
        sack(0, 3, 3);
        sack(0, 3, 4);
        sack(0, 3, 5); // 1 and 2 at three misses
        List<RetransmitItem> first = od.takeRetransmissions(CHUNK_BYTES, true);
        assertThat(tsns(first)).containsExactly(1);
        assertThat(od.hasFastRetransmissionsPending()).isTrue();
        sack(0, 3, 6);
        sack(0, 3, 7);
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(2);
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void aMarkedChunkAckedBeforeItsRetransmissionIsNoLongerPending() {
        start(1);
        send(6, 0);
        sack(1, 2, 2);
        sack(1, 2, 3);
        sack(1, 2, 4); // 2 marked
        SackResult r = sack(1, 1, 4); // the original 2 arrived late
        assertThat(r.newlyAckedBytes()).isEqualTo(SIZE);
        assertThat(od.hasRetransmissionsPending()).isFalse();
        assertThat(od.takeRetransmissions(10_000, false)).isEmpty();
        od.markAllForRetransmission();
        assertThat(sack(6).newlyAckedBytes()).isEqualTo(SIZE); // 6, pending by T3, acked
        assertThat(od.hasRetransmissionsPending()).isFalse();
        assertThat(od.isEmpty()).isTrue();
    }

    // ------------------------------------------------------------ T3 and retransmission order

    @Test
    void t3MarksEveryChunkInFlightButNotGapAckedOrAbandonedOnes() {
        start(1);
        send(6, 0);
        sack(1, 2, 2);  // 3 gap-acked
        od.abandon(m -> m.equals("m5"));
        int marked = od.markAllForRetransmission();
        od.checkInvariants();
        assertThat(marked).isEqualTo(3); // 2, 4, 6
        assertThat(od.bytesInFlight()).isZero();
        assertThat(od.hasRetransmissionsPending()).isTrue();
        assertThat(od.markAllForRetransmission()).isZero();
        assertThat(tsns(od.takeRetransmissions(100_000, false))).containsExactly(2, 4, 6);
        assertThat(od.bytesInFlight()).isEqualTo(3 * SIZE);
        assertThat(od.hasRetransmissionsPending()).isFalse();
    }

    @Test
    void retransmissionsRespectTheByteLimitButAlwaysTakeOneChunk() {
        start(1);
        send(5, 0);
        od.markAllForRetransmission();
        assertThat(od.takeRetransmissions(0, false)).isEmpty();
        assertThat(tsns(od.takeRetransmissions(10, false))).containsExactly(1); // too small, yet one
        assertThat(tsns(od.takeRetransmissions(2 * CHUNK_BYTES + 10, false))).containsExactly(2, 3);
        assertThat(tsns(od.takeRetransmissions(3 * CHUNK_BYTES, false))).containsExactly(4, 5);
        assertThat(od.takeRetransmissions(100_000, false)).isEmpty();
        od.checkInvariants();
    }

    @Test
    void fastRetransmissionsGoFirstAndFastOnlyLeavesT3MarksAlone() {
        start(1);
        send(8, 0, 0);
        sack(0, 3, 3);
        sack(0, 3, 4);
        sack(0, 3, 5); // 1, 2 fast-marked; 6..8 in flight
        od.markForRetransmission(1); // path 1 has nothing: no change
        assertThat(od.hasFastRetransmissionsPending()).isTrue();
        send(2, 0, 1); // 9, 10 on path 1
        assertThat(od.markForRetransmission(1)).isEqualTo(2);
        assertThat(tsns(od.takeRetransmissions(100_000, true))).containsExactly(1, 2);
        assertThat(od.hasRetransmissionsPending()).isTrue();
        assertThat(tsns(od.takeRetransmissions(100_000, false))).containsExactly(9, 10);
        od.checkInvariants();
    }

    @Test
    void t3ConvertsPendingFastRetransmissionsAndOrdersEverythingByTsn() {
        start(1);
        send(6, 0);
        sack(0, 2, 2);
        sack(0, 2, 3);
        sack(0, 2, 4); // 1 fast-marked
        od.markAllForRetransmission();
        assertThat(od.hasFastRetransmissionsPending()).isFalse();
        List<RetransmitItem> items = od.takeRetransmissions(100_000, false);
        assertThat(tsns(items)).containsExactly(1, 5, 6); // 2..4 are gap-acked
        assertThat(items.get(0).fastRetransmit()).isFalse();
    }

    @Test
    void retransmissionsMoveTheirBytesToTheNewPath() {
        start(1);
        send(2, 0, 0);
        od.markAllForRetransmission();
        assertThat(od.bytesInFlight(0)).isZero();
        List<RetransmitItem> items = od.takeRetransmissions(100_000, false, 2);
        assertThat(items).extracting(RetransmitItem::pathId).containsExactly(2, 2);
        assertThat(od.bytesInFlight(2)).isEqualTo(2 * SIZE);
        assertThat(od.bytesInFlight(0)).isZero();
        SackResult r = sack(2);
        assertThat(r.paths().newlyAckedBytes(2)).isEqualTo(2 * SIZE);
        assertThat(r.paths().newlyAckedBytes(0)).isZero();
        assertThat(r.paths().newlyAckedBytes(99)).isZero();
        assertThatThrownBy(() -> od.takeRetransmissions(1, false, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newlyAckedBytesAreReportedPerPath() {
        start(1);
        send(2, 0, 0);
        send(3, 0, 1);
        send(1, 0, 3);
        assertThat(od.bytesInFlight(1)).isEqualTo(3 * SIZE);
        SackResult r = sack(3, 2, 3); // 1..3 cum, 5..6 gap
        assertThat(r.paths().pathCount()).isEqualTo(4);
        assertThat(r.paths().newlyAckedBytes(0)).isEqualTo(2 * SIZE);
        assertThat(r.paths().newlyAckedBytes(1)).isEqualTo(2 * SIZE);
        assertThat(r.paths().newlyAckedBytes(3)).isEqualTo(SIZE);
        assertThat(r.newlyAckedBytes()).isEqualTo(5 * SIZE);
        assertThat(od.bytesInFlight(1)).isEqualTo(SIZE);
        assertThat(od.bytesInFlight(3)).isZero();
    }

    // ------------------------------------------------------------ RTT (Karn)

    @Test
    void theRttSampleComesFromTheNewestChunkSentOnceAndNewlyAcked() {
        start(1);
        send(1, 1 * MS);
        send(1, 3 * MS);
        send(1, 4 * MS);
        SackResult r = od.handleSack(SackChunk.of(new Tsn(2), WINDOW), 10 * MS);
        assertThat(r.rttSampleNanos()).isEqualTo(7 * MS); // TSN 2, sent at 3 ms
        SackResult dup = od.handleSack(SackChunk.of(new Tsn(2), WINDOW), 20 * MS);
        assertThat(dup.hasRttSample()).isFalse();
    }

    @Test
    void aGapAckGivesAnRttSampleToo() {
        start(1);
        send(1, 1 * MS);
        send(1, 2 * MS);
        SackResult r = sack(0, 2, 2); // at 10 ms
        assertThat(r.rttSampleNanos()).isEqualTo(8 * MS);
    }

    @Test
    void retransmittedChunksNeverGiveAnRttSample() {
        start(1);
        send(2, 1 * MS);
        od.markAllForRetransmission();
        od.takeRetransmissions(100_000, false);
        SackResult r = sack(2);
        assertThat(r.newlyAckedBytes()).isEqualTo(2 * SIZE);
        assertThat(r.hasRttSample()).isFalse();
        assertThat(r.rttSampleNanos()).isEqualTo(-1);
    }

    @Test
    void karnsRuleSkipsANewerRetransmittedChunkForAnOlderOneSentOnce() {
        start(1);
        send(1, 1 * MS, 0);
        send(1, 2 * MS, 1);
        od.markForRetransmission(1);
        assertThat(tsns(od.takeRetransmissions(100_000, false))).containsExactly(2);
        SackResult r = sack(2); // at 10 ms
        assertThat(r.rttSampleNanos()).isEqualTo(9 * MS); // TSN 1, not the retransmitted TSN 2
    }

    @Test
    void aClockGoingBackwardsGivesNoSample() {
        start(1);
        send(1, 50 * MS);
        assertThat(sack(1).hasRttSample()).isFalse(); // "now" is 10 ms
    }

    // ------------------------------------------------------------ malformed and absurd SACKs

    @Test
    void malformedGapBlocksAreIgnoredNotFatal() {
        start(1);
        send(6, 0);
        // 0..0 (start 0), 5..3 (start after end), and 60000..1 (absurd and reversed): all ignored
        SackResult r = sack(1, 0, 0, 5, 3, 60_000, 1, 3, 3);
        assertThat(r.isAccepted()).isTrue();
        assertThat(r.newlyAckedBytes()).isEqualTo(2 * SIZE); // 1 and 4
        assertThat(od.bytesInFlight()).isEqualTo(4 * SIZE);
    }

    @Test
    void unorderedAndOverlappingBlocksAreMerged() {
        start(1);
        send(10, 0);
        SackResult r = sack(1, 6, 7, 2, 3, 3, 4, 2, 2, 6, 6);
        assertThat(r.newlyAckedBytes()).isEqualTo(6 * SIZE); // 1, 3..5, 7..8
        assertThat(od.bytesInFlight()).isEqualTo(4 * SIZE); // 2, 6, 9, 10
        assertThat(sack(1, 2, 4, 6, 7).renegedChunks()).isZero();
    }

    @Test
    void thousandsOfAbsurdBlocksAreHandledInOnePass() {
        start(1);
        send(200, 0);
        int[] offsets = new int[2 * 16_000];
        for (int i = 0; i < 16_000; i++) {
            offsets[2 * i] = 1 + (i * 7919) % 150;
            offsets[2 * i + 1] = offsets[2 * i] + (i % 50);
        }
        SackResult r = sack(0, offsets);
        assertThat(r.isAccepted()).isTrue();
        assertThat(od.bytesInFlight() + r.newlyAckedBytes()).isEqualTo(200L * SIZE);
        // the same with one block beyond the highest TSN: a violation, nothing changed
        offsets[offsets.length - 1] = 201;
        offsets[offsets.length - 2] = 201;
        long before = od.bytesInFlight();
        assertThat(sack(0, offsets).isProtocolViolation()).isTrue();
        assertThat(od.bytesInFlight()).isEqualTo(before);
    }

    // ------------------------------------------------------------ the TSN wrap

    @Test
    void everythingWorksAcrossTheTsnWrap() {
        start(-3); // 4294967293
        send(6, 0); // 4294967293 .. 2
        assertThat(od.highestTsnSent()).isEqualTo(new Tsn(2));
        SackResult r = sack(-2, 2, 3); // cum 4294967294, gap 0..1; 4294967295 missed once
        assertThat(r.newlyAckedBytes()).isEqualTo(4 * SIZE);
        assertThat(od.bytesInFlight()).isEqualTo(2 * SIZE); // 4294967295 and 2
        assertThat(sack(-2, 2, 5).isProtocolViolation()).isTrue(); // TSN 3 not sent yet
        assertThat(sack(-3).isStale()).isTrue();
        assertThat(od.bytesInFlight()).isEqualTo(2 * SIZE);
        assertThat(sack(-2, 2, 4).fastRetransmitNeeded()).isFalse(); // 2 newly acked: second miss
        send(1, 0); // TSN 3
        SackResult third = sack(-2, 2, 5);
        assertThat(third.fastRetransmitNeeded()).isTrue();
        assertThat(tsns(od.takeRetransmissions(10_000, true))).containsExactly(-1);
        SackResult all = sack(3);
        assertThat(all.cumulativeAckAdvanced()).isTrue();
        assertThat(all.ackedMessages()).containsExactly("m4294967295", "m0", "m1", "m2", "m3");
        assertThat(od.isEmpty()).isTrue();
        assertThat(od.cumulativeTsnAcked()).isEqualTo(new Tsn(3));
        assertThat(od.advancedPeerAckPoint()).isEqualTo(new Tsn(3));
    }

    @Test
    void aSackFarAheadAcrossTheWrapIsAViolationNotAnAck() {
        start(-1);
        send(2, 0); // 4294967295, 0
        assertThat(sack(1).isProtocolViolation()).isTrue();
        assertThat(sack(0x7FFF_0000).isProtocolViolation() || sack(0x7FFF_0000).isStale()).isTrue();
        assertThat(sack(0).newlyAckedBytes()).isEqualTo(2 * SIZE);
    }

    // ------------------------------------------------------------ messages

    @Test
    void aMessageIsReportedOnceItsLastFragmentIsCumulativelyAcked() {
        start(1);
        Object big = "big";
        od.add(new Tsn(1), data(1, SIZE, true, false), SIZE, 0, big, 0);
        od.add(new Tsn(2), data(2, SIZE, false, false), SIZE, 0, big, 0);
        od.add(new Tsn(3), data(3, SIZE, false, true), SIZE, 0, big, 0);
        od.add(new Tsn(4), data(4, SIZE, true, true), SIZE, 0, "small", 0);
        assertThat(sack(2).ackedMessages()).isEmpty();
        assertThat(sack(2, 2, 2).ackedMessages()).isEmpty(); // last fragment only gap-acked
        assertThat(sack(4).ackedMessages()).containsExactly(big, "small");
    }

    // ------------------------------------------------------------ PR-SCTP

    @Test
    void abandonedChunksLeaveTheFlightAndAreNeverRetransmitted() {
        start(1);
        Object doomed = "doomed";
        od.add(new Tsn(1), data(1, SIZE, true, false), SIZE, 0, doomed, 0);
        od.add(new Tsn(2), data(2, SIZE, false, true), SIZE, 0, doomed, 0);
        send(1, 0); // TSN 3, "m3"
        int[] asked = {0};
        List<Object> abandoned = od.abandon(m -> {
            asked[0]++;
            return m == doomed;
        });
        od.checkInvariants();
        assertThat(abandoned).containsExactly(doomed);
        assertThat(asked[0]).isEqualTo(2); // once per distinct message
        assertThat(od.bytesInFlight()).isEqualTo(SIZE);
        assertThat(od.advancedPeerAckPoint()).isEqualTo(new Tsn(2));
        assertThat(od.abandon(m -> true)).containsExactly("m3"); // doomed is not asked again
        od.markAllForRetransmission();
        assertThat(od.takeRetransmissions(100_000, false)).isEmpty();
        assertThat(od.advancedPeerAckPoint()).isEqualTo(new Tsn(3));
        // the peer follows the FORWARD TSN; the abandoned messages are not reported as acked
        SackResult r = sack(3);
        assertThat(r.ackedMessages()).isEmpty();
        assertThat(r.newlyAckedBytes()).isZero();
        assertThat(od.isEmpty()).isTrue();
    }

    @Test
    void theAdvancedPeerAckPointStopsAtTheFirstChunkNotAbandoned() {
        start(1);
        send(5, 0);
        sack(0, 2, 2); // TSN 2 gap-acked
        od.abandon(m -> m.equals("m1") || m.equals("m3") || m.equals("m4"));
        assertThat(od.advancedPeerAckPoint()).isEqualTo(new Tsn(1)); // 2 is only gap-acked
        od.abandon(m -> m.equals("m2"));
        assertThat(od.advancedPeerAckPoint()).isEqualTo(new Tsn(4));
        assertThat(od.bytesInFlight()).isEqualTo(SIZE); // 5
        // abandoned chunks ignore gap acks and reneges
        SackResult r = sack(0, 1, 4);
        assertThat(r.newlyAckedBytes()).isZero();
        assertThat(sack(0).renegedChunks()).isZero();
    }

    @Test
    void abandoningAMarkedChunkCancelsItsRetransmission() {
        start(1);
        send(3, 0);
        od.markAllForRetransmission();
        od.abandon(m -> m.equals("m2"));
        od.checkInvariants();
        assertThat(tsns(od.takeRetransmissions(100_000, false))).containsExactly(1, 3);
    }
}
