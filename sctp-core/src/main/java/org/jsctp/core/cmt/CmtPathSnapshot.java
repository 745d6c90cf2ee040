package org.jsctp.core.cmt;

import java.util.Objects;
import org.jsctp.core.path.PathState;

/**
 * An immutable {@link CmtPathView}: the figures of one path copied at one moment, for senders
 * that prefer handing values to handing live objects, and for tests.
 *
 * @param pathId the path's identifier, not negative
 * @param cwnd the congestion window in bytes
 * @param flightSize the bytes outstanding on the path
 * @param ssthresh the slow-start threshold in bytes
 * @param state the path's state
 * @param mtu the path MTU in bytes, positive
 * @param errorCount the path's error counter
 */
public record CmtPathSnapshot(int pathId, long cwnd, long flightSize, long ssthresh, PathState state, int mtu,
                              int errorCount) implements CmtPathView {

    /**
     * Rejects null, checks the ranges.
     *
     * @throws IllegalArgumentException if a component is out of range
     * @param pathId the path's identifier, not negative
     * @param cwnd the congestion window in bytes
     * @param flightSize the bytes outstanding on the path
     * @param ssthresh the slow-start threshold in bytes
     * @param state the path's state
     * @param mtu the path MTU in bytes, positive
     * @param errorCount the path's error counter
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

    /**
     * {@return a confirmed, active path without errors}
     *
     * @param pathId the path's identifier
     * @param cwnd the congestion window in bytes
     * @param flightSize the bytes outstanding
     * @param ssthresh the slow-start threshold in bytes
     * @param mtu the path MTU in bytes
     */
    public static CmtPathSnapshot active(int pathId, long cwnd, long flightSize, long ssthresh, int mtu) {
        return new CmtPathSnapshot(pathId, cwnd, flightSize, ssthresh, PathState.ACTIVE, mtu, 0);
    }

    /**
     * {@return this path with another state and error count}
     *
     * @param newState the state
     * @param newErrorCount the error counter
     */
    public CmtPathSnapshot withState(PathState newState, int newErrorCount) {
        return new CmtPathSnapshot(pathId, cwnd, flightSize, ssthresh, newState, mtu, newErrorCount);
    }

    /**
     * {@return this path with another flight size}
     *
     * @param newFlightSize the bytes outstanding
     */
    public CmtPathSnapshot withFlightSize(long newFlightSize) {
        return new CmtPathSnapshot(pathId, cwnd, newFlightSize, ssthresh, state, mtu, errorCount);
    }
}
