package org.jsctp.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.timer.Timer;

/**
 * The one scheduled task of an association: armed at the core's {@code nextDeadline()} after
 * every input, replaced only when that deadline changed. Used on the event loop only.
 */
final class AssociationTimer {

    private final EventLoop loop;
    private final Runnable onExpiry;
    private ScheduledFuture<?> task;
    private long armedFor = Timer.NEVER;

    AssociationTimer(EventLoop loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** Makes the task fire at {@code deadlineNanos} ({@code System.nanoTime()} clock), or never for {@link Timer#NEVER}. */
    void rearm(long deadlineNanos) {
        if (deadlineNanos == armedFor) {
            return;
        }
        cancel();
        if (deadlineNanos == Timer.NEVER) {
            return;
        }
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        armedFor = deadlineNanos;
        task = loop.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    }

    /** Stops the task, if one is armed. */
    void cancel() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        armedFor = Timer.NEVER;
    }

    private void fire() {
        task = null;
        armedFor = Timer.NEVER;
        onExpiry.run();
    }
}
