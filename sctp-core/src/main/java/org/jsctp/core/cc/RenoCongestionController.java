package org.jsctp.core.cc;

import org.jsctp.core.seq.Tsn;

/**
 * The congestion control of RFC 9260 sections 7.2.1 to 7.2.4 for one path: slow start,
 * congestion avoidance with partial_bytes_acked, halving on loss with fast recovery, collapse to
 * one MTU on a retransmission timeout, and decay of an idle window.
 *
 * <p>Rules implemented, in the words of the sections they come from:
 * <ul>
 *   <li><b>Initial window</b> (7.2.1): min(4 * MTU, max(2 * MTU, 4404)) unless configured
 *       otherwise; ssthresh starts at the value given to the constructor (the RFC asks for an
 *       arbitrarily high value, e.g. the peer's a_rwnd).</li>
 *   <li><b>Slow start</b> (7.2.1), while cwnd &lt;= ssthresh: a SACK that advances the cumulative
 *       TSN ack grows cwnd by min(bytes newly acked, L * MTU), but only if the window was fully
 *       utilized and the path is not in fast recovery. "Fully utilized" means the flight size
 *       before the SACK had reached cwnd: with rule B below a sender held back by cwnd always
 *       ends up there, one that ran out of data or was held back by the peer's rwnd does not.</li>
 *   <li><b>Congestion avoidance</b> (7.2.2), while cwnd &gt; ssthresh: a SACK that advances the
 *       cumulative TSN ack adds the bytes it newly acknowledges (cumulatively or in gap blocks)
 *       to partial_bytes_acked. Once that reaches cwnd: if the window was fully utilized, cwnd
 *       grows by one MTU and partial_bytes_acked drops by the old cwnd; if not, cwnd stays and
 *       partial_bytes_acked is held at cwnd. It returns to 0 whenever nothing is left in flight.</li>
 *   <li><b>No adjustment without progress</b> (7.2.1): a SACK that does not advance the
 *       cumulative TSN ack changes neither cwnd nor partial_bytes_acked.</li>
 *   <li><b>Fast retransmit</b> (7.2.3, 7.2.4): outside fast recovery, ssthresh = max(cwnd / 2,
 *       4 * MTU), cwnd = ssthresh, partial_bytes_acked = 0, and fast recovery runs until the
 *       cumulative TSN ack reaches the highest TSN outstanding at that moment; further losses
 *       reported meanwhile do not reduce the window again. Note the 4 * MTU floor raises a window
 *       that was below it, as the formula says.</li>
 *   <li><b>T3-rtx expiry</b> (7.2.3): ssthresh = max(cwnd / 2, 4 * MTU), cwnd = 1 * MTU,
 *       partial_bytes_acked = 0, and until data sent to the path is acknowledged only one packet
 *       may be in flight. An expiry also ends fast recovery: the timeout's slow start supersedes it.</li>
 *   <li><b>Idle path</b> (7.2.1, 7.2.2): for every RTO that passes without DATA sent to the path,
 *       cwnd = max(cwnd / 2, 4 * MTU), applied when the next transmission opportunity begins.
 *       This rule only ever lowers the window: one already at or below 4 * MTU is left alone.</li>
 *   <li><b>Sending</b> (6.1 rule B): a packet may go while the flight size is below cwnd, so the
 *       last packet may exceed cwnd by less than one packet.</li>
 *   <li><b>Max.Burst</b> (6.1 rule D): this implementation uses the variant that limits the
 *       number of packets emitted, not the one that lowers cwnd: at most Max.Burst packets carrying
 *       DATA per transmission opportunity (between two {@link #beginTransmission} calls), and
 *       cwnd itself is never changed by it.</li>
 *   <li><b>MTU change</b>: cwnd, ssthresh and partial_bytes_acked are kept; later increments and
 *       floors use the new MTU. RFC 9260 prescribes nothing here.</li>
 * </ul>
 *
 * <p>Fast recovery is kept per path here (as usrsctp does), while RFC 9260 describes one fast
 * recovery per association. The two coincide for a single-homed peer; see the package
 * documentation for multihoming. How the association calls the controller is described on
 * {@link CongestionController}.
 *
 * <p><b>Coupling</b>: built with a {@link WindowCoupling} other than {@link WindowCoupling#NONE},
 * the slow-start increase, the congestion-avoidance increase and the ssthresh after a loss are
 * what the coupling makes of the values above, so the paths of a CMT association share one
 * window's worth of aggressiveness (see {@code org.jsctp.core.cc.coupled}); everything else stays
 * as listed.
 */
public final class RenoCongestionController implements CongestionController {

    private final RenoConfig config;
    private final WindowCoupling coupling;
    private final FastRecovery fastRecovery = new FastRecovery();
    private final IdleTracker idle = new IdleTracker();
    private int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private int packetsThisBurst;
    private boolean onePacketAfterTimeout;

