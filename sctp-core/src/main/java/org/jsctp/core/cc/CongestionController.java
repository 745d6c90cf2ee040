package org.jsctp.core.cc;

import org.jsctp.core.seq.Tsn;

/**
 * Congestion control of one path (one destination transport address) of an association: what
 * the association tells it, and what it asks before sending DATA (RFC 9260 sections 6.1 and 7).
 *
 * <p>The association keeps one controller per path. The controller owns cwnd, ssthresh and
 * whatever state its algorithm needs; the association owns the flight size (the bytes of DATA
 * chunks sent to the path and neither acknowledged nor marked for retransmission) and passes it in
 * where a decision depends on it, so the two never keep competing copies. All sizes are bytes,
 * counted as the association counts its flight size; all times are nanoseconds on the
 * association's monotonic clock.
 *
 * <h2>How the association calls a controller</h2>
 *
 * <ol>
 *   <li><b>On every SACK</b> (or NR-SACK), after working out which chunks it newly acknowledges:
 *       call {@link #onSack} once for <em>every</em> path of the association, also those with
 *       nothing newly acknowledged (they still need the cumulative TSN ack to leave fast recovery,
 *       and their flight size to reset counters).</li>
 *   <li>Then, if loss detection on that SACK marked chunks for fast retransmit (RFC 9260 section
 *       7.2.4), call {@link #onFastRetransmit} on each path those chunks were last sent to. When it
 *       returns {@code true}, send one packet of the marked chunks at once without asking
 *       {@link #mayTransmit} (section 7.2.4 step 3), reporting it with {@link #onDataSent}.</li>
 *   <li><b>On a T3-rtx expiry</b> of a path: call {@link #onRetransmissionTimeout} before
 *       retransmitting (section 6.3.3 rule E1), and remove the chunks marked for retransmission from
 *       the flight size.</li>
 *   <li><b>At every transmission opportunity</b> (after a SACK, a send call of the application, a
 *       timer), for each path about to send: call {@link #beginTransmission} once, then for each
 *       packet carrying DATA ask {@link #mayTransmit} with the current flight size, and after
 *       sending it call {@link #onDataSent}. Retransmissions go before new data (section 6.1
 *       rule C) and are subject to the same answer.</li>
 *   <li>When path MTU discovery changes the path's MTU: {@link #onMtuChange}.</li>
 * </ol>
 *
 * <p>Controllers are not thread-safe; like the rest of the core they are driven from one thread.
 */
public interface CongestionController {

    /**
     * Starts a transmission opportunity on this path: applies any reduction due to the path having
     * been idle (RFC 9260 section 7.2.1) and opens a new Max.Burst budget (section 6.1 rule D).
     *
     * @param nowNanos the current time
     * @param rtoNanos the path's current RTO, the unit of idle time
     */
    void beginTransmission(long nowNanos, long rtoNanos);

    /**
     * {@return whether one more packet of DATA may be sent to this path now (RFC 9260 section 6.1 rules B
     * and D, section 7.2.3)}
     *
     * @param flightSize the bytes currently in flight on this path, before the packet
     */
    SendPermit mayTransmit(long flightSize);

    /**
     * Reports a packet carrying DATA (new or retransmitted) that was sent to this path.
     *
     * @param nowNanos when it was sent
     * @param bytes the DATA bytes it added to the flight size
     */
    void onDataSent(long nowNanos, long bytes);

    /**
     * Reports a received SACK, as it concerns this path.
     *
     * @param nowNanos when the SACK arrived
     * @param cumulativeTsnAck the association's cumulative TSN ack point after this SACK
     * @param cumulativeAckAdvanced whether this SACK advanced the cumulative TSN ack point
     * @param bytesNewlyAcked the bytes of chunks last sent to this path that this SACK acknowledges
     *                        for the first time, by its cumulative ack or its gap blocks
     * @param flightSizeBeforeSack this path's flight size just before the SACK was processed
     * @param flightSizeAfterSack this path's flight size after the SACK was processed
     */
    void onSack(long nowNanos, Tsn cumulativeTsnAck, boolean cumulativeAckAdvanced, long bytesNewlyAcked,
                long flightSizeBeforeSack, long flightSizeAfterSack);

    /**
     * As {@link #onSack(long, Tsn, boolean, long, long, long)}, with the cumulative TSN ack as its
     * 32 bits, as the sender's SACK path has it (no {@code Tsn} per SACK, issue 6). The default
     * makes the {@code Tsn}; a controller that compares the number wrap-safe itself overrides it.
     *
     * @param nowNanos when the SACK arrived
     * @param cumulativeTsnAckValue the association's cumulative TSN ack point after this SACK, its 32 bits
     * @param cumulativeAckAdvanced whether this SACK advanced the cumulative TSN ack point
     * @param bytesNewlyAcked the bytes of chunks last sent to this path that this SACK acknowledges
     *                        for the first time, by its cumulative ack or its gap blocks
     * @param flightSizeBeforeSack this path's flight size just before the SACK was processed
     * @param flightSizeAfterSack this path's flight size after the SACK was processed
     */
    default void onSack(long nowNanos, int cumulativeTsnAckValue, boolean cumulativeAckAdvanced, long bytesNewlyAcked,
                        long flightSizeBeforeSack, long flightSizeAfterSack) {
        onSack(nowNanos, new Tsn(cumulativeTsnAckValue), cumulativeAckAdvanced, bytesNewlyAcked, flightSizeBeforeSack,
                flightSizeAfterSack);
    }

    /**
     * Reports that chunks last sent to this path were marked for fast retransmit (RFC 9260 section
     * 7.2.4).
     *
     * @param nowNanos when the SACK that revealed the loss arrived
     * @param highestOutstandingTsn the highest TSN outstanding in the association, the fast recovery
     *                              exit point
     * @return {@code true} if the window was reduced and fast recovery entered, so one packet of
     *         retransmissions goes out at once; {@code false} if the path was already in fast
     *         recovery, where a further loss changes nothing
     */
    boolean onFastRetransmit(long nowNanos, Tsn highestOutstandingTsn);

    /**
     * Reports that the path's T3-rtx timer expired (RFC 9260 sections 6.3.3 rule E1 and 7.2.3).
     *
     * @param nowNanos the current time
     */
    void onRetransmissionTimeout(long nowNanos);

    /**
     * Reports a new MTU for the path.
     *
     * @param newMtu the path MTU in bytes
     */
    void onMtuChange(int newMtu);

    /** {@return the congestion window} */
    long cwnd();

    /** {@return the slow-start threshold} */
    long ssthresh();

    /** {@return whether the path is in fast recovery (RFC 9260 section 7.2.4)} */
    boolean inFastRecovery();

    /** Throws {@link IllegalStateException} if the internal state is inconsistent. */
    void checkInvariants();
}
