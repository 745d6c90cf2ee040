package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles and the stable result line. */
class LatencySummaryTest {

    @Test
    void percentilesOfOneToAThousandAreTheirNearestRanks() {
        long[] nanos = LongStream.rangeClosed(1, 1000).map(i -> i * 1000).toArray(); // 1..1000 µs
        LatencySummary s = new LatencySummary(nanos, 100);
        assertThat(s.percentileNanos(50)).isEqualTo(500_000);
        assertThat(s.percentileNanos(90)).isEqualTo(900_000);
        assertThat(s.percentileNanos(99)).isEqualTo(990_000);
        assertThat(s.percentileNanos(99.9)).isEqualTo(999_000); // rank 999, not 1000 from rounding
        assertThat(s.percentileNanos(100)).isEqualTo(1_000_000);
        assertThat(s.line()).isEqualTo("latency: samples=1000 length=100 min_us=1.0 p50_us=500.0 p90_us=900.0 "
                + "p99_us=990.0 p99.9_us=999.0 max_us=1000.0");
        assertThat(LatencyCommandTest.LINE.matcher(s.line()).matches()).isTrue();
    }

    @Test
    void aSingleSampleIsEveryPercentileAndTheInputIsNotReordered() {
        long[] nanos = {7_250, 1_000};
        LatencySummary s = new LatencySummary(new long[] {7_250}, 1);
        assertThat(s.line()).isEqualTo("latency: samples=1 length=1 min_us=7.3 p50_us=7.3 p90_us=7.3 p99_us=7.3 "
                + "p99.9_us=7.3 max_us=7.3");
        new LatencySummary(nanos, 1);
        assertThat(nanos).containsExactly(7_250, 1_000);
    }

    @Test
    void noSamplesOrABadPercentileAreRefused() {
        assertThatThrownBy(() -> new LatencySummary(new long[0], 1)).isInstanceOf(IllegalArgumentException.class);
        LatencySummary s = new LatencySummary(new long[] {1}, 1);
        assertThatThrownBy(() -> s.percentileNanos(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentileNanos(100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The nearest-rank definition: at least p% of the samples are at or below the p-th percentile, and fewer below. */
    @Property(tries = 300)
    void aPercentileHasAtLeastItsShareOfSamplesAtOrBelowIt(
            @ForAll @Size(min = 1, max = 500) long[] raw, @ForAll @LongRange(min = 1, max = 100_000) long milli) {
        long[] nanos = Arrays.stream(raw).map(Math::abs).map(v -> v % 1_000_000_000L).toArray();
        double p = milli / 1000.0;
        long v = new LatencySummary(nanos, 1).percentileNanos(p);
        long atOrBelow = Arrays.stream(nanos).filter(x -> x <= v).count();
        long below = Arrays.stream(nanos).filter(x -> x < v).count();
        assertThat(atOrBelow * 100.0).isGreaterThanOrEqualTo(p * nanos.length - 1e-6);
        assertThat(below * 100.0).isLessThan(p * nanos.length + 1e-6);
    }
}
