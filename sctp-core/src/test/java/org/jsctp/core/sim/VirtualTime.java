package org.jsctp.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The virtual clock and event queue under a simulated network: events (a packet's arrival, the end
 * of its serialization) run in time order, ties in the order they were scheduled, and between
 * events the clock jumps to the next event or host timer deadline, so minutes of protocol time run
 * in milliseconds. A run gives up after a bounded number of steps, which catches livelock.
 */
public final class VirtualTime {

    /** What the clock drives besides the events: the timers of the hosts on the network. */
    public interface Timers {
        /** {@return the earliest timer deadline, or {@code Long.MAX_VALUE} for none} */
        long nextDeadline();

        /** Runs the timers due at {@code nowNanos}. */
        void handleTimeout(long nowNanos);
    }

    private record Event(long atNanos, long sequence, Runnable action) {
    }

    private final List<? extends Timers> hosts;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((x, y) -> x.atNanos != y.atNanos
            ? Long.compare(x.atNanos, y.atNanos) : Long.compare(x.sequence, y.sequence));
    private long now;
    private long sequence;
    private long steps;

    /** A clock at 0 driving {@code hosts}' timers, in that order at each step. */
    public VirtualTime(List<? extends Timers> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    public long now() {
        return now;
    }

    /** {@return the steps taken so far (one per jump of the clock)} */
    public long steps() {
        return steps;
    }

    /** Runs {@code action} when the clock reaches {@code atNanos} (at the next step if that has passed). */
    public void at(long atNanos, Runnable action) {
        queue.add(new Event(atNanos, sequence++, action));
    }

    /**
     * Runs until {@code done} holds, the clock passes {@code untilNanos}, or nothing is left to
     * happen; fails on more than {@code maxSteps} steps (livelock). Before each step, and before
     * {@code done} is asked, {@code beforeEachStep} runs (the network takes what the hosts sent).
     * A step moves the clock to the next event or deadline, runs every event due, then the hosts'
     * timers.
     *
     * @return whether {@code done} held
     */
    public boolean runUntil(BooleanSupplier done, Runnable beforeEachStep, long untilNanos, long maxSteps) {
        long limit = steps + maxSteps;
        while (true) {
            beforeEachStep.run();
            if (done.getAsBoolean()) {
                return true;
            }
            long next = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().atNanos;
            for (Timers h : hosts) {
                next = Math.min(next, h.nextDeadline());
            }
            if (next == Long.MAX_VALUE || next > untilNanos) {
                now = Math.max(now, Math.min(untilNanos, next));
                return done.getAsBoolean();
            }
            if (++steps > limit) {
                throw new AssertionError("no progress after " + maxSteps + " steps at t=" + now + " ns: livelock?");
            }
            now = Math.max(now, next);
            // What is due now runs as it stood before this step: an event scheduled by one of them
            // waits for the next step even when it is due at once.
            List<Event> due = new ArrayList<>();
            while (!queue.isEmpty() && queue.peek().atNanos <= now) {
                due.add(queue.poll());
            }
            for (Event e : due) {
                e.action.run();
            }
            for (Timers h : hosts) {
                h.handleTimeout(now);
            }
        }
    }

    /** Runs for {@code nanos} of virtual time (the clock ends there even when nothing happens). */
    public void advance(long nanos, Runnable beforeEachStep, long maxSteps) {
        long until = now + nanos;
        runUntil(() -> false, beforeEachStep, until, maxSteps);
        now = Math.max(now, until);
    }
}
