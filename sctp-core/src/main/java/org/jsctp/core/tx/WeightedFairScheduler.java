package org.jsctp.core.tx;

import java.util.HashMap;
import java.util.Map;

/**
 * Weighted fair queueing (RFC 8260 section 3.6): active streams share the link in bytes in
 * proportion to their weights, set per stream with {@link #setStreamValue} (1..65535; a stream
 * without one has {@link #DEFAULT_WEIGHT}). Each byte sent moves the stream's virtual finish
 * time on by {@code 65535 / weight}, and the stream with the earliest finish time goes next
 * (see {@link VirtualTimeQueue}); with I-DATA the shares hold to a fragment, with DATA to a
 * message. Weights are stored only for streams that were given one.
 */
public final class WeightedFairScheduler extends VirtualTimeScheduler {

    /** The weight of a stream that was not given one. */
    public static final int DEFAULT_WEIGHT = 1;
    /** Virtual time per byte at weight 1; at weight 65535 a byte is one unit. */
    private static final long SCALE = 0xFFFF;

    private final Map<Integer, Integer> weights = new HashMap<>();

    /** A scheduler with no active stream. */
    public WeightedFairScheduler() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the value is the stream's weight, 1..65535; it applies from the stream's next
     * fragment on.
     *
     * @throws IllegalArgumentException for weight 0
     */
    @Override
    public void setStreamValue(int streamId, int value) {
        PriorityScheduler.checkRange(streamId, value);
        if (value == 0) {
            throw new IllegalArgumentException("a weighted fair queueing weight must be 1..65535: 0");
        }
        if (value == DEFAULT_WEIGHT) {
            weights.remove(streamId);
        } else {
            weights.put(streamId, value);
        }
    }

    /**
     * The weight of a stream.
     *
     * @param streamId the outbound stream
     * @return its weight, {@link #DEFAULT_WEIGHT} if none was set
     */
    public int weightOf(int streamId) {
        return weights.getOrDefault(streamId, DEFAULT_WEIGHT);
    }

    @Override
    long cost(int streamId, int payloadBytes) {
        return payloadBytes * SCALE / weightOf(streamId);
    }

    @Override
    public String toString() {
        return super.toString() + " weights " + weights;
    }
}
