package org.jsctp.core.cc.coupled;

import java.util.Arrays;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * The view one CMT association's paths have of each other for coupled congestion control: every
 * path whose controller exists registers its cwnd and ssthresh here, the association says where
 * each path's smoothed RTT is, and the coupled rules ({@link ResourcePoolingV1},
 * {@link ResourcePoolingV2}, {@link LinkedIncreases}) read the sums they need when they decide.
 *
 * <p>The paths counted are those registered: the association registers a path when its controller
 * is made, at its first DATA (RFC 9260 section 7.2.1), and never removes it, so a path that failed
 * keeps counting with the one-MTU window its timeouts left it (FreeBSD too sums over all the
 * association's destinations). Nothing is copied: the sums are taken from the live windows at
 * each call, so a rule always sees the other paths as they are, and nothing is allocated per SACK.
 * Not thread-safe, like the rest of the core.
 */
public final class CoupledPaths {

    /** RTTs are taken in microseconds, at least 1 and at most this (about 18 minutes), for the products. */
    static final long MAX_RTT_MICROS = 1L << 30;

    private final IntToLongFunction srttNanos;
    private int count;
    private int[] pathIds = new int[2];
    private LongSupplier[] cwnds = new LongSupplier[2];
    private LongSupplier[] ssthreshes = new LongSupplier[2];

    /**
     * An empty view.
     *
     * @param srttNanos each path's smoothed round-trip time (RFC 9260 section 6.3.1) by path id, in
     *                  nanoseconds, 0 while the path has no measurement
     */
    public CoupledPaths(IntToLongFunction srttNanos) {
        if (srttNanos == null) {
            throw new IllegalArgumentException("srttNanos must not be null");
        }
        this.srttNanos = srttNanos;
    }

    /**
     * Registers a path.
     *
     * @param pathId the path's id, as {@code srttNanos} knows it
     * @param cwnd reads the path's cwnd
     * @param ssthresh reads the path's ssthresh
     * @throws IllegalArgumentException if the path is registered already
     */
    public void add(int pathId, LongSupplier cwnd, LongSupplier ssthresh) {
        if (indexOf(pathId) >= 0) {
            throw new IllegalArgumentException("path " + pathId + " is registered already");
        }
        if (count == pathIds.length) {
            pathIds = Arrays.copyOf(pathIds, count * 2);
            cwnds = Arrays.copyOf(cwnds, count * 2);
            ssthreshes = Arrays.copyOf(ssthreshes, count * 2);
        }
        pathIds[count] = pathId;
        cwnds[count] = cwnd;
        ssthreshes[count] = ssthresh;
        count++;
    }

    /** {@return how many paths are registered} */
    public int size() {
        return count;
    }

    /** {@return the sum of the registered paths' cwnd, cwnd_total of RFC 6356 and the RP papers} */
    public long totalCwnd() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum = Fractions.saturatedAdd(sum, Math.max(0, cwnds[i].getAsLong()));
        }
        return sum;
    }

    /** {@return the sum of the registered paths' ssthresh, ssthresh_total of CMT/RPv1} */
    public long totalSsthresh() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum = Fractions.saturatedAdd(sum, Math.max(0, ssthreshes[i].getAsLong()));
        }
        return sum;
    }

    /**
     * {@return whether every registered path has an RTT measurement; while one has not, the rules
     * that weigh by RTT (CMT/RPv2, RFC 6356's alpha) weigh all paths as if their RTTs were equal}
     */
    boolean allRttsMeasured() {
        for (int i = 0; i < count; i++) {
            if (srttNanos.applyAsLong(pathIds[i]) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the cwnd of the path at {@code index} (0 to size - 1)}
     *
     * @param index the registration index
     */
    long cwnd(int index) {
        return Math.max(0, cwnds[index].getAsLong());
    }

    /**
     * {@return the RTT the rules use for the path at {@code index}: its srtt in microseconds,
     * within 1 and {@link #MAX_RTT_MICROS}, or 1 for every path unless {@link #allRttsMeasured()}}
     *
     * @param index the registration index
     * @param measured what {@link #allRttsMeasured()} said
     */
    long rttMicros(int index, boolean measured) {
        return measured ? rttMicrosOf(pathIds[index]) : 1;
    }

    /**
     * {@return the RTT the rules use for a path, its srtt in microseconds within 1 and
     * {@link #MAX_RTT_MICROS}}
     *
     * @param pathId the path's id
     */
    long rttMicrosOf(int pathId) {
        long micros = srttNanos.applyAsLong(pathId) / 1000;
        return Math.max(1, Math.min(MAX_RTT_MICROS, micros));
    }

    private int indexOf(int pathId) {
        for (int i = 0; i < count; i++) {
            if (pathIds[i] == pathId) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "CoupledPaths[" + count + " paths, cwnd_total=" + totalCwnd() + ", ssthresh_total=" + totalSsthresh()
                + "]";
    }
}
