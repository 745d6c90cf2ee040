package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.junit.jupiter.api.Test;

class MergedGapBlocksTest {

    private static final long CUM = 1_000;

    private final MergedGapBlocks blocks = new MergedGapBlocks();

    @Test
    void unsortedOverlappingAndAdjacentBlocksBecomeAscendingDisjointRanges() {
        boolean ok = blocks.merge(List.of(
                new GapAckBlock(20, 25),
                new GapAckBlock(2, 4),
                new GapAckBlock(3, 8),   // overlaps 2..4
                new GapAckBlock(9, 10),  // adjacent to 3..8
                new GapAckBlock(22, 23)), // inside 20..25
                CUM, CUM + 30);

        assertThat(ok).isTrue();
        assertThat(ranges()).containsExactly(CUM + 2, CUM + 10, CUM + 20, CUM + 25);
    }

    @Test
    void malformedBlocksAreSkippedAndTheRestKept() {
        boolean ok = blocks.merge(List.of(
                new GapAckBlock(0, 3),  // offset 0 is the cumulative ack itself
                new GapAckBlock(7, 5),  // start after end
                new GapAckBlock(4, 6)),
                CUM, CUM + 10);

        assertThat(ok).isTrue();
        assertThat(ranges()).containsExactly(CUM + 4, CUM + 6);
    }

    @Test
    void aBlockAboveTheHighestTsnSentFailsTheMergeAndLeavesNoRanges() {
        blocks.merge(List.of(new GapAckBlock(2, 3)), CUM, CUM + 10);

        boolean ok = blocks.merge(List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 11)), CUM, CUM + 10);

        assertThat(ok).isFalse();
        assertThat(blocks.count()).isZero();
    }

    @Test
    void noBlocksMeansNoRanges() {
        blocks.merge(List.of(new GapAckBlock(2, 3)), CUM, CUM + 10);

        assertThat(blocks.merge(List.of(), CUM, CUM + 10)).isTrue();
        assertThat(blocks.count()).isZero();
    }

    @Test
    void scratchGrownByAHugeSackShrinksBackToWhatIsKept() {
        List<GapAckBlock> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new GapAckBlock(2 + 2 * i, 2 + 2 * i)); // every other TSN: 300 ranges
        }
        assertThat(blocks.merge(many, CUM, CUM + 1_000)).isTrue();
        assertThat(blocks.count()).isEqualTo(300);
        assertThat(blocks.scratchLength()).isGreaterThanOrEqualTo(300);

        blocks.releaseOversized();

        assertThat(blocks.scratchLength()).isEqualTo(MergedGapBlocks.KEPT);
        assertThat(blocks.count()).isZero();
    }

    private List<Long> ranges() {
        List<Long> bounds = new ArrayList<>();
        for (int i = 0; i < blocks.count(); i++) {
            bounds.add(blocks.start(i));
            bounds.add(blocks.end(i));
        }
        return bounds;
    }
}
