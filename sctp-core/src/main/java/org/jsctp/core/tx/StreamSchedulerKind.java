package org.jsctp.core.tx;

import java.util.function.Supplier;

/**
 * The stream schedulers of RFC 8260 section 3, to choose one per association
 * (SCTP_STREAM_SCHEDULER, RFC 8260 section 4.3.1). The names follow RFC 8260 section 4.3.1's
 * constants (SCTP_SS_FCFS, SCTP_SS_RR, SCTP_SS_RR_PKT, SCTP_SS_PRIO, SCTP_SS_FB, SCTP_SS_WFQ).
 */
public enum StreamSchedulerKind {
    /** First-come, first-served (section 3.1), the default. */
    FCFS(FcfsScheduler::new),
    /** Round robin, a message (DATA) or fragment (I-DATA) per stream and turn (section 3.2). */
    RR(RoundRobinScheduler::new),
    /** Round robin per packet: one stream per packet (section 3.3). */
    RRP(RoundRobinPerPacketScheduler::new),
    /** Strict priority, lower value first, round robin among equals (section 3.4). */
    PRIO(PriorityScheduler::new),
    /** Fair bandwidth: equal byte shares (section 3.5). */
    FB(FairBandwidthScheduler::new),
    /** Weighted fair queueing: byte shares proportional to per-stream weights (section 3.6). */
    WFQ(WeightedFairScheduler::new);

    private final Supplier<StreamScheduler> factory;

    StreamSchedulerKind(Supplier<StreamScheduler> factory) {
        this.factory = factory;
    }

    /**
     * A new scheduler of this kind, with no active stream and no per-stream values.
     *
     * @return the scheduler
     */
    public StreamScheduler create() {
        return factory.get();
    }

    /**
     * Whether this scheduler uses per-stream values (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260
     * section 4.3.2): a priority for {@link #PRIO}, a weight for {@link #WFQ}.
     *
     * @return true for PRIO and WFQ
     */
    public boolean usesStreamValues() {
        return this == PRIO || this == WFQ;
    }

    /**
     * The value of a stream that was not given one: weight {@link WeightedFairScheduler#DEFAULT_WEIGHT}
     * for WFQ, priority {@link PriorityScheduler#DEFAULT_PRIORITY} for PRIO, 0 for the others.
     *
     * @return the default per-stream value
     */
    public int defaultStreamValue() {
        return this == WFQ ? WeightedFairScheduler.DEFAULT_WEIGHT : PriorityScheduler.DEFAULT_PRIORITY;
    }
}
