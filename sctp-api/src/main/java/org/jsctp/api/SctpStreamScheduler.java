package org.jsctp.api;

/**
 * The stream schedulers of RFC 8260 section 3, for {@link SctpOptions#STREAM_SCHEDULER}: which
 * stream the next message (DATA) or, with message interleaving
 * ({@link SctpOptions#INTERLEAVING_SUPPORTED} on both sides), the next fragment (I-DATA) is taken
 * from. Names follow RFC 8260 section 4.3.1 (SCTP_SS_FCFS, SCTP_SS_RR, ...).
 */
public enum SctpStreamScheduler {
    /** First-come, first-served (section 3.1): messages leave in the order they were sent. The default. */
    FCFS,
    /** Round robin (section 3.2): streams take turns, a message (or fragment with I-DATA) each. */
    RR,
    /** Round robin per packet (section 3.3): a packet carries one stream's data; streams take turns per packet. */
    RRP,
    /**
     * Priority (section 3.4): the stream with the lowest value from
     * {@link SctpAssociation#setStreamSchedulerValue} first (0, the default, is the highest);
     * equal priorities take turns.
     */
    PRIO,
    /** Fair bandwidth (section 3.5): active streams get equal shares of the bytes sent. */
    FB,
    /**
     * Weighted fair queueing (section 3.6): active streams get byte shares in proportion to their
     * weights, set with {@link SctpAssociation#setStreamSchedulerValue} (1..65535, default 1).
     */
    WFQ
}
