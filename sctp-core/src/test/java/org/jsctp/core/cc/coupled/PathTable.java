package org.jsctp.core.cc.coupled;

/**
 * Paths for the coupled rules with windows and RTTs set by hand: a {@link CoupledPaths} whose
 * members read these arrays.
 */
final class PathTable {
    final long[] cwnd;
    final long[] ssthresh;
    final long[] srttNanos;
    final CoupledPaths paths;

    PathTable(long[] cwnd, long[] ssthresh, long[] srttNanos) {
        this.cwnd = cwnd.clone();
        this.ssthresh = ssthresh.clone();
        this.srttNanos = srttNanos.clone();
        this.paths = new CoupledPaths(p -> this.srttNanos[p]);
        for (int p = 0; p < cwnd.length; p++) {
            int id = p;
            paths.add(id, () -> this.cwnd[id], () -> this.ssthresh[id]);
        }
    }

    static PathTable of(long[] cwnd, long[] ssthresh, long[] srttNanos) {
        return new PathTable(cwnd, ssthresh, srttNanos);
    }
}