    /**
     * A controller in slow start with the initial window of RFC 9260 section 7.2.1.
     *
     * @param config MTU, initial window, Max.Burst and L
     * @param initialSsthresh the initial slow-start threshold, e.g. the a_rwnd of the peer's INIT or
     *                        INIT ACK (RFC 9260 section 7.2.1)
     */
    public RenoCongestionController(RenoConfig config, long initialSsthresh) {
        this(config, initialSsthresh, WindowCoupling.NONE);
    }

    /**
     * A controller in slow start with the initial window of RFC 9260 section 7.2.1 whose increases
     * and decreases go through a coupling with the association's other paths.
     *
     * @param config MTU, initial window, Max.Burst and L
     * @param initialSsthresh the initial slow-start threshold, e.g. the a_rwnd of the peer's INIT or
     *                        INIT ACK (RFC 9260 section 7.2.1)
     * @param coupling the coupling of the window with other paths, {@link WindowCoupling#NONE} for none
     */
    public RenoCongestionController(RenoConfig config, long initialSsthresh, WindowCoupling coupling) {
        if (initialSsthresh <= 0) {
            throw new IllegalArgumentException("initial ssthresh must be positive, got " + initialSsthresh);
        }
        if (coupling == null) {
            throw new IllegalArgumentException("coupling must not be null (WindowCoupling.NONE for none)");
        }
        this.config = config;
        this.coupling = coupling;
        this.mtu = config.mtu();
        this.cwnd = config.initialWindow(); // RFC 9260 section 7.2.1
        this.ssthresh = initialSsthresh;
    }

    @Override
    public void beginTransmission(long nowNanos, long rtoNanos) {
        if (rtoNanos <= 0) {
            throw new IllegalArgumentException("RTO must be positive, got " + rtoNanos);
        }
        packetsThisBurst = 0; // RFC 9260 section 6.1 rule D: a new opportunity, a new burst
        long periods = idle.takeIdleRtos(nowNanos, rtoNanos);
        // RFC 9260 section 7.2.1: max(cwnd / 2, 4 * MTU) per RTO without sending; only ever a reduction
        long floor = 4L * mtu;
        for (long i = 0; i < periods && cwnd > floor; i++) {
            cwnd = Math.max(cwnd / 2, floor);
        }
    }

    @Override
    public SendPermit mayTransmit(long flightSize) {
        requireNonNegative(flightSize, "flight size");
        if (onePacketAfterTimeout && flightSize > 0) {
            return SendPermit.ONE_PACKET_AFTER_TIMEOUT; // RFC 9260 section 7.2.3
        }
        if (flightSize >= cwnd) {
            return SendPermit.CWND_FULL; // RFC 9260 section 6.1 rule B
        }
        if (config.maxBurst() > 0 && packetsThisBurst >= config.maxBurst()) {
            return SendPermit.BURST_LIMIT; // RFC 9260 section 6.1 rule D
        }
        return SendPermit.ALLOWED;
    }

