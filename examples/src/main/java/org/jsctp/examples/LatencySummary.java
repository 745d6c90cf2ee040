package org.jsctp.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Percentiles of a set of round-trip times, and the two ways the latency tools print them.
 *
 * <p>Percentiles use the nearest-rank method: the p-th percentile of n sorted samples is the
 * sample at rank {@code ceil(p / 100 * n)} (1-based), so every figure is a measured sample and
 * p100 is the maximum.
 *
 * <p>The one-line format is stable, for scripts (bench/latency.sh and the usrsctp counterpart
 * bench/usrsctp/fair_latency.c print the same line):
 * <pre>
 * latency: samples=2000 length=100 min_us=41.3 p50_us=58.0 p90_us=66.1 p99_us=90.4 p99.9_us=140.2 max_us=201.7
 * </pre>
 * Times are in microseconds with one decimal; fields are separated by one space and appear in
 * this order.
 */
final class LatencySummary {

    /** The percentiles reported, in order, after the minimum. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final long[] sortedNanos;
    private final int length;

    /** @param nanos the round-trip times in nanoseconds (not changed); at least one */
    LatencySummary(long[] nanos, int length) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
        this.length = length;
    }

    int samples() {
        return sortedNanos.length;
    }

    long minNanos() {
        return sortedNanos[0];
    }

    long maxNanos() {
        return sortedNanos[sortedNanos.length - 1];
    }

    /** The nearest-rank {@code p}-th percentile, {@code 0 < p <= 100}. */
    long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        // The rank is computed in integer thousandths of a percent so that e.g. 99.9% of 1000 is
        // exactly rank 999, not 999.0000000000001 rounded up to 1000.
        long n = sortedNanos.length;
        long milli = Math.round(p * 1000);
        long rank = (milli * n + 100_000 - 1) / 100_000;
        return sortedNanos[(int) Math.max(rank, 1) - 1];
    }

    /** The stable one-line format described in the class comment. */
    String line() {
        StringBuilder b = new StringBuilder(160);
        b.append("latency: samples=").append(samples()).append(" length=").append(length)
                .append(" min_us=").append(micros(minNanos()));
        for (double p : PERCENTILES) {
            b.append(" p").append(label(p)).append("_us=").append(micros(percentileNanos(p)));
        }
        return b.append(" max_us=").append(micros(maxNanos())).toString();
    }

    /** A small table for people: one row per figure. */
    List<String> table() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "Round-trip times of %d messages of %d bytes:", samples(), length));
        rows.add(String.format(Locale.ROOT, "  %-6s %12s", "", "microseconds"));
        rows.add(String.format(Locale.ROOT, "  %-6s %12s", "min", micros(minNanos())));
        for (double p : PERCENTILES) {
            rows.add(String.format(Locale.ROOT, "  %-6s %12s", "p" + label(p), micros(percentileNanos(p))));
        }
        rows.add(String.format(Locale.ROOT, "  %-6s %12s", "max", micros(maxNanos())));
        return rows;
    }

    private static String label(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
    }
}
