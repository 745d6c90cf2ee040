package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.cc.CongestionController;
import org.jsctp.core.cmt.BufferSplit;
import org.jsctp.core.cmt.CmtPathView;
import org.jsctp.core.cmt.CmtScheduler;
import org.jsctp.core.cmt.RetransmissionPolicy;
import org.jsctp.core.path.Path;
import org.jsctp.core.path.PathState;

/**
 * The data sender's path choice while CMT runs (draft-tuexen-tsvwg-sctp-multipath section 3):
 * presents each path of the association, with the sender's own congestion figures for it, to the
 * {@link CmtScheduler} as a {@link CmtPathView}.
 *
 * <p>Data is spread only while at least two paths are {@link PathState#ACTIVE}
 * ({@link #spreads}); with one active path (or none) the sender routes as RFC 9260 section 6.4
 * says (primary for new data, an alternate for retransmissions), so failover and RFC 7829's
 * potentially-failed rules stay those of single-path transfer. Retransmissions follow
 * {@link RetransmissionPolicy#RTX_SSTHRESH}, the scheduler's default, and are never held back by
 * buffer splitting; new data is ({@link BufferSplit}).
 *
 * <p>Not thread-safe; one per data sender.
 */
final class CmtPathSelection {

    /** The sender's congestion state of one path. */
    interface Figures {
        /** The path's congestion controller (created at first use). */
        CongestionController cc(int pathId);

        /** The path's flight size in bytes. */
        long flightSize(int pathId);
    }

    private final CmtScheduler scheduler = new CmtScheduler();
    private final Figures figures;
    private final List<CmtPathView> views = new ArrayList<>();

    CmtPathSelection(Figures figures) {
        this.figures = figures;
    }

    /** Whether new data is spread over the paths: at least two are active. */
    static boolean spreads(List<Path> paths) {
        int active = 0;
        for (Path p : paths) {
            if (p.state() == PathState.ACTIVE && ++active >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path for the next packet of new data: round robin over the active paths whose
     * congestion controller lets a packet go now (cwnd room and Max.Burst, RFC 9260 section 6.1)
     * and that {@code split} admits (CMT buffer splitting, {@link BufferSplit}); empty when none
     * may send.
     */
    OptionalInt newDataPath(List<Path> paths, BufferSplit split) {
        return scheduler.nextPathForNewData(views(paths), split);
    }

    /**
     * Whether buffer splitting keeps new data off {@code pathId} (FreeBSD's
     * {@code sctp_buffer_splitting}: a path over its share is skipped): an active path that
     * {@code split} does not admit, its share taken among the active paths.
     */
    boolean overShare(List<Path> paths, int pathId, BufferSplit split) {
        List<CmtPathView> all = views(paths);
        for (CmtPathView v : all) {
            if (v.pathId() == pathId) {
                return v.state() == PathState.ACTIVE && !split.admits(v, BufferSplit.activePaths(all));
            }
        }
        return false;
    }

    /** The path a retransmission of a chunk lost on {@code lostOnPathId} goes to, or -1 if none qualifies. */
    int retransmissionPath(List<Path> paths, int lostOnPathId) {
        return scheduler.pathForRetransmission(views(paths), lostOnPathId).orElse(-1);
    }

    private List<CmtPathView> views(List<Path> paths) {
        views.clear();
        for (Path p : paths) {
            views.add(new View(p, figures.cc(p.id()), figures.flightSize(p.id())));
        }
        return views;
    }

    /** One path as the scheduler reads it: the path's state, the sender's figures. */
    private record View(Path path, CongestionController cc, long flightSize) implements CmtPathView {

        @Override
        public int pathId() {
            return path.id();
        }

        @Override
        public long cwnd() {
            return cc.cwnd();
        }

        @Override
        public long ssthresh() {
            return cc.ssthresh();
        }

        @Override
        public PathState state() {
            return path.state();
        }

        @Override
        public int mtu() {
            return path.mtu();
        }

        @Override
        public int errorCount() {
            return path.errorCount();
        }

        @Override
        public boolean hasCwndRoom() {
            return cc.mayTransmit(flightSize).isAllowed(); // the controller's word: cwnd and Max.Burst
        }
    }
}
