package org.jsctp.core.seq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialArithmeticTest {

    @Test
    void tsnComparisonSurvivesTheWrapAt2To32() {
        Tsn last = new Tsn(0xFFFF_FFFF);
        Tsn first = last.next();
        assertThat(first.value()).isZero();
        assertThat(last.isBefore(first)).isTrue();
        assertThat(first.isAfter(last)).isTrue();
        assertThat(last.distanceTo(first)).isEqualTo(1);
        assertThat(first.distanceTo(last)).isEqualTo(-1);
    }

    @Test
    void ssnComparisonSurvivesTheWrapAt65536() {
        Ssn last = new Ssn(65535);
        Ssn first = last.next();
        assertThat(first.value()).isZero();
        assertThat(last.isBefore(first)).isTrue();
        assertThat(first.isAfter(last)).isTrue();
        assertThat(last.distanceTo(first)).isEqualTo(1);
    }

    @Test
    void numbersHalfTheSpaceApartAreNeitherBeforeNorAfter() {
        // RFC 1982 section 3.2: the comparison is undefined; we answer false both ways.
        Tsn a = new Tsn(0);
        Tsn b = new Tsn(0x8000_0000);
        assertThat(a.isBefore(b)).isFalse();
        assertThat(a.isAfter(b)).isFalse();
        Ssn c = new Ssn(0);
        Ssn d = new Ssn(0x8000);
        assertThat(c.isBefore(d)).isFalse();
        assertThat(c.isAfter(d)).isFalse();
    }

    @Test
    void equalNumbersAreAtOrBeforeAndAtOrAfter() {
        assertThat(new Tsn(7).isAtOrBefore(new Tsn(7))).isTrue();
        assertThat(new Tsn(7).isAtOrAfter(new Tsn(7))).isTrue();
        assertThat(new Tsn(7).isBefore(new Tsn(7))).isFalse();
    }

    @Test
    void unsignedValuesPrintUnsigned() {
        assertThat(new Tsn(-1)).hasToString("4294967295");
        assertThat(Tsn.of(4294967295L).value()).isEqualTo(-1);
        assertThat(new Mid(-2).unsigned()).isEqualTo(4294967294L);
    }
}
