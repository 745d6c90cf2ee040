package org.jsctp.transport.conformance;

import org.jsctp.core.assoc.AssociationConfig;

/**
 * The settings the endpoint under test runs with. Timers are short so the suite is quick, but
 * the retransmission timeout stays long enough that a tester slowed down by a loaded machine is
 * not overtaken by a retransmission it did not ask for; tests about timers use
 * {@link #fastTimers()}. Heartbeats are far off, so they never come between the packets a test
 * expects, except RFC 7829's once per RTO to a path whose T3-rtx expired on a multi-homed
 * association; data goes out at once (no Nagle delay), so each message is its own packet. The path
 * MTU is fixed (the default 1452, no RFC 8899 probes), so no probe comes between them either.
 */
final class ConformanceConfig {

    private static final long MS = 1_000_000L;

    private ConformanceConfig() {
    }

    /** RTO 500 ms (initial and minimum) up to 1 s, delayed SACK 50 ms, HB.interval 60 s, no Nagle. */
    static AssociationConfig.Builder standard() {
        return AssociationConfig.builder()
                .rtoInitialNanos(500 * MS).rtoMinNanos(500 * MS).rtoMaxNanos(1000 * MS)
                .delayedAckNanos(50 * MS)
                .heartbeatIntervalNanos(60_000 * MS)
                .noDelay(true)
                .plpmtudEnabled(false);
    }

    /** {@link #standard()} with RTO 100 ms up to 200 ms, for tests that watch timers expire. */
    static AssociationConfig.Builder fastTimers() {
        return standard().rtoInitialNanos(100 * MS).rtoMinNanos(100 * MS).rtoMaxNanos(200 * MS);
    }
}
