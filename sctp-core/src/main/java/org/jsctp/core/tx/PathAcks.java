package org.jsctp.core.tx;

/**
 * Per-path figures of one SACK, for per-destination congestion control (RFC 9260 section 7.2)
 * and T3-rtx handling: bytes newly acknowledged and chunks reneged, indexed by the opaque path
 * identifiers given to {@link OutstandingData#add}.
 *
 * <p>Immutable once built; path identifiers at or beyond {@link #pathCount()} read as zero.
 */
public final class PathAcks {

    private final long[] ackedBytes;
    private final int[] renegedChunks;
    private final int rttSamplePathId;

    PathAcks(long[] ackedBytes, int[] renegedChunks) {
        this(ackedBytes, renegedChunks, -1);
    }

    PathAcks(long[] ackedBytes, int[] renegedChunks, int rttSamplePathId) {
        this.ackedBytes = ackedBytes;
        this.renegedChunks = renegedChunks;
        this.rttSamplePathId = rttSamplePathId;
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
        return ackedBytes.length;
    }

    /**
     * {@return payload bytes of chunks last sent on {@code pathId} that this SACK newly acknowledged,
     * cumulatively or by a Gap Ack Block (the input of RFC 9260 sections 7.2.1 and 7.2.2)}
     *
     * @param pathId a path
     */
    public long newlyAckedBytes(int pathId) {
        checkPath(pathId);
        return pathId < ackedBytes.length ? ackedBytes[pathId] : 0;
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
        return pathId < renegedChunks.length ? renegedChunks[pathId] : 0;
    }

    private static void checkPath(int pathId) {
        if (pathId < 0) {
            throw new IllegalArgumentException("path identifiers are not negative: " + pathId);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PathAcks[");
        for (int i = 0; i < ackedBytes.length; i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(": acked=").append(ackedBytes[i])
                    .append(" reneged=").append(renegedChunks[i]);
        }
        return b.append(']').toString();
    }
}
