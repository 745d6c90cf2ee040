package org.jsctp.core.tx;

import java.util.Arrays;

/**
 * Per-path figures of one SACK, for per-destination congestion control (RFC 9260 section 7.2)
 * and T3-rtx handling: bytes newly acknowledged and chunks reneged, indexed by the opaque path
 * identifiers given to {@link OutstandingData#add}.
 *
 * <p>Path identifiers at or beyond {@link #pathCount()} read as zero. The one in a {@link
 * SackResult} is immutable; the one in a {@link SackOutcome} is that outcome's, refilled by the
 * next SACK (so it holds only until then).
 */
public final class PathAcks {

    private long[] ackedBytes;
    private int[] renegedChunks;
    private int count;
    private int rttSamplePathId;

    PathAcks(long[] ackedBytes, int[] renegedChunks) {
        this(ackedBytes, renegedChunks, -1);
    }

    PathAcks(long[] ackedBytes, int[] renegedChunks, int rttSamplePathId) {
        this.ackedBytes = ackedBytes;
        this.renegedChunks = renegedChunks;
        this.rttSamplePathId = rttSamplePathId;
        this.count = ackedBytes.length;
    }

    /** Zero for {@code paths} paths and no RTT measurement, for the next SACK; grows the tables when needed. */
    void reset(int paths) {
        if (ackedBytes.length < paths) {
            ackedBytes = new long[paths];
            renegedChunks = new int[paths];
        } else {
            Arrays.fill(ackedBytes, 0, count, 0);
            Arrays.fill(renegedChunks, 0, count, 0);
        }
        count = paths;
        rttSamplePathId = -1;
    }

    void addAcked(int pathId, long bytes) {
        ackedBytes[pathId] += bytes;
    }

    void addReneged(int pathId) {
        renegedChunks[pathId]++;
    }

    void setRttSamplePathId(int pathId) {
        rttSamplePathId = pathId;
    }

    /** {@return an immutable copy} */
    PathAcks copy() {
        return new PathAcks(Arrays.copyOf(ackedBytes, count), Arrays.copyOf(renegedChunks, count), rttSamplePathId);
    }

    /**
     * {@return the path the chunk that gave the SACK's RTT measurement was sent on, so the measurement
     * feeds that path's RTO (RFC 9260 section 6.3.1: the RTO is per destination); -1 without one}
     */
    public int rttSamplePathId() {
        return rttSamplePathId;
    }

    /** {@return number of path identifiers this table covers, {@code 0..pathCount() - 1}} */
    public int pathCount() {
        return count;
    }

    /**
     * {@return payload bytes of chunks last sent on {@code pathId} that this SACK newly acknowledged,
     * cumulatively or by a Gap Ack Block (the input of RFC 9260 sections 7.2.1 and 7.2.2)}
     *
     * @param pathId a path
     */
    public long newlyAckedBytes(int pathId) {
        checkPath(pathId);
        return pathId < count ? ackedBytes[pathId] : 0;
    }

    /**
     * {@return chunks last sent on {@code pathId} that an earlier SACK acknowledged by a Gap Ack Block and
     * this one no longer does} RFC 9260 section 6.2.1 (D)(iii): the association starts T3-rtx for
     * such a path if it is not running.
     *
     * @param pathId a path
     */
    public int renegedChunks(int pathId) {
        checkPath(pathId);
        return pathId < count ? renegedChunks[pathId] : 0;
    }

    private static void checkPath(int pathId) {
        if (pathId < 0) {
            throw new IllegalArgumentException("path identifiers are not negative: " + pathId);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PathAcks[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(": acked=").append(ackedBytes[i])
                    .append(" reneged=").append(renegedChunks[i]);
        }
        return b.append(']').toString();
    }
}
