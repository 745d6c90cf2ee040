package org.jsctp.core.cmt;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jsctp.core.path.PathState;

/**
 * Chooses paths for CMT's data: which path gets the next packet of new data, and where a
 * retransmission goes (draft-tuexen-tsvwg-sctp-multipath section 3: with load sharing the
 * sender uses all active paths for new data at once, each under its own congestion window).
 *
 * <p><b>New data</b> ({@link #nextPathForNewData}): round robin over the active paths that have
 * cwnd room, one packet per turn, in the order of their path identifiers, starting after the
 * path chosen last. A packet per turn is what usrsctp does with CMT on (the golden capture
 * nrsack-cmt.pcapng alternates its first flight between the two destinations). The path's own
 * congestion controller stays the last word on each packet ({@code CongestionController
 * .mayTransmit}); this only names the candidate. With CMT buffer splitting
 * ({@link #nextPathForNewData(List, BufferSplit)}, FreeBSD's {@code sctp_buffer_splitting}) an
 * active path over its share of the send buffer or the peer's window is skipped as one without
 * cwnd room.
 *
 * <p>While no path is active, the potentially failed paths are the candidates (section 6 and RFC
 * 7829 section 5: with every path PF, send on the one with the fewest errors), and without those
 * the inactive ones (RFC 9260 section 6.4: an inactive path when nothing better is left).
 * Unconfirmed paths never carry DATA (RFC 9260 section 5.4).
 *
 * <p><b>Retransmissions</b> ({@link #pathForRetransmission}): by the {@link RetransmissionPolicy}
 * chosen at construction, RTX-SSTHRESH by default.
 *
 * <p>Not thread-safe; one per association, driven from its thread.
 */
public final class CmtScheduler {

    private final RetransmissionPolicy retransmissionPolicy;
    /** The path given the last packet of new data, or -1 before the first. */
    private int lastNewDataPath = -1;

    /** A scheduler with the default retransmission policy, {@link RetransmissionPolicy#RTX_SSTHRESH}. */
    public CmtScheduler() {
        this(RetransmissionPolicy.RTX_SSTHRESH);
    }

    /**
     * A scheduler that picks retransmission destinations by {@code retransmissionPolicy}.
     *
     * @param retransmissionPolicy the policy (draft-tuexen-tsvwg-sctp-multipath / Iyengar's CMT)
     */
    public CmtScheduler(RetransmissionPolicy retransmissionPolicy) {
        this.retransmissionPolicy = Objects.requireNonNull(retransmissionPolicy, "retransmissionPolicy");
    }

    /**
     * {@return how retransmissions choose their path}
     */
    public RetransmissionPolicy retransmissionPolicy() {
        return retransmissionPolicy;
    }

    /**
     * The path to send the next packet of new data on, and makes it the last chosen one; empty
     * when no candidate path has cwnd room (the sender waits for a SACK).
     *
     * @param paths every path of the association, in any order
     * @return the chosen path's identifier
     */
    public OptionalInt nextPathForNewData(List<? extends CmtPathView> paths) {
        return nextPathForNewData(paths, BufferSplit.OFF);
    }

    /**
     * As {@link #nextPathForNewData(List)}, but an active path that {@code split} does not admit
     * (over its share of the buffers, {@link BufferSplit#admits}) is skipped like one without
     * cwnd room. Only the active paths are limited: they are the ones CMT spreads data over; a
     * potentially failed or inactive path chosen while none is active carries the data alone.
     *
     * @param paths every path of the association, in any order
     * @param split the buffer splitting in force, {@link BufferSplit#OFF} for none
     * @return the chosen path's identifier
     */
    public OptionalInt nextPathForNewData(List<? extends CmtPathView> paths, BufferSplit split) {
        Objects.requireNonNull(split, "split");
        PathState tier = candidateTier(paths);
        if (tier == null) {
            return OptionalInt.empty();
        }
        CmtPathView chosen = tier == PathState.ACTIVE ? nextActiveInTurn(paths, split)
                : fewestErrorsWithRoom(paths, tier);
        if (chosen == null) {
            return OptionalInt.empty();
        }
        lastNewDataPath = chosen.pathId();
        return OptionalInt.of(chosen.pathId());
    }

