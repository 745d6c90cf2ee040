package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** The two directions of {@link NrSackRules} (draft-tuexen-tsvwg-sctp-multipath section 4.2). */
class NrSackRulesTest {

    private static final Tsn CUM = new Tsn(0xFFFF_FFF0);

    @Test
    void ourNrSackReportsEveryOutOfOrderTsnAsNonRenegableWithTheSackDuplicates() {
        SackChunk sack = new SackChunk(CUM, 5000, List.of(new GapAckBlock(2, 3), new GapAckBlock(7, 9)),
                List.of(new Tsn(5)));
        NrSackChunk nr = NrSackRules.toNrSack(sack);
        assertThat(nr.cumulativeTsnAck()).isEqualTo(CUM);
        assertThat(nr.advertisedReceiverWindowCredit()).isEqualTo(5000);
        assertThat(nr.gapAckBlocks()).isEmpty();
        assertThat(nr.nrGapAckBlocks()).containsExactlyElementsOf(sack.gapAckBlocks());
        assertThat(nr.duplicateTsns()).containsExactly(new Tsn(5));
        assertThat(nr.flags()).isZero();
        assertThat(nr.encodedLength() - sack.encodedLength())
                .isEqualTo(NrSackChunk.FIXED_VALUE_LENGTH - SackChunk.FIXED_VALUE_LENGTH);
    }

    @Test
    void aReceivedNrSackIsAppliedWithTheUnionOfBothKindsOfBlock() {
        NrSackChunk nr = new NrSackChunk(false, CUM, 7000, List.of(new GapAckBlock(2, 3)),
                List.of(new GapAckBlock(5, 6)), List.of());
        SackChunk sack = NrSackRules.asSack(nr);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(CUM);
        assertThat(sack.advertisedReceiverWindowCredit()).isEqualTo(7000);
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(2, 3), new GapAckBlock(5, 6));
        assertThat(NrSackRules.asSack(new NrSackChunk(false, CUM, 1, List.of(), List.of(new GapAckBlock(2, 2)),
                List.of())).gapAckBlocks()).containsExactly(new GapAckBlock(2, 2));
    }
}
