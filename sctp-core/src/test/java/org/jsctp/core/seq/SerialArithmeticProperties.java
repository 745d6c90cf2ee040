package org.jsctp.core.seq;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SerialArithmeticProperties {

    @Property(tries = 500)
    void aNumberPlusAPositiveStepBelowHalfTheSpaceIsAfterIt(@ForAll int start, @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int step) {
        Tsn a = new Tsn(start);
        Tsn b = a.plus(step);
        assertThat(b.isAfter(a)).isTrue();
        assertThat(a.isBefore(b)).isTrue();
        assertThat(a.distanceTo(b)).isEqualTo(step);
    }

    @Property(tries = 500)
    void ssnPlusAStepBelowHalfTheSpaceIsAfterIt(@ForAll @IntRange(min = 0, max = 65535) int start,
                                                 @ForAll @IntRange(min = 1, max = 32767) int step) {
        Ssn a = new Ssn(start);
        Ssn b = a.plus(step);
        assertThat(b.isAfter(a)).isTrue();
        assertThat(a.isBefore(b)).isTrue();
        assertThat(a.distanceTo(b)).isEqualTo(step);
    }

    @Property(tries = 300)
    void unwrapperKeepsOrderAcrossTheWrap(@ForAll int start, @ForAll @IntRange(min = 1, max = 1 << 20) int step) {
        SerialUnwrapper u = new SerialUnwrapper(start);
        long previous = u.unwrap(start);
        int value = start;
        for (int i = 0; i < 10_000; i++) {
            value += step;
            long next = u.unwrap(value);
            assertThat(next - previous).isEqualTo(step);
            previous = next;
        }
    }
}
