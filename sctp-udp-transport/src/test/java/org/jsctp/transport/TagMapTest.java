package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TagMapTest {

    @Test
    void putIfAbsentKeepsTheFirstValueAndRemoveTakesOnlyTheSameObject() {
        TagMap<String> map = new TagMap<>();
        String a = new String("a");
        assertThat(map.putIfAbsent(7, a)).isNull();
        assertThat(map.putIfAbsent(7, "b")).isSameAs(a);
        assertThat(map.get(7)).isSameAs(a);
        assertThat(map.remove(7, new String("a"))).as("an equal but other object").isFalse();
        assertThat(map.containsKey(7)).isTrue();
        assertThat(map.remove(7, a)).isTrue();
        assertThat(map.get(7)).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void putReplacesAndTagsAreAny32BitValue() {
        TagMap<String> map = new TagMap<>();
        int[] tags = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1};
        for (int tag : tags) {
            map.put(tag, "first " + tag);
        }
        map.put(-1, "second");
        assertThat(map.size()).isEqualTo(tags.length);
        assertThat(map.get(-1)).isEqualTo("second");
        assertThat(map.get(Integer.MIN_VALUE)).isEqualTo("first " + Integer.MIN_VALUE);
        assertThat(map.get(2)).isNull();
        assertThat(map.values()).hasSize(tags.length).contains("second", "first 0");
    }

    @Test
    void agreesWithAHashMapThroughGrowthAndRandomChanges() {
        TagMap<Integer> map = new TagMap<>();
        Map<Integer, Integer> model = new HashMap<>();
        Random random = new Random(6);
        for (int i = 0; i < 200_000; i++) {
            int tag = random.nextInt(50_000) * 0x10001; // collisions in the low bits on purpose
            Integer value = i;
            switch (random.nextInt(3)) {
                case 0 -> assertThat(map.putIfAbsent(tag, value)).isEqualTo(model.putIfAbsent(tag, value));
                case 1 -> {
                    Integer present = model.get(tag);
                    assertThat(map.remove(tag, present)).isEqualTo(present != null);
                    model.remove(tag);
                }
                default -> {
                    map.put(tag, value);
                    model.put(tag, value);
                }
            }
            assertThat(map.get(tag)).isEqualTo(model.get(tag));
        }
        assertThat(map.size()).isEqualTo(model.size());
        assertThat(map.values()).containsExactlyInAnyOrderElementsOf(model.values());
    }

    @Test
    void valuesIsACopyThatCannotBeChanged() {
        TagMap<String> map = new TagMap<>();
        map.put(1, "one");
        var values = map.values();
        map.put(2, "two");
        assertThat(values).containsExactly("one");
        assertThatThrownBy(() -> values.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theTableShrinksWhenMostTagsHaveGoneAndKeepsTheRest() {
        TagMap<Integer> map = new TagMap<>();
        int peak = 10_000;
        for (int tag = 0; tag < peak; tag++) {
            map.put(tag * 0x9E37, tag);
        }
        assertThat(map.capacity()).as("at most three quarters full").isGreaterThanOrEqualTo(peak * 4 / 3);
        for (int tag = 10; tag < peak; tag++) {
            assertThat(map.remove(tag * 0x9E37, map.get(tag * 0x9E37))).isTrue();
        }
        assertThat(map.size()).isEqualTo(10);
        assertThat(map.capacity()).as("more than an eighth full after the removals").isLessThan(10 * 8);
        for (int tag = 0; tag < 10; tag++) {
            assertThat(map.get(tag * 0x9E37)).isEqualTo(tag);
        }
        for (int tag = 0; tag < 10; tag++) {
            assertThat(map.remove(tag * 0x9E37, map.get(tag * 0x9E37))).isTrue();
        }
        assertThat(map.capacity()).as("never below the first capacity").isEqualTo(16);
        map.put(5, 5);
        assertThat(map.get(5)).isEqualTo(5);
    }

    @Test
    void aSizeGoingUpAndDownByOneAtABoundDoesNotResizeEachTime() {
        TagMap<Integer> map = new TagMap<>();
        for (int tag = 0; tag < 12; tag++) {
            map.put(tag, tag);
        }
        assertThat(map.capacity()).isEqualTo(16);
        map.put(12, 12);
        assertThat(map.capacity()).as("13 of 16 is more than three quarters").isEqualTo(32);
        map.remove(12, 12);
        map.put(12, 12);
        map.remove(12, 12);
        assertThat(map.capacity()).as("12 of 32 is more than an eighth").isEqualTo(32);
    }

    /**
     * Readers on other threads never miss a tag that stays mapped while the writer adds and removes
     * many others (growing the table several times, then shrinking it again).
     */
    @Test
    void aReaderAlwaysFindsTagsThatStayWhileOthersComeAndGo() throws Exception {
        TagMap<String> map = new TagMap<>();
        int stable = 64;
        for (int tag = 0; tag < stable; tag++) {
            map.put(tag * 7919, "stable");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong misses = new AtomicLong();
        AtomicLong lookups = new AtomicLong();
        Thread[] readers = new Thread[2];
        for (int r = 0; r < readers.length; r++) {
            readers[r] = new Thread(() -> {
                int i = 0;
                do {
                    if (!"stable".equals(map.get((i++ % stable) * 7919))) {
                        misses.incrementAndGet();
                    }
                    lookups.incrementAndGet();
                } while (writing.get() || lookups.get() < 1_000);
            });
            readers[r].start();
        }
        for (int i = 1; i <= 100_000; i++) {
            map.putIfAbsent(-i, "passing");
            if (i % 3 == 0) {
                map.remove(-i + 1, map.get(-i + 1));
            }
        }
        int afterGrowth = map.size();
        int grownCapacity = map.capacity();
        for (int i = 1; i <= 100_000; i++) {
            map.remove(-i, map.get(-i));
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(lookups.get()).isPositive();
        assertThat(misses.get()).as("lookups of stable tags that found nothing").isZero();
        assertThat(afterGrowth).isEqualTo(stable + 100_000 - 100_000 / 3);
        assertThat(map.size()).isEqualTo(stable);
        assertThat(map.capacity()).isLessThan(grownCapacity);
    }
}
