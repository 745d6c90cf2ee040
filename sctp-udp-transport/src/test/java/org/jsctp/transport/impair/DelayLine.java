package org.jsctp.transport.impair;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The way datagrams of one direction travel after their fate is decided: through the optional
 * bottleneck (one after another at the configured rate, a queue bounded in waiting time, tail
 * drop beyond it), then for their delay, scheduled on the relay's event loop. Used on the event
 * loop only.
 */
final class DelayLine {

    private final EventLoop loop;
    private final Impairment impairment;
    private final DirectionCounters counters;
    private final Consumer<byte[]> deliver;
    /** When the bottleneck is free again (System.nanoTime scale). */
    private long bottleneckFreeAt = Long.MIN_VALUE;

    DelayLine(EventLoop loop, Impairment impairment, DirectionCounters counters, Consumer<byte[]> deliver) {
        this.loop = loop;
        this.impairment = impairment;
        this.counters = counters;
        this.deliver = deliver;
    }

    /** Sends {@code bytes} on its way; it is handed to the deliverer after its delay (at once for none). */
    void send(byte[] bytes, long delayNanos) {
        long wait = 0;
        if (impairment.rateBytesPerSecond() > 0) {
            long now = System.nanoTime();
            long start = bottleneckFreeAt - now > 0 ? bottleneckFreeAt : now;
            long departure = start + bytes.length * 1_000_000_000L / impairment.rateBytesPerSecond();
            if (departure - now > impairment.queueNanos()) {
                counters.queueDropped.incrementAndGet(); // the queue is full: tail drop
                return;
            }
            bottleneckFreeAt = departure;
            wait = departure - now;
        }
        long total = wait + delayNanos;
        if (total <= 0) {
            deliver.accept(bytes);
        } else {
            loop.schedule(() -> deliver.accept(bytes), total, TimeUnit.NANOSECONDS);
        }
    }
}
