package org.jsctp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The two-endpoint connection fuzzer: jqwik chooses sends (1 byte to 64 KiB, random streams,
 * ordered or not) on both sides, drops, duplicates, overtaking, re-deliveries of old packets,
 * time jumps, shutdowns and aborts ({@link ConnectionOp}), applied to a
 * {@link TwoEndpointConnection}. After every step both associations' invariants and memory
 * limits hold, and every message read is intact, read once and in order on ordered streams.
 * Once the network turns perfect, either the association is still up and has delivered every
 * message exactly once, or both sides have ended and every message not delivered was reported
 * as failed to its sender, with the reason the association ended.
 */
class ConnectionFuzzProperties {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Provide
    Arbitrary<List<ConnectionOp>> operations() {
        Arbitrary<Boolean> side = Arbitraries.of(true, false);
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 1500)),
                Tuple.of(3, Arbitraries.integers().between(1500, 8 * 1024)),
                Tuple.of(1, Arbitraries.integers().between(8 * 1024, 64 * 1024)));
        Arbitrary<ConnectionOp> send = Combinators.combine(side, Arbitraries.integers().between(0, 5), size,
                Arbitraries.of(true, false)).as(ConnectionOp.Send::new);
        Arbitrary<ConnectionOp> deliver = Combinators.combine(side, Arbitraries.integers().between(1, 8))
                .as(ConnectionOp.Deliver::new);
        Arbitrary<ConnectionOp> jump = Arbitraries.of(MS, 10 * MS, 200 * MS, S, 5 * S, 31 * S, 120 * S)
                .map(ConnectionOp.TimeJump::new);
        return Arbitraries.frequencyOf(
                Tuple.of(10, send), Tuple.of(12, deliver),
                Tuple.of(3, side.map(ConnectionOp.Drop::new)), Tuple.of(2, side.map(ConnectionOp.Duplicate::new)),
                Tuple.of(2, side.map(ConnectionOp.Reorder::new)),
                Tuple.of(2, Combinators.combine(side, Arbitraries.integers().between(0, 63)).as(ConnectionOp.Redeliver::new)),
                Tuple.of(3, jump),
                Tuple.of(1, side.map(ConnectionOp.Shutdown::new)), Tuple.of(1, side.map(ConnectionOp.Abort::new)))
                .list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 500)
    void everyMessageArrivesExactlyOnceIntactOrTheEndIsReported(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll boolean interleaving,
            @ForAll("operations") List<ConnectionOp> operations) {
        TwoEndpointConnection c = new TwoEndpointConnection(seed, interleaving);
        assertThat(c.established()).as("handshake on a perfect network").isTrue();
        for (ConnectionOp op : operations) {
            c.apply(op);
        }
        Statistics.collect(c.finish());
    }

    /** The same with AUTH (RFC 4895) required for DATA, I-DATA and SACK on both sides. */
    @Property(tries = 100)
    void withAuthEveryMessageArrivesExactlyOnceIntactOrTheEndIsReported(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll boolean interleaving,
            @ForAll("operations") List<ConnectionOp> operations) {
        TwoEndpointConnection c = new TwoEndpointConnection(seed, interleaving, true);
        assertThat(c.established()).as("handshake on a perfect network").isTrue();
        for (ConnectionOp op : operations) {
            c.apply(op);
        }
        Statistics.collect(c.finish());
    }
}