    /**
     * The path a retransmission of a chunk last sent on {@code lostOnPathId} goes to. Among the
     * active paths the {@link RetransmissionPolicy} decides, ties going to a path other than
     * {@code lostOnPathId} and then to the lowest identifier; cwnd room is not required. With no
     * active path, the PF path with the fewest errors, then the inactive one with the fewest.
     *
     * @param paths every path of the association
     * @param lostOnPathId the path the chunk was last sent on (need not be among {@code paths})
     * @return the chosen path, empty only when every path is unconfirmed
     */
    public OptionalInt pathForRetransmission(List<? extends CmtPathView> paths, int lostOnPathId) {
        PathState tier = candidateTier(paths);
        if (tier == null) {
            return OptionalInt.empty();
        }
        if (tier != PathState.ACTIVE) {
            return OptionalInt.of(fewestErrors(paths, tier, lostOnPathId).pathId());
        }
        CmtPathView best = null;
        for (CmtPathView p : paths) {
            if (p.state() == PathState.ACTIVE && (best == null || betterForRetransmission(p, best, lostOnPathId))) {
                best = p;
            }
        }
        return OptionalInt.of(best.pathId());
    }

    private boolean betterForRetransmission(CmtPathView a, CmtPathView b, int lostOnPathId) {
        long va = retransmissionPolicy == RetransmissionPolicy.RTX_SSTHRESH ? a.ssthresh() : a.cwnd();
        long vb = retransmissionPolicy == RetransmissionPolicy.RTX_SSTHRESH ? b.ssthresh() : b.cwnd();
        if (va != vb) {
            return va > vb;
        }
        return preferredOnTie(a, b, lostOnPathId);
    }

    /** Ties: a path other than the one the chunk was lost on, then the lower identifier. */
    private static boolean preferredOnTie(CmtPathView a, CmtPathView b, int lostOnPathId) {
        boolean aOther = a.pathId() != lostOnPathId;
        boolean bOther = b.pathId() != lostOnPathId;
        if (aOther != bOther) {
            return aOther;
        }
        return a.pathId() < b.pathId();
    }

    /** ACTIVE if any path is, else POTENTIALLY_FAILED if any is, else INACTIVE if any, else null. */
    private static PathState candidateTier(List<? extends CmtPathView> paths) {
        boolean pf = false;
        boolean inactive = false;
        for (CmtPathView p : paths) {
            switch (p.state()) {
                case ACTIVE -> {
                    return PathState.ACTIVE;
                }
                case POTENTIALLY_FAILED -> pf = true;
                case INACTIVE -> inactive = true;
                case UNCONFIRMED -> { }
            }
        }
        return pf ? PathState.POTENTIALLY_FAILED : inactive ? PathState.INACTIVE : null;
    }

    /**
     * The first active path with room after the last chosen one, wrapping around the identifiers;
     * room is cwnd room and, with buffer splitting, room in the path's share.
     */
    private CmtPathView nextActiveInTurn(List<? extends CmtPathView> paths, BufferSplit split) {
        int active = BufferSplit.activePaths(paths);
        CmtPathView firstAfter = null;
        CmtPathView lowest = null;
        for (CmtPathView p : paths) {
            if (p.state() != PathState.ACTIVE || !p.hasCwndRoom() || !split.admits(p, active)) {
                continue;
            }
            if (p.pathId() > lastNewDataPath && (firstAfter == null || p.pathId() < firstAfter.pathId())) {
                firstAfter = p;
            }
            if (lowest == null || p.pathId() < lowest.pathId()) {
                lowest = p;
            }
        }
        return firstAfter != null ? firstAfter : lowest;
    }

    private static CmtPathView fewestErrorsWithRoom(List<? extends CmtPathView> paths, PathState tier) {
        CmtPathView best = fewestErrors(paths, tier, -1);
        return best.hasCwndRoom() ? best : null;
    }

    private static CmtPathView fewestErrors(List<? extends CmtPathView> paths, PathState tier, int lostOnPathId) {
        CmtPathView best = null;
        for (CmtPathView p : paths) {
            if (p.state() != tier) {
                continue;
            }
            if (best == null || p.errorCount() < best.errorCount()
                    || (p.errorCount() == best.errorCount() && preferredOnTie(p, best, lostOnPathId))) {
                best = p;
            }
        }
        return best;
    }
}
