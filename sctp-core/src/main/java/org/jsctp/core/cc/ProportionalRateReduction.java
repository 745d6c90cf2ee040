package org.jsctp.core.cc;

/**
 * The proportional part of Proportional Rate Reduction (RFC 6937 section 3) for one path in Fast
 * Recovery: while the flight size is at or above cwnd, chunks marked for retransmission may still
 * go, in proportion to the data the SACKs report delivered, so that recovery sends about
 * ssthresh / RecoverFS of what leaves the network (half of it with Reno's halving).
 *
 * <p>Why SCTP needs it: RFC 9260 section 7.2.4 sends one packet when Fast Recovery starts (step
 * 3) and leaves the other marked chunks to "as soon as cwnd allows" (step 5). When a SACK cannot
 * report every Gap Ack Block (more holes than fit the path MTU, section 6.2), the chunks the
 * receiver holds above its last reported block count in the sender's flight size; after the
 * halving that flight can stay above cwnd with nothing left in the network to bring a SACK, and
 * only T3-rtx ends the wait. Here every SACK that reports delivered data (a repaired hole
 * advancing the cumulative ack, and with it blocks the receiver can now report) clocks out
 * retransmissions, as RFC 6937 section 3 lets delivered data clock out segments regardless of
 * pipe: {@code sndcnt = ceil(prr_delivered * ssthresh / RecoverFS) - prr_out}.
 *
 * <p>Only the proportional branch is used, and only for retransmissions: when the flight size is
 * below cwnd, RFC 9260's own rules apply unchanged (PRR's slow-start branch is not needed, cwnd
 * equals ssthresh after the halving). Off by default ({@code AssociationConfig.proportionalRateReduction}).
 */
public final class ProportionalRateReduction {

    private boolean active;
    private long recoverFs;
    private long ssthresh;
    private long delivered;
    private long out;

    /** Not in Fast Recovery. */
    public ProportionalRateReduction() {
    }

    /**
     * Fast Recovery starts on the path (RFC 6937 section 3.1 initialisation).
     *
     * @param flightSizeAtStart RecoverFS: the flight size when the loss was detected
     * @param ssthreshAfterReduction the path's new ssthresh
     */
    public void enter(long flightSizeAtStart, long ssthreshAfterReduction) {
        active = true;
        recoverFs = Math.max(1, flightSizeAtStart);
        ssthresh = Math.max(0, ssthreshAfterReduction);
        delivered = 0;
        out = 0;
    }

    /** Fast Recovery ended (its exit point acknowledged, or a T3-rtx expiry superseded it). */
    public void exit() {
        active = false;
    }

    /**
     * {@return whether Fast Recovery with PRR is in progress}
     */
    public boolean isActive() {
        return active;
    }

    /**
     * A SACK reported {@code bytes} newly delivered on the path: prr_delivered grows.
     *
     * @param bytes newly delivered bytes
     */
    public void onDelivered(long bytes) {
        if (active && bytes > 0) {
            delivered += bytes;
        }
    }

    /**
     * DATA of {@code bytes} went out on the path during recovery: prr_out grows.
     *
     * @param bytes DATA bytes sent
     */
    public void onSent(long bytes) {
        if (active && bytes > 0) {
            out += bytes;
        }
    }

    /**
     * {@return whether one more packet may go: sndcnt is positive (the packet may exceed it by less than a
     * packet, as RFC 9260 section 6.1 rule B lets the last packet exceed cwnd)}
     */
    public boolean allowsPacket() {
        if (!active) {
            return false;
        }
        long allowed = (long) Math.ceil(delivered * (double) ssthresh / recoverFs); // RFC 6937 section 3.1
        return allowed - out > 0;
    }

    @Override
    public String toString() {
        return active ? "PRR[delivered=" + delivered + ", out=" + out + ", recoverFs=" + recoverFs + ", ssthresh="
                + ssthresh + "]" : "PRR[off]";
    }
}
