package org.jsctp.core.sim;

/**
 * A link's bottleneck: packets leave one after another at {@link LinkProfile#bitsPerSecond()}, and
 * a packet that would make more than {@link LinkProfile#queueLimitBytes()} wait is dropped (tail
 * drop). Unlimited ({@code bitsPerSecond} 0) it holds nothing and every packet leaves at once.
 */
public final class RateQueue {

    /** What {@link #enqueue} returns for a packet the full queue drops. */
    public static final long DROPPED = -1;

    private long busyUntilNanos;
    private long queuedBytes;

    /**
     * Queues a packet of {@code length} bytes offered now; its space is freed on {@code time} when
     * its serialization ends.
     *
     * @return when its last bit leaves, or {@link #DROPPED}
     */
    public long enqueue(VirtualTime time, int length, LinkProfile profile) {
        long now = time.now();
        if (profile.bitsPerSecond() <= 0) {
            return now;
        }
        if (queuedBytes + length > profile.queueLimitBytes()) {
            return DROPPED;
        }
        busyUntilNanos = Math.max(now, busyUntilNanos) + length * 8L * 1_000_000_000L / profile.bitsPerSecond();
        queuedBytes += length;
        time.at(busyUntilNanos, () -> queuedBytes -= length);
        return busyUntilNanos;
    }
}
