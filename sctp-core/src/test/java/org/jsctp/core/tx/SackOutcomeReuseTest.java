package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The sender's SACK path reuses one {@link SackOutcome} per {@link OutstandingData} (issue 6);
 * {@link OutstandingData#handleSack} hands out copies that stay true after later SACKs.
 */
class SackOutcomeReuseTest {

    private static final long MS = 1_000_000L;
    private static final int SIZE = 100;

    private final OutstandingData od = new OutstandingData(new Tsn(10), 100, 2);

    private void send(int n, int path) {
        for (int i = 0; i < n; i++) {
            int tsn = od.nextTsnValue();
            DataChunk chunk = new DataChunk(false, false, true, true, tsn, 0, 0, 0, Bytes.wrap(new byte[SIZE]));
            assertThat(od.add(tsn, chunk, SIZE, 0, "m" + tsn, path)).isEqualTo(OutstandingData.AddResult.ADDED);
        }
    }

    private static SackChunk sack(int cum, GapAckBlock... blocks) {
        return new SackChunk(new Tsn(cum), 50_000, List.of(blocks), List.of());
    }

    @Test
    void everySackRefillsTheSameOutcomeFromZero() {
        send(4, 1);
        SackOutcome first = od.applySack(sack(11, new GapAckBlock(2, 2)), List.of(), 5 * MS, false);
        assertThat(first.isAccepted()).isTrue();
        assertThat(first.newlyAckedBytes()).isEqualTo(3 * SIZE);
        assertThat(first.paths().newlyAckedBytes(1)).isEqualTo(3 * SIZE);
        assertThat(first.ackedMessages()).containsExactly("m10", "m11");
        assertThat(first.hasRttSample()).isTrue();
        assertThat(first.paths().rttSamplePathId()).isEqualTo(1);

        // A stale SACK: the same object, every figure back to nothing.
        SackOutcome stale = od.applySack(sack(10), List.of(), 6 * MS, false);
        assertThat(stale).isSameAs(first);
        assertThat(stale.isStale()).isTrue();
        assertThat(stale.newlyAckedBytes()).isZero();
        assertThat(stale.paths().newlyAckedBytes(1)).isZero();
        assertThat(stale.ackedMessages()).isEmpty();
        assertThat(stale.hasRttSample()).isFalse();
        assertThat(stale.paths().rttSamplePathId()).isEqualTo(-1);

        // The gap-acked chunk is reneged by a SACK without the block (RFC 9260 section 6.2.1 (D)(iii)).
        SackOutcome reneging = od.applySack(sack(11), List.of(), 7 * MS, false);
        assertThat(reneging.renegedChunks()).isEqualTo(1);
        assertThat(reneging.paths().renegedChunks(1)).isEqualTo(1);
        assertThat(reneging.newlyAckedBytes()).isZero();
        assertThat(reneging.cumulativeAckAdvanced()).isFalse();
    }

    @Test
    void aKeptResultIsACopyThatLaterSacksDoNotChange() {
        send(4, 0);
        SackResult kept = od.handleSack(sack(11), List.of(), 5 * MS, false);
        od.handleSack(sack(13), List.of(), 6 * MS, false);
        assertThat(kept.newlyAckedBytes()).isEqualTo(2 * SIZE);
        assertThat(kept.paths().newlyAckedBytes(0)).isEqualTo(2 * SIZE);
        assertThat(kept.ackedMessages()).containsExactly("m10", "m11");
        assertThat(kept.cumulativeAckAdvanced()).isTrue();
    }

    @Test
    void theOutcomeLetsGoOfTheUsersMessagesWhenAskedTo() {
        send(2, 0);
        SackOutcome o = od.applySack(sack(11), List.of(), 5 * MS, false);
        assertThat(o.ackedMessages()).hasSize(2);
        o.forgetAckedMessages();
        assertThat(o.ackedMessages()).isEmpty();
        assertThat(o.newlyAckedBytes()).as("the figures stay").isEqualTo(2 * SIZE);
    }

    @Test
    void moreMessagesThanTheListKeepsAreAllReported() {
        send(100, 0);
        SackOutcome o = od.applySack(sack(109), List.of(), 5 * MS, false);
        assertThat(o.ackedMessages()).hasSize(100).startsWith("m10").endsWith("m109");
        o.forgetAckedMessages();
        send(1, 0);
        assertThat(od.applySack(sack(110), List.of(), 6 * MS, false).ackedMessages()).containsExactly("m110");
    }
}
