package org.jsctp.core.sim;

/**
 * How one direction of a simulated link treats packets.
 *
 * @param delayNanos one-way propagation delay
 * @param jitterNanos extra delay drawn uniformly from [0, jitter) per packet (reorders packets
 *     when it exceeds their spacing)
 * @param lossRate probability that a packet is dropped
 * @param duplicateRate probability that a packet is delivered twice
 * @param bitsPerSecond serialization rate (0 = unlimited): packets queue behind each other
 * @param mtu packets longer than this are dropped silently, as a black hole would
 * @param queueLimitBytes bytes that may wait for serialization before further packets are dropped (tail drop)
 */
public record LinkProfile(long delayNanos, long jitterNanos, double lossRate, double duplicateRate,
                          long bitsPerSecond, int mtu, long queueLimitBytes) {

    /** 1 ms each way, nothing lost, no rate limit, 1500-byte MTU. */
    public static LinkProfile perfect() {
        return new LinkProfile(1_000_000L, 0, 0, 0, 0, 1500, Long.MAX_VALUE);
    }

    public LinkProfile withDelay(long nanos) {
        return new LinkProfile(nanos, jitterNanos, lossRate, duplicateRate, bitsPerSecond, mtu, queueLimitBytes);
    }

    public LinkProfile withJitter(long nanos) {
        return new LinkProfile(delayNanos, nanos, lossRate, duplicateRate, bitsPerSecond, mtu, queueLimitBytes);
    }

    public LinkProfile withLoss(double rate) {
        return new LinkProfile(delayNanos, jitterNanos, rate, duplicateRate, bitsPerSecond, mtu, queueLimitBytes);
    }

    public LinkProfile withDuplication(double rate) {
        return new LinkProfile(delayNanos, jitterNanos, lossRate, rate, bitsPerSecond, mtu, queueLimitBytes);
    }

    public LinkProfile withRate(long bits, long queueBytes) {
        return new LinkProfile(delayNanos, jitterNanos, lossRate, duplicateRate, bits, mtu, queueBytes);
    }

    public LinkProfile withMtu(int bytes) {
        return new LinkProfile(delayNanos, jitterNanos, lossRate, duplicateRate, bitsPerSecond, bytes, queueLimitBytes);
    }
}