    @Override
    public void onDataSent(long nowNanos, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a DATA packet adds a positive number of bytes, got " + bytes);
        }
        if (packetsThisBurst < Integer.MAX_VALUE) {
            packetsThisBurst++;
        }
        idle.onDataSent(nowNanos);
    }

    @Override
    public void onSack(long nowNanos, Tsn cumulativeTsnAck, boolean cumulativeAckAdvanced, long bytesNewlyAcked,
                       long flightSizeBeforeSack, long flightSizeAfterSack) {
        onSack(nowNanos, cumulativeTsnAck.value(), cumulativeAckAdvanced, bytesNewlyAcked, flightSizeBeforeSack,
                flightSizeAfterSack);
    }

    @Override
    public void onSack(long nowNanos, int cumulativeTsnAck, boolean cumulativeAckAdvanced, long bytesNewlyAcked,
                       long flightSizeBeforeSack, long flightSizeAfterSack) {
        requireNonNegative(bytesNewlyAcked, "bytes newly acked");
        requireNonNegative(flightSizeBeforeSack, "flight size before the SACK");
        requireNonNegative(flightSizeAfterSack, "flight size after the SACK");
        if (bytesNewlyAcked > 0) {
            onePacketAfterTimeout = false; // RFC 9260 section 7.2.3: delivery to the path acknowledged
        }
        fastRecovery.exitIfCovered(cumulativeTsnAck); // RFC 9260 section 7.2.4 step 6
        // RFC 9260 section 7.2.1: a SACK that does not advance the cumulative TSN ack adjusts no cwnd
        if (cumulativeAckAdvanced && bytesNewlyAcked > 0) {
            boolean fullyUtilized = flightSizeBeforeSack >= cwnd;
            if (cwnd <= ssthresh) {
                slowStart(bytesNewlyAcked, fullyUtilized);
            } else {
                congestionAvoidance(bytesNewlyAcked, fullyUtilized);
            }
        }
        if (flightSizeAfterSack == 0) {
            partialBytesAcked = 0; // RFC 9260 section 7.2.2: all data sent has been acknowledged
        }
    }

    private void slowStart(long bytesNewlyAcked, boolean fullyUtilized) {
        // RFC 9260 section 7.2.1: grow only if cwnd was fully utilized and not in fast recovery,
        // by at most the bytes acknowledged (against ACK splitting) and at most L * MTU
        if (fullyUtilized && !fastRecovery.isActive()) {
            long renoIncrease = Math.min(bytesNewlyAcked, (long) config.slowStartIncreaseLimit() * mtu);
            cwnd += coupling.slowStartIncrease(cwnd, ssthresh, renoIncrease, mtu);
        }
    }

    private void congestionAvoidance(long bytesNewlyAcked, boolean fullyUtilized) {
        partialBytesAcked += bytesNewlyAcked; // RFC 9260 section 7.2.2, cumulative and gap-acked bytes
        if (partialBytesAcked >= cwnd) {
            if (fullyUtilized) {
                // RFC 9260 section 7.2.2: a whole cwnd acknowledged while cwnd-limited, one MTU more
                long increase = coupling.congestionAvoidanceIncrease(cwnd, ssthresh, mtu, mtu);
                partialBytesAcked -= cwnd;
                cwnd += increase;
            } else {
                // RFC 9260 section 7.2.2: not cwnd-limited, the count is held at cwnd
                partialBytesAcked = cwnd;
            }
        }
    }

    @Override
    public boolean onFastRetransmit(long nowNanos, Tsn highestOutstandingTsn) {
        if (fastRecovery.isActive()) {
            return false; // RFC 9260 section 7.2.4 step 6: no second reduction in the same recovery
        }
        reduceForLoss(); // RFC 9260 section 7.2.4 step 2
        cwnd = ssthresh;  // RFC 9260 section 7.2.3, loss detected from a SACK
        fastRecovery.enter(highestOutstandingTsn); // RFC 9260 section 7.2.4 step 6
        return true;
    }

    @Override
    public void onRetransmissionTimeout(long nowNanos) {
        reduceForLoss();  // RFC 9260 section 7.2.3, T3-rtx expiry
        cwnd = mtu;
        onePacketAfterTimeout = true;
        fastRecovery.cancel();
    }

    private void reduceForLoss() {
        // RFC 9260 section 7.2.3, unless a coupling with the other paths says otherwise
        ssthresh = coupling.ssthreshAfterLoss(cwnd, ssthresh, Math.max(cwnd / 2, 4L * mtu), mtu);
        partialBytesAcked = 0;
    }

    @Override
    public void onMtuChange(int newMtu) {
        if (newMtu <= 0) {
            throw new IllegalArgumentException("MTU must be positive, got " + newMtu);
        }
        mtu = newMtu;
    }

    @Override
    public long cwnd() {
        return cwnd;
    }

    @Override
    public long ssthresh() {
        return ssthresh;
    }

    @Override
    public boolean inFastRecovery() {
        return fastRecovery.isActive();
    }

    /** {@return the TSN whose cumulative acknowledgement ends fast recovery; only while {@link #inFastRecovery()}} */
    public Tsn fastRecoveryExitPoint() {
        return fastRecovery.exitPoint();
    }

    /** {@return partial_bytes_acked of RFC 9260 section 7.2.2.} */
    public long partialBytesAcked() {
        return partialBytesAcked;
    }

    /** {@return the MTU the formulas currently use} */
    public int mtu() {
        return mtu;
    }

    /** {@return the configuration this controller was built with (its MTU is the initial one)} */
    public RenoConfig config() {
        return config;
    }

    @Override
    public void checkInvariants() {
        if (mtu <= 0) {
            throw new IllegalStateException("MTU not positive: " + this);
        }
        if (cwnd <= 0 || ssthresh <= 0) {
            throw new IllegalStateException("cwnd and ssthresh must stay positive: " + this);
        }
        if (partialBytesAcked < 0) {
            throw new IllegalStateException("negative partial_bytes_acked: " + this);
        }
        if (packetsThisBurst < 0) {
            throw new IllegalStateException("negative burst count: " + this);
        }
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }

    @Override
    public String toString() {
        return "Reno[cwnd=" + cwnd + ", ssthresh=" + ssthresh + ", pba=" + partialBytesAcked + ", mtu=" + mtu
                + ", recovery=" + fastRecovery + (onePacketAfterTimeout ? ", one packet after T3" : "")
                + (coupling == WindowCoupling.NONE ? "" : ", " + coupling) + "]";
    }
}
