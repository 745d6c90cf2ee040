package org.jsctp.core.rx;

import java.util.Arrays;

/**
 * A bounded set of 64-bit (unwrapped) sequence numbers kept as sorted, disjoint, non-adjacent
 * ranges: the out-of-order TSNs a receiver holds above its cumulative ack point.
 *
 * <p>Memory is bounded by {@code maxRanges}: an insert that would need one range more is refused,
 * so a peer that sends every other TSN cannot make the set grow without limit.
 */
public final class TsnRangeSet {

    private final int maxRanges;
    private long[] starts;
    private long[] ends;
    private int count;

    /**
     * An empty set that holds at most {@code maxRanges} ranges.
     *
     * @param maxRanges at least 1
     * @throws IllegalArgumentException if {@code maxRanges} is below 1
     */
    public TsnRangeSet(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("maxRanges must be at least 1: " + maxRanges);
        }
        this.maxRanges = maxRanges;
        int initial = Math.min(maxRanges, 8);
        this.starts = new long[initial];
        this.ends = new long[initial];
    }

    /** Outcome of {@link #add}. */
    public enum AddResult {
        /** The number was not in the set and now is. */
        ADDED,
        /** The number was already in the set. */
        PRESENT,
        /** The number would need a new range beyond {@code maxRanges}; the set is unchanged. */
        FULL
    }

    /**
     * Adds {@code n}, merging it with adjacent ranges.
     *
     * @param n the number
     * @return whether it was added, already present, or refused
     */
    public AddResult add(long n) {
        int i = firstRangeEndingAtOrAfter(n - 1);
        // Range i is the first whose end >= n - 1: n joins it, extends it, or goes before it.
        if (i < count && starts[i] <= n && n <= ends[i]) {
            return AddResult.PRESENT;
        }
        boolean joinsBelow = i < count && ends[i] == n - 1;
        int above = joinsBelow ? i + 1 : i;
        boolean joinsAbove = above < count && starts[above] == n + 1;
        if (joinsBelow && joinsAbove) {
            ends[i] = ends[above];
            remove(above);
        } else if (joinsBelow) {
            ends[i] = n;
        } else if (joinsAbove) {
            starts[above] = n;
        } else {
            if (count == maxRanges) {
                return AddResult.FULL;
            }
            insert(i, n, n);
        }
        return AddResult.ADDED;
    }

    /**
     * {@return whether {@code n} is in the set}
     *
     * @param n the number
     */
    public boolean contains(long n) {
        int i = firstRangeEndingAtOrAfter(n);
        return i < count && starts[i] <= n;
    }

    /**
     * Drops every number at or below {@code n}.
     *
     * @param n the highest number to drop
     */
    public void removeUpTo(long n) {
        int drop = 0;
        while (drop < count && ends[drop] <= n) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(starts, drop, starts, 0, count - drop);
            System.arraycopy(ends, drop, ends, 0, count - drop);
            count -= drop;
        }
        if (count > 0 && starts[0] <= n) {
            starts[0] = n + 1;
        }
    }

    /** {@return number of ranges} */
    public int rangeCount() {
        return count;
    }

    /**
     * {@return whether the set holds no number}
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * {@return the first number of range {@code index}, ranges in ascending order}
     *
     * @param index 0..{@link #rangeCount()} - 1
     */
    public long rangeStart(int index) {
        checkIndex(index);
        return starts[index];
    }

    /**
     * {@return the last number of range {@code index}, ranges in ascending order}
     *
     * @param index 0..{@link #rangeCount()} - 1
     */
    public long rangeEnd(int index) {
        checkIndex(index);
        return ends[index];
    }

    /** Removes every number. */
    public void clear() {
        count = 0;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("range " + index + " of " + count);
        }
    }

    /** Binary search: the first range whose end is at or after {@code n}, or {@code count}. */
    private int firstRangeEndingAtOrAfter(long n) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < n) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void insert(int at, long start, long end) {
        if (count == starts.length) {
            int grown = Math.min(maxRanges, starts.length * 2);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        System.arraycopy(starts, at, starts, at + 1, count - at);
        System.arraycopy(ends, at, ends, at + 1, count - at);
        starts[at] = start;
        ends[at] = end;
        count++;
    }

    private void remove(int at) {
        System.arraycopy(starts, at + 1, starts, at, count - at - 1);
        System.arraycopy(ends, at + 1, ends, at, count - at - 1);
        count--;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append(starts[i]).append("..").append(ends[i]);
        }
        return b.append(']').toString();
    }
}
