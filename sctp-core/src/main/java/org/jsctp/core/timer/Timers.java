package org.jsctp.core.timer;

import java.util.ArrayList;
import java.util.List;

/**
 * The timers of one association, so that it can report a single next deadline to the I/O layer
 * (the minimum over its timers) and find those that are due.
 */
public final class Timers {

    private final List<Timer> timers = new ArrayList<>();

    /** No timers yet. */
    public Timers() {
    }

    /**
     * Registers and returns a timer.
     *
     * @param timer the timer
     * @return {@code timer}
     */
    public Timer add(Timer timer) {
        timers.add(timer);
        return timer;
    }

    /**
     * Forgets a timer, e.g. the T3-rtx of a removed path.
     *
     * @param timer the timer
     */
    public void remove(Timer timer) {
        timers.remove(timer);
    }

    /** {@return the earliest deadline of any running timer, or {@link Timer#NEVER}} */
    public long nextDeadline() {
        long next = Timer.NEVER;
        for (int i = 0; i < timers.size(); i++) {
            next = Math.min(next, timers.get(i).deadline());
        }
        return next;
    }

    /**
     * {@return the timers due at {@code nowNanos}, earliest deadline first}
     *
     * @param nowNanos the current time
     */
    public List<Timer> due(long nowNanos) {
        List<Timer> due = new ArrayList<>(2);
        for (Timer t : timers) {
            if (t.deadline() <= nowNanos) {
                due.add(t);
            }
        }
        due.sort((a, b) -> Long.compare(a.deadline(), b.deadline()));
        return due;
    }

    /** Stops every timer (association closed). */
    public void stopAll() {
        for (Timer t : timers) {
            t.stop();
        }
    }
}
