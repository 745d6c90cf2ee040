package org.jsctp.core.cc.coupled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The integer helpers of the coupled rules: exact where they fit, no division by zero, no overflow. */
class FractionsTest {

    @Test
    void ceilShareRoundsUpAndSharesNothingWithNobody() {
        assertThat(Fractions.ceilShare(1000, 1, 3)).isEqualTo(334);
        assertThat(Fractions.ceilShare(1000, 3, 3)).isEqualTo(1000);
        assertThat(Fractions.ceilShare(1000, 0, 3)).isZero();
        assertThat(Fractions.ceilShare(1000, 5, 0)).isEqualTo(1000); // no whole: the amount itself
        assertThat(Fractions.ceilShare(1000, 7, 3)).isEqualTo(1000); // a part above the whole counts as the whole
    }

    @Test
    void ceilShareKeepsTheRatioOfHugeWeights() {
        long whole = 3L << 60;
        assertThat(Fractions.ceilShare(9000, whole / 3, whole)).isEqualTo(3000);
    }

    @Test
    void mulDivIsExactWhereTheProductFitsAndCloseBeyond() {
        assertThat(Fractions.mulDiv(7, 9, 4)).isEqualTo(15);
        long big = 1L << 40;
        assertThat(Fractions.mulDiv(big, big, big)).isEqualTo(big); // 2^80 / 2^40
        assertThat(Fractions.mulDiv(big, big, 1)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Fractions.mulDiv(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareProductsIsExactBeyondSixtyFourBits() {
        long a = (1L << 62) + 1;
        assertThat(Fractions.compareProducts(a, 4, 1L << 62, 4)).isPositive();
        assertThat(Fractions.compareProducts(1L << 62, 4, a, 4)).isNegative();
        assertThat(Fractions.compareProducts(6, 4, 3, 8)).isZero();
    }

    @Test
    void saturatedAddStopsAtTheTop() {
        assertThat(Fractions.saturatedAdd(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Fractions.saturatedAdd(2, 3)).isEqualTo(5);
    }
}
