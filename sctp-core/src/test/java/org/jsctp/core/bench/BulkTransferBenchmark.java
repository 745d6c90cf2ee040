package org.jsctp.core.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state bulk transfer through the sans-IO core: one operation is one 1200-byte message
 * offered by the sender and everything it causes (DATA packets encoded, decoded and handled by the
 * receiver, the message delivered, SACKs back to the sender), see {@link BackToBackTransfer}.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is the garbage per message, offered one at a
 * time or in bursts of 16.
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="-prof gc BulkTransfer"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BulkTransferBenchmark {

    static final int BURST = 16;

    private BackToBackTransfer pair;

    @Setup
    public void setUp() {
        pair = BackToBackTransfer.defaults();
        pair.send(10_000);
    }

    /** One message sent and delivered, with its share of the SACKs. */
    @Benchmark
    public long sendOneMessage() {
        pair.sendOne();
        return pair.deliveredMessages();
    }

    /**
     * Sixteen messages offered before any packet moves, so packets wait in the sender's transmit
     * queue at each take, as on a real sender; one operation is still one message.
     */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public long sendInBurstsOf16() {
        pair.sendBurst(BURST);
        return pair.deliveredMessages();
    }
}
