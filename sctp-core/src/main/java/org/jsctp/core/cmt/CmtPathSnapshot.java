package org.jsctp.core.cmt;

import java.util.Objects;
import org.jsctp.core.path.PathState;

/**
 * An immutable {@link CmtPathView}: the figures of one path copied at one moment, for senders
 * that prefer handing values to handing live objects, and for tests.
 */
public record CmtPathSnapshot(int pathId, long cwnd, long flightSize, long ssthresh, PathState state, int mtu,
                              int errorCount) implements CmtPathView {

    /**
     * Rejects null, checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     */
    public CmtPathSnapshot {
        if (pathId < 0) {
            throw new IllegalArgumentException("path identifiers are not negative: " + pathId);
        }
        if (cwnd < 0 || flightSize < 0 || ssthresh < 0 || mtu <= 0 || errorCount < 0) {
            throw new IllegalArgumentException("negative size or count in path " + pathId);
        }
        Objects.requireNonNull(state, "state");
    }

    /** {@return a confirmed, active path without errors} */
    public static CmtPathSnapshot active(int pathId, long cwnd, long flightSize, long ssthresh, int mtu) {
        return new CmtPathSnapshot(pathId, cwnd, flightSize, ssthresh, PathState.ACTIVE, mtu, 0);
    }

    /** {@return this path with another state and error count} */
    public CmtPathSnapshot withState(PathState newState, int newErrorCount) {
        return new CmtPathSnapshot(pathId, cwnd, flightSize, ssthresh, newState, mtu, newErrorCount);
    }

    /** {@return this path with another flight size} */
    public CmtPathSnapshot withFlightSize(long newFlightSize) {
        return new CmtPathSnapshot(pathId, cwnd, newFlightSize, ssthresh, state, mtu, errorCount);
    }
}
