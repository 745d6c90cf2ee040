package org.jsctp.core.tx;

/**
 * Retransmission timeout of one path, from RTT measurements (RFC 9260 section 6.3.1).
 *
 * <p>All times are nanoseconds. The estimator starts at RTO.Initial; the first measurement R
 * sets SRTT = R and RTTVAR = R/2 (rule C2), later ones smooth with alpha = 1/8 and beta = 1/4
 * (rule C3); RTO = SRTT + max(G, 4 * RTTVAR) with G the clock granularity, clamped to
 * [RTO.Min, RTO.Max] (rules C6 and C7). A T3-rtx expiry doubles the RTO up to RTO.Max (section
 * 6.3.3, rule E2); the next measurement recomputes it from SRTT and RTTVAR.
 */
public final class RtoEstimator {

    /** RFC 9260 section 16: RTO.Initial is 1 second. */
    public static final long DEFAULT_INITIAL_NANOS = 1_000_000_000L;
    /** RFC 9260 section 16: RTO.Min is 1 second. */
    public static final long DEFAULT_MIN_NANOS = 1_000_000_000L;
    /** RFC 9260 section 16: RTO.Max is 60 seconds. */
    public static final long DEFAULT_MAX_NANOS = 60_000_000_000L;
    /** Clock granularity G used when RTTVAR rounds to nothing: 1 ms. */
    public static final long DEFAULT_GRANULARITY_NANOS = 1_000_000L;

    private final long minNanos;
    private final long maxNanos;
    private final long granularityNanos;
    private long rtoNanos;
    private long srttNanos;
    private long rttvarNanos;
    private boolean measured;

    /** RTO.Initial, RTO.Min and RTO.Max of RFC 9260 section 16. */
    public RtoEstimator() {
        this(DEFAULT_INITIAL_NANOS, DEFAULT_MIN_NANOS, DEFAULT_MAX_NANOS, DEFAULT_GRANULARITY_NANOS);
    }

    /**
     * An estimator with these RTO bounds (RFC 9260 section 6.3.1).
     *
     * @param initialNanos RTO.Initial
     * @param minNanos RTO.Min, positive
     * @param maxNanos RTO.Max
     * @param granularityNanos the clock granularity G, 0 or more
     * @throws IllegalArgumentException unless 0 &lt; RTO.Min &lt;= RTO.Initial &lt;= RTO.Max and G &gt;= 0
     */
    public RtoEstimator(long initialNanos, long minNanos, long maxNanos, long granularityNanos) {
        if (minNanos <= 0 || minNanos > maxNanos || initialNanos < minNanos || initialNanos > maxNanos
                || granularityNanos < 0) {
            throw new IllegalArgumentException("need 0 < RTO.Min <= RTO.Initial <= RTO.Max and G >= 0, got initial="
                    + initialNanos + " min=" + minNanos + " max=" + maxNanos + " G=" + granularityNanos);
        }
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.granularityNanos = granularityNanos;
        this.rtoNanos = initialNanos;
    }

    /**
     * Feeds one RTT measurement (rules C2 and C3); negative samples are ignored.
     *
     * @param rttNanos the RTT sample in nanoseconds
     */
    public void onRttMeasurement(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        if (!measured) {
            srttNanos = rttNanos;          // C2: SRTT <- R
            rttvarNanos = rttNanos / 2;    // C2: RTTVAR <- R/2
            measured = true;
        } else {
            // C3: RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|, then SRTT <- (1 - alpha) * SRTT + alpha * R'
            rttvarNanos = rttvarNanos - (rttvarNanos >> 2) + (Math.abs(srttNanos - rttNanos) >> 2);
            srttNanos = srttNanos - (srttNanos >> 3) + (rttNanos >> 3);
        }
        long rto = srttNanos + Math.max(granularityNanos, 4 * rttvarNanos); // C3 with the G floor
        rtoNanos = clamp(rto);
    }

    /** T3-rtx expired: back off (section 6.3.3, rule E2). */
    public void backOff() {
        rtoNanos = clamp(rtoNanos > maxNanos / 2 ? maxNanos : rtoNanos * 2);
    }

    /** {@return the current RTO} */
    public long rtoNanos() {
        return rtoNanos;
    }

    /** {@return smoothed RTT, or 0 before the first measurement} */
    public long srttNanos() {
        return srttNanos;
    }

    /** {@return RTT variation, or 0 before the first measurement} */
    public long rttvarNanos() {
        return rttvarNanos;
    }

    /** {@return whether any RTT has been measured yet} */
    public boolean hasMeasurement() {
        return measured;
    }

    private long clamp(long rto) {
        return Math.min(maxNanos, Math.max(minNanos, rto)); // C6, C7
    }
}
