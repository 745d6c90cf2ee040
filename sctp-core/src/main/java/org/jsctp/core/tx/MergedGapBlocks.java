package org.jsctp.core.tx;

import java.util.Arrays;
import java.util.List;
import org.jsctp.core.packet.chunk.GapAckBlock;

/**
 * The Gap Ack Blocks of one SACK as ranges of unwrapped TSNs, ascending and disjoint. RFC 9260
 * section 3.3.4 gives each block as offsets from the Cumulative TSN Ack; a peer may still send them
 * unsorted, overlapping or adjacent, so they are sorted and merged before the sender walks them.
 * A malformed block (start above end, or offset 0) is skipped, not a reason to drop the SACK.
 *
 * <p>The arrays are scratch reused from SACK to SACK, made at the first SACK with blocks (most
 * associations never see one). {@link #releaseOversized} drops what a SACK of hundreds of blocks
 * made them grow to, so such a SACK cannot leave the association holding more than a few
 * hundred bytes.
 */
final class MergedGapBlocks {

    /** The entries the scratch keeps between SACKs. */
    static final int KEPT = 64;

    private static final long[] NONE = new long[0];

    private long[] keys = NONE;
    private long[] starts = NONE;
    private long[] ends = NONE;
    private int count;

    /**
     * Replaces the ranges with those of {@code blocks}, offsets from {@code sackCum}.
     *
     * @param highest the highest TSN sent (unwrapped)
     * @return false, with no ranges, when a block acknowledges a TSN above {@code highest}
     */
    boolean merge(List<GapAckBlock> blocks, long sackCum, long highest) {
        count = 0;
        int n = blocks.size();
        if (n == 0) {
            return true;
        }
        if (keys.length < n) {
            keys = new long[Math.max(n, KEPT)];
        }
        int kept = 0;
        boolean sorted = true;
        long previous = -1;
        for (int i = 0; i < n; i++) {
            GapAckBlock b = blocks.get(i);
            if (!b.isWellFormed()) {
                continue;
            }
            if (sackCum + b.end() > highest) {
                return false;
            }
            long key = ((long) b.start() << 16) | b.end(); // sorts by start, then end
            if (key < previous) {
                sorted = false;
            }
            previous = key;
            keys[kept++] = key;
        }
        if (!sorted) {
            Arrays.sort(keys, 0, kept);
        }
        if (starts.length < kept) {
            starts = new long[Math.max(kept, KEPT)];
            ends = new long[Math.max(kept, KEPT)];
        }
        int m = 0;
        for (int i = 0; i < kept; i++) {
            long start = sackCum + (keys[i] >>> 16);
            long end = sackCum + (keys[i] & 0xFFFF);
            if (m > 0 && start <= ends[m - 1] + 1) {
                ends[m - 1] = Math.max(ends[m - 1], end);
            } else {
                starts[m] = start;
                ends[m] = end;
                m++;
            }
        }
        count = m;
        return true;
    }

    /** {@return how many ranges the last {@link #merge} left} */
    int count() {
        return count;
    }

    /** {@return the first TSN of range {@code i} (ascending)} */
    long start(int i) {
        return starts[i];
    }

    /** {@return the last TSN of range {@code i}} */
    long end(int i) {
        return ends[i];
    }

    /** Shrinks scratch that grew beyond {@link #KEPT} entries back to that; the ranges go. */
    void releaseOversized() {
        count = 0;
        if (keys.length > KEPT) {
            keys = new long[KEPT];
        }
        if (starts.length > KEPT) {
            starts = new long[KEPT];
            ends = new long[KEPT];
        }
    }

    /** {@return the entries the scratch arrays hold now (tests watch them shrink)} */
    int scratchLength() {
        return starts.length;
    }
}
