package org.jsctp.core.tx;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-stream scheduler values of one association (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260
 * section 4.3.2), kept apart from the scheduler so they can be set before data transfer starts
 * and survive a new send queue (an association restart). Only streams given a value are stored.
 */
public final class StreamSchedulerValues {

    private final StreamSchedulerKind kind;
    private final Map<Integer, Integer> values = new HashMap<>();

    /**
     * Values for a scheduler of the given kind.
     *
     * @param kind the association's scheduler
     */
    public StreamSchedulerValues(StreamSchedulerKind kind) {
        this.kind = kind;
    }

    /**
     * Records a stream's value after checking the scheduler accepts it; the caller also hands it
     * to a live scheduler.
     *
     * @param streamId the outbound stream, 0..65535
     * @param value the priority (PRIO) or weight (WFQ, 1..65535); ignored by other schedulers
     * @throws IllegalArgumentException if out of range for the scheduler
     */
    public void set(int streamId, int value) {
        PriorityScheduler.checkRange(streamId, value); // RFC 8260 section 4.3.2: 16-bit stream and value
        kind.create().setStreamValue(streamId, value); // the scheduler's own check (a WFQ weight is not 0)
        values.put(streamId, value);
    }

    /**
     * A stream's value as last set.
     *
     * @param streamId the outbound stream
     * @return the value, or the kind's {@link StreamSchedulerKind#defaultStreamValue()} when none was set
     */
    public int get(int streamId) {
        return values.getOrDefault(streamId, kind.defaultStreamValue());
    }

    /**
     * A new scheduler of the kind, with every value set so far.
     *
     * @return the scheduler
     */
    public StreamScheduler newScheduler() {
        StreamScheduler s = kind.create();
        values.forEach(s::setStreamValue);
        return s;
    }

    /**
     * The scheduler kind.
     *
     * @return the kind these values are for
     */
    public StreamSchedulerKind kind() {
        return kind;
    }
}
