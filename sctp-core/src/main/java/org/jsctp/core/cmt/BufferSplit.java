package org.jsctp.core.cmt;

import java.util.List;
import java.util.Objects;
import org.jsctp.core.path.PathState;

/**
 * CMT buffer splitting (FreeBSD's {@code sctp_buffer_splitting}, see {@link CmtBufferSplitting}):
 * the share of the buffers one active path may hold in flight, and whether a path may take
 * another packet of new data.
 *
 * <p><b>The share.</b> With send buffer splitting a path's share is the send buffer divided by
 * the number of active paths; with receive buffer splitting, the peer's last advertised
 * receiver window (a_rwnd, RFC 9260 section 6.2) divided by it; with both, the smaller of the
 * two. FreeBSD divides by all the peer's addresses; here only the active paths count, since only
 * they carry new data (draft-tuexen-tsvwg-sctp-multipath section 3) and a failed path's share
 * would go unused.
 *
 * <p><b>The rule.</b> A path may take a packet of new data only while a whole packet of its MTU
 * still fits its share on top of its flight size, so its flight size never exceeds the share;
 * a path with nothing in flight may always take one (like RFC 9260 section 6.1 rule A's one
 * packet with nothing outstanding), so a share below one packet cannot stall the association.
 * FreeBSD instead skips a path once its flight size exceeds the share, so its flight can pass it
 * by one packet. The scheduler skips a path over its share as one without cwnd room
 * ({@link CmtScheduler#nextPathForNewData(java.util.List, BufferSplit)}).
 *
 * @param mode which buffers are split
 * @param sendBufferBytes the association's send buffer in bytes
 * @param peerWindowBytes the peer's last advertised receiver window in bytes
 */
public record BufferSplit(CmtBufferSplitting mode, long sendBufferBytes, long peerWindowBytes) {

    /** No splitting: every path may take new data as far as this rule goes. */
    public static final BufferSplit OFF = new BufferSplit(CmtBufferSplitting.NONE, Long.MAX_VALUE, Long.MAX_VALUE);

    /**
     * Checks the values.
     *
     * @param mode which buffers are split
     * @param sendBufferBytes the association's send buffer in bytes, not negative
     * @param peerWindowBytes the peer's last advertised receiver window in bytes, not negative
     * @throws IllegalArgumentException if a size is negative
     */
    public BufferSplit {
        Objects.requireNonNull(mode, "mode");
        if (sendBufferBytes < 0 || peerWindowBytes < 0) {
            throw new IllegalArgumentException("negative buffer: " + sendBufferBytes + ", " + peerWindowBytes);
        }
    }

    /**
     * The most bytes one path may hold in flight when {@code activePaths} paths are active;
     * {@link Long#MAX_VALUE} without splitting.
     *
     * @param activePaths the number of active paths, at least 1
     * @return the share in bytes
     * @throws IllegalArgumentException if {@code activePaths} is below 1
     */
    public long shareBytes(int activePaths) {
        if (activePaths < 1) {
            throw new IllegalArgumentException("activePaths must be at least 1: " + activePaths);
        }
        long share = Long.MAX_VALUE;
        if (mode.splitsSendBuffer()) {
            share = Math.min(share, sendBufferBytes / activePaths); // FreeBSD bit 0x1
        }
        if (mode.splitsReceiveWindow()) {
            share = Math.min(share, peerWindowBytes / activePaths); // FreeBSD bit 0x2
        }
        return share;
    }

    /**
     * {@return how many of {@code paths} are active: the paths CMT spreads new data over, among
     * which the buffers are split}
     *
     * @param paths the association's paths
     */
    public static int activePaths(List<? extends CmtPathView> paths) {
        int active = 0;
        for (CmtPathView p : paths) {
            active += p.state() == PathState.ACTIVE ? 1 : 0;
        }
        return active;
    }

    /**
     * Whether {@code path} may take a packet of new data: nothing in flight on it, or its flight
     * size plus one packet of its MTU within its share.
     *
     * @param path the path
     * @param activePaths the number of active paths, at least 1
     * @return whether the path is within its share
     */
    public boolean admits(CmtPathView path, int activePaths) {
        if (mode == CmtBufferSplitting.NONE || path.flightSize() == 0) {
            return true;
        }
        return path.flightSize() <= shareBytes(activePaths) - path.mtu();
    }
}
