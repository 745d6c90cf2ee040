package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class DataTrackerTest {

    private static final int WINDOW = 100_000;

    private static DataTracker trackerFrom(int initialTsn) {
        return new DataTracker(new Tsn(initialTsn), 64, 16);
    }

    @Test
    void beforeAnyDataTheCumulativeAckIsOneBelowTheInitialTsn() {
        assertThat(trackerFrom(10).cumulativeTsnAck()).isEqualTo(new Tsn(9));
        assertThat(trackerFrom(0).cumulativeTsnAck()).isEqualTo(new Tsn(-1));
    }

    @Test
    void theLowestMissingTsnIsTheOneAfterTheCumulativeAck() {
        DataTracker t = trackerFrom(-1); // across the wrap
        assertThat(t.isNextAfterCumulativeAck(new Tsn(-1))).isTrue();
        t.observe(new Tsn(0));
        assertThat(t.isNextAfterCumulativeAck(new Tsn(-1))).isTrue();
        assertThat(t.isNextAfterCumulativeAck(new Tsn(1))).isFalse();
        t.observe(new Tsn(-1));
        assertThat(t.isNextAfterCumulativeAck(new Tsn(1))).isTrue();
    }

    @Test
    void inOrderDataAdvancesTheCumulativeAckAndDelaysTheSackUntilTheSecondPacket() {
        DataTracker t = trackerFrom(1);
        assertThat(t.observe(new Tsn(1))).isEqualTo(DataTracker.Observation.NEW);
        t.onDataPacketProcessed(false);
        assertThat(t.isSackDueNow()).isFalse();
        assertThat(t.isSackPending()).isTrue();
        t.observe(new Tsn(2));
        t.onDataPacketProcessed(false);
        assertThat(t.isSackDueNow()).isTrue();
        SackChunk sack = t.createSack(WINDOW, 16);
        assertThat(sack).isEqualTo(SackChunk.of(new Tsn(2), WINDOW));
        assertThat(t.isSackPending()).isFalse();
    }

    @Test
    void aGapIsReportedAtOnceWithItsBlock() {
        DataTracker t = trackerFrom(1);
        t.observe(new Tsn(1));
        t.observe(new Tsn(3));
        t.observe(new Tsn(4));
        t.observe(new Tsn(6));
        assertThat(t.isSackDueNow()).isTrue();
        SackChunk sack = t.createSack(WINDOW, 16);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(new Tsn(1));
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(2, 3), new GapAckBlock(5, 5));
    }

    @Test
    void fillingTheGapAdvancesOverTheHeldTsnsAndIsAcknowledgedAtOnce() {
        DataTracker t = trackerFrom(1);
        t.observe(new Tsn(1));
        t.observe(new Tsn(3));
        t.createSack(WINDOW, 16);
        t.observe(new Tsn(2));
        assertThat(t.cumulativeTsnAck()).isEqualTo(new Tsn(3));
        assertThat(t.hasGaps()).isFalse();
        assertThat(t.isSackDueNow()).isTrue();
    }

    @Test
    void duplicatesAreReportedOnceEachAndMakeTheSackDue() {
        DataTracker t = trackerFrom(1);
        t.observe(new Tsn(1));
        t.observe(new Tsn(3));
        t.createSack(WINDOW, 16);
        assertThat(t.observe(new Tsn(1))).isEqualTo(DataTracker.Observation.DUPLICATE);
        assertThat(t.observe(new Tsn(3))).isEqualTo(DataTracker.Observation.DUPLICATE);
        assertThat(t.isSackDueNow()).isTrue();
        assertThat(t.createSack(WINDOW, 16).duplicateTsns()).containsExactly(new Tsn(1), new Tsn(3));
        assertThat(t.createSack(WINDOW, 16).duplicateTsns()).isEmpty();
    }

    @Test
    void theDuplicateListIsBounded() {
        DataTracker t = new DataTracker(new Tsn(1), 64, 4);
        t.observe(new Tsn(1));
        for (int i = 0; i < 100; i++) {
            t.observe(new Tsn(1));
        }
        assertThat(t.createSack(WINDOW, 16).duplicateTsns()).hasSize(4);
    }

    @Test
    void trackingWorksAcrossTheTsnWrap() {
        DataTracker t = trackerFrom(-2); // 4294967294
        t.observe(new Tsn(-2));
        t.observe(new Tsn(0)); // skips 4294967295
        SackChunk sack = t.createSack(WINDOW, 16);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(new Tsn(-2));
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(2, 2));
        t.observe(new Tsn(-1));
        assertThat(t.cumulativeTsnAck()).isEqualTo(new Tsn(0));
    }

    @Test
    void tsnsBeyondWhatAGapBlockCanExpressAreRefused() {
        DataTracker t = trackerFrom(1);
        assertThat(t.observe(new Tsn(1 + 0x10000))).isEqualTo(DataTracker.Observation.REFUSED);
        assertThat(t.observe(new Tsn(0xFFFF))).isEqualTo(DataTracker.Observation.NEW);
        t.checkInvariants();
    }

    @Test
    void aPeerSendingEveryOtherTsnCannotGrowTheStateBeyondTheRangeBound() {
        DataTracker t = new DataTracker(new Tsn(1), 8, 16);
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            if (t.observe(new Tsn(2 + 2 * i)) == DataTracker.Observation.REFUSED) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(92);
        assertThat(t.createSack(WINDOW, 100).gapAckBlocks()).hasSize(8);
        t.checkInvariants();
    }

    @Test
    void theSackCarriesAtMostTheRequestedNumberOfBlocksNearestTheCumulativeAck() {
        DataTracker t = trackerFrom(1);
        for (int i = 0; i < 10; i++) {
            t.observe(new Tsn(3 + 2 * i));
        }
        SackChunk sack = t.createSack(WINDOW, 3);
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(3, 3), new GapAckBlock(5, 5),
                new GapAckBlock(7, 7));
    }

    @Test
    void theImmediateBitMakesTheSackDue() {
        DataTracker t = trackerFrom(1);
        t.observe(new Tsn(1));
        t.onDataPacketProcessed(true);
        assertThat(t.isSackDueNow()).isTrue();
    }

    @Test
    void forwardTsnMovesTheCumulativeAckAndDropsHeldTsnsBelowIt() {
        DataTracker t = trackerFrom(1);
        t.observe(new Tsn(1));
        t.observe(new Tsn(4));
        t.observe(new Tsn(7));
        assertThat(t.forwardTo(new Tsn(5))).isTrue();
        assertThat(t.cumulativeTsnAck()).isEqualTo(new Tsn(5));
        assertThat(t.createSack(WINDOW, 16).gapAckBlocks()).containsExactly(new GapAckBlock(2, 2));
        assertThat(t.forwardTo(new Tsn(3))).isFalse();
        assertThat(t.forwardTo(new Tsn(6))).isTrue();
        assertThat(t.cumulativeTsnAck()).isEqualTo(new Tsn(7));
        t.checkInvariants();
    }

    @Test
    void theIntOverloadsAgreeWithTheTypedOnesAcrossTheTsnWrap() {
        DataTracker typed = trackerFrom(-3);
        DataTracker bits = trackerFrom(-3);
        int[] arrivals = {-3, -1, 1, -2, -2, 0, 5, 70_000};
        for (int tsn : arrivals) {
            assertThat(bits.classify(tsn)).as("classify %d", tsn).isEqualTo(typed.classify(new Tsn(tsn)));
            assertThat(bits.isNextAfterCumulativeAck(tsn)).isEqualTo(typed.isNextAfterCumulativeAck(new Tsn(tsn)));
            assertThat(bits.isBeyondHighestReceived(tsn)).isEqualTo(typed.isBeyondHighestReceived(new Tsn(tsn)));
            assertThat(bits.unwrap(tsn)).isEqualTo(typed.unwrap(new Tsn(tsn)));
            assertThat(bits.observe(tsn)).as("observe %d", tsn).isEqualTo(typed.observe(new Tsn(tsn)));
            assertThat(bits.cumulativeTsnAckValue()).isEqualTo(typed.cumulativeTsnAck().value());
        }
        assertThat(bits.cumulativeTsnAckValue()).as("-3 .. 1 arrived, 2 did not").isEqualTo(1);
        SackChunk sack = bits.createSack(WINDOW, 16);
        assertThat(sack).isEqualTo(typed.createSack(WINDOW, 16));
        assertThat(sack.cumulativeTsnAckValue()).isEqualTo(1);
        assertThat(sack.duplicateTsns()).containsExactly(new Tsn(-2));
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(4, 4));
    }
}
