package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class GapAckBlockTest {

    @Test
    void offsetsAreSixteenBitValues() {
        new GapAckBlock(0, 0xFFFF);
        assertThatThrownBy(() -> new GapAckBlock(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GapAckBlock(1, 0x10000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tsnsAreRelativeToTheCumulativeAckAndWrap() {
        GapAckBlock block = new GapAckBlock(2, 5);
        assertThat(block.firstTsn(new Tsn(-1))).isEqualTo(new Tsn(1));
        assertThat(block.lastTsn(new Tsn(-1))).isEqualTo(new Tsn(4));
    }

    @Test
    void wellFormedBlocksStartAfterTheCumulativeAckAndDoNotRunBackwards() {
        assertThat(new GapAckBlock(1, 1).isWellFormed()).isTrue();
        assertThat(new GapAckBlock(0, 3).isWellFormed()).isFalse();
        assertThat(new GapAckBlock(4, 3).isWellFormed()).isFalse();
    }
}
