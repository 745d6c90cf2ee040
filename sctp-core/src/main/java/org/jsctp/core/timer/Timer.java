package org.jsctp.core.timer;

/**
 * One protocol timer on the injected clock: T1-init, T1-cookie, T2-shutdown, T3-rtx, T5, the
 * heartbeat and delayed-SACK timers (RFC 9260 sections 5.1, 6.2, 6.3, 8.3, 9.2).
 *
 * <p>A timer holds a deadline; nothing fires by itself. The association asks {@link Timers} for
 * the earliest deadline, the I/O layer wakes it then, and the association calls
 * {@link #expire(long)} on each timer whose deadline has passed. With {@link Backoff#EXPONENTIAL}
 * each expiry doubles the duration up to a maximum (RFC 9260 section 6.3.3 E2, section 5.1 for
 * T1); the number of consecutive expiries is counted against a limit such as
 * Max.Init.Retransmits, and {@link #start} after a success resets both.
 */
public final class Timer {

    /** How the duration grows with each expiry. */
    public enum Backoff {
        /** The duration stays the same. */
        NONE,
        /** The duration doubles, up to the maximum. */
        EXPONENTIAL
    }

    /** What {@link #expire(long)} did. */
    public enum Expiry {
        /** The deadline had not passed: nothing happened. */
        NOT_DUE,
        /** The timer expired and was armed again with its backed-off duration. */
        RESTARTED,
        /** The timer expired and is now stopped (it does not restart by itself). */
        STOPPED,
        /** The timer expired more often than its limit allows: it is stopped. */
        LIMIT_REACHED
    }

    /** Deadline of a timer that is not running. */
    public static final long NEVER = Long.MAX_VALUE;

    private final String name;
    private final Backoff backoff;
    private final boolean restartsOnExpiry;
    private final int maxExpirations;
    private long baseDurationNanos;
    private long maxDurationNanos;
    private long durationNanos;
    private long deadline = NEVER;
    private int expirations;

    /**
     * A stopped timer.
     *
     * @param name for logs, e.g. "T1-init"
     * @param durationNanos the initial duration
     * @param maxDurationNanos the cap for backoff (RTO.Max for T1 and T3)
     * @param backoff whether expiries double the duration
     * @param restartsOnExpiry whether an expiry re-arms the timer (T1 does; T3 is re-armed by the association)
     * @param maxExpirations consecutive expiries allowed before {@link Expiry#LIMIT_REACHED}, or -1 for no limit
     */
    public Timer(String name, long durationNanos, long maxDurationNanos, Backoff backoff, boolean restartsOnExpiry,
                 int maxExpirations) {
        if (durationNanos <= 0 || maxDurationNanos < durationNanos) {
            throw new IllegalArgumentException(name + ": need 0 < duration <= max duration, got " + durationNanos
                    + " and " + maxDurationNanos);
        }
        if (maxExpirations < -1) {
            throw new IllegalArgumentException(name + ": maxExpirations must be -1 (no limit) or at least 0");
        }
        this.name = name;
        this.baseDurationNanos = durationNanos;
        this.maxDurationNanos = maxDurationNanos;
        this.durationNanos = durationNanos;
        this.backoff = backoff;
        this.restartsOnExpiry = restartsOnExpiry;
        this.maxExpirations = maxExpirations;
    }

    /**
     * Arms the timer from {@code nowNanos} with its base duration, forgetting earlier expiries.
     *
     * @param nowNanos the current time
     */
    public void start(long nowNanos) {
        durationNanos = baseDurationNanos;
        expirations = 0;
        deadline = nowNanos + durationNanos;
    }

    /**
     * Arms the timer from {@code nowNanos} with its current (possibly backed-off) duration.
     *
     * @param nowNanos the current time
     */
    public void restart(long nowNanos) {
        deadline = nowNanos + durationNanos;
    }

    /**
     * Arms the timer unless it is already running.
     *
     * @param nowNanos the current time
     */
    public void startIfStopped(long nowNanos) {
        if (!isRunning()) {
            start(nowNanos);
        }
    }

    /**
     * Disarms the timer; its expiry count is kept until the next {@link #start}.
     */
    public void stop() {
        deadline = NEVER;
    }

    /**
     * Changes the base duration (e.g. a new RTO) for the next {@link #start}; a running deadline is kept.
     *
     * @param durationNanos the base duration, positive
     * @param maxDurationNanos the back-off cap, at least {@code durationNanos}
     * @throws IllegalArgumentException if the durations are out of range
     */
    public void setDuration(long durationNanos, long maxDurationNanos) {
        if (durationNanos <= 0 || maxDurationNanos < durationNanos) {
            throw new IllegalArgumentException(name + ": need 0 < duration <= max duration");
        }
        this.baseDurationNanos = durationNanos;
        this.maxDurationNanos = maxDurationNanos;
        this.durationNanos = Math.min(Math.max(this.durationNanos, durationNanos), maxDurationNanos);
    }

    /**
     * Handles the timer at {@code nowNanos}: expires it if its deadline has passed.
     *
     * @param nowNanos the current time
     * @return what happened
     */
    public Expiry expire(long nowNanos) {
        if (deadline == NEVER || nowNanos < deadline) {
            return Expiry.NOT_DUE;
        }
        expirations++;
        if (backoff == Backoff.EXPONENTIAL) {
            durationNanos = durationNanos > maxDurationNanos / 2 ? maxDurationNanos : durationNanos * 2;
        }
        if (maxExpirations >= 0 && expirations > maxExpirations) {
            deadline = NEVER;
            return Expiry.LIMIT_REACHED;
        }
        if (restartsOnExpiry) {
            deadline = nowNanos + durationNanos;
            return Expiry.RESTARTED;
        }
        deadline = NEVER;
        return Expiry.STOPPED;
    }

    /**
     * {@return whether the timer is armed}
     */
    public boolean isRunning() {
        return deadline != NEVER;
    }

    /** {@return when the timer expires, or {@link #NEVER}} */
    public long deadline() {
        return deadline;
    }

    /** {@return consecutive expiries since the last {@link #start}} */
    public int expirations() {
        return expirations;
    }

    /** {@return the duration the next (re)start will use} */
    public long durationNanos() {
        return durationNanos;
    }

    /**
     * {@return the timer's name, e.g. "T3-rtx"}
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + (isRunning() ? "@" + deadline : "(stopped)") + " x" + expirations;
    }
}
