package org.jsctp.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.timer.Timer;

/**
 * The one scheduled task of an association, firing at the core's {@code nextDeadline()}.
 *
 * <p>Re-arming is lazy: a deadline that moved later (the retransmission timer restarted by each
 * SACK, the common case in a transfer) keeps the task already scheduled; when that task fires
 * before the deadline it schedules itself again for the rest. Only a deadline that moved earlier
 * replaces the task. So a bulk transfer schedules a task about once per RTO rather than once per
 * SACK. Used on the event loop only.
 */
final class AssociationTimer {

    private final EventLoop loop;
    private final Runnable onExpiry;
    private ScheduledFuture<?> task;
    /** When the scheduled task runs, or {@link Timer#NEVER}. */
    private long taskAt = Timer.NEVER;
    /** The deadline the core asked for, or {@link Timer#NEVER}; never before {@link #taskAt}. */
    private long deadline = Timer.NEVER;

    AssociationTimer(EventLoop loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** Makes the task fire at {@code deadlineNanos} ({@code System.nanoTime()} clock), or never for {@link Timer#NEVER}. */
    void rearm(long deadlineNanos) {
        deadline = deadlineNanos;
        if (deadlineNanos == Timer.NEVER) {
            return; // a task still scheduled finds nothing due and goes quietly
        }
        if (task != null && taskAt - deadlineNanos <= 0) {
            return; // the scheduled task comes first and will look again
        }
        cancelTask();
        schedule(deadlineNanos);
    }

    /** Stops the task, if one is armed. */
    void cancel() {
        cancelTask();
        deadline = Timer.NEVER;
    }

    private void schedule(long at) {
        taskAt = at;
        task = loop.schedule(this::fire, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        taskAt = Timer.NEVER;
    }

    private void fire() {
        task = null;
        taskAt = Timer.NEVER;
        if (deadline == Timer.NEVER) {
            return;
        }
        if (deadline - System.nanoTime() > 0) {
            schedule(deadline); // the deadline moved later since this task was scheduled
            return;
        }
        deadline = Timer.NEVER;
        onExpiry.run();
    }
}
