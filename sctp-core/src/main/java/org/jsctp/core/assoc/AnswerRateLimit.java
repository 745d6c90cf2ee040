package org.jsctp.core.assoc;

/**
 * How many answers to out-of-the-blue packets the endpoint may send: at most {@code perSecond}
 * on average, with bursts of up to one second's worth. RFC 9260 section 8.4 asks for its ABORT
 * and SHUTDOWN COMPLETE answers with a SHOULD, not a MUST, so a flood of spoofed packets need not
 * be reflected at its victim one for one: beyond the limit, packets go unanswered.
 *
 * <p>The limit is kept as the time at which the bucket would be empty again (the generic cell
 * rate algorithm): each answer moves it one interval later, and an answer is allowed while it is
 * at most one second ahead of now. On the injected clock only, wrap-safe in its differences.
 */
final class AnswerRateLimit {

    private static final long SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private long emptyAtNanos;

    /**
     * A full bucket.
     *
     * @param perSecond answers allowed per second on average; 0 allows none
     * @param nowNanos the current time
     */
    AnswerRateLimit(int perSecond, long nowNanos) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("answers per second must not be negative: " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : Math.max(1, SECOND / perSecond);
        this.emptyAtNanos = nowNanos - SECOND;
    }

    /**
     * Takes one answer's worth, if there is one.
     *
     * @param nowNanos the current time (a clock read on another thread may lag a little: that only delays the refill)
     * @return whether the answer may be sent
     */
    boolean tryAcquire(long nowNanos) {
        if (intervalNanos == 0) {
            return false;
        }
        if (emptyAtNanos - nowNanos < 0) {
            emptyAtNanos = nowNanos; // idle for a while: the bucket is full, not fuller
        }
        if (emptyAtNanos + intervalNanos - nowNanos > SECOND) {
            return false;
        }
        emptyAtNanos += intervalNanos;
        return true;
    }
}
