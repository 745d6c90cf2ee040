package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TsnRangeSetProperties {

    /** The range set holds exactly what a plain sorted set would, as long as it is not full. */
    @Property(tries = 500)
    void behavesLikeASortedSetOfNumbers(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 300) Integer> adds,
                                        @ForAll @IntRange(min = 0, max = 300) int cut) {
        TsnRangeSet set = new TsnRangeSet(1000);
        TreeSet<Long> model = new TreeSet<>();
        for (int a : adds) {
            TsnRangeSet.AddResult r = set.add(a);
            assertThat(r).isEqualTo(model.add((long) a) ? TsnRangeSet.AddResult.ADDED : TsnRangeSet.AddResult.PRESENT);
        }
        set.removeUpTo(cut);
        model.headSet((long) cut, true).clear();
        for (long n = 0; n <= 301; n++) {
            assertThat(set.contains(n)).as("contains %d in %s", n, set).isEqualTo(model.contains(n));
        }
        // ranges are sorted, disjoint and not adjacent
        for (int i = 1; i < set.rangeCount(); i++) {
            assertThat(set.rangeStart(i)).isGreaterThan(set.rangeEnd(i - 1) + 1);
        }
    }

    @Property(tries = 200)
    void neverHoldsMoreThanItsBoundOfRanges(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 1000) Integer> adds,
                                            @ForAll @IntRange(min = 1, max = 20) int bound) {
        TsnRangeSet set = new TsnRangeSet(bound);
        for (int a : adds) {
            TsnRangeSet.AddResult r = set.add(a);
            if (r == TsnRangeSet.AddResult.FULL) {
                assertThat(set.contains(a)).isFalse();
                assertThat(set.rangeCount()).isEqualTo(bound);
            }
            assertThat(set.rangeCount()).isLessThanOrEqualTo(bound);
        }
    }
}
