package org.jsctp.core.cmt;

import java.util.Objects;
import org.jsctp.core.seq.Tsn;

/**
 * One DATA (or I-DATA) chunk as the multi-path sender sent it: its TSN, the path it was last sent
 * on, its payload bytes, and whether that last sending was a retransmission.
 *
 * @param tsn the chunk's TSN
 * @param pathId the path it was last sent on (not negative)
 * @param bytes the bytes it counts in the flight size
 * @param retransmitted whether it has been sent more than once (CUC keeps those apart, see
 *                      {@link CwndUpdateForChangeover})
 */
public record SentChunk(Tsn tsn, int pathId, int bytes, boolean retransmitted) {

    /**
     * Rejects null, checks the ranges.
     *
     * @param tsn the chunk's TSN
     * @param pathId the path it was last sent on (not negative)
     * @param bytes the bytes it counts in the flight size
     * @param retransmitted whether it has been sent more than once (CUC keeps those apart, see
     *     {@link CwndUpdateForChangeover})
     * @throws IllegalArgumentException if a component is out of range
     */
    public SentChunk {
        Objects.requireNonNull(tsn, "tsn");
        if (pathId < 0) {
            throw new IllegalArgumentException("path identifiers are not negative: " + pathId);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /**
     * {@return a chunk sent once}
     *
     * @param tsn the chunk's TSN
     * @param pathId the path it was sent on
     * @param bytes the bytes it counts in the flight size
     */
    public static SentChunk of(Tsn tsn, int pathId, int bytes) {
        return new SentChunk(tsn, pathId, bytes, false);
    }
}
