package org.jsctp.core.bench;

import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.rx.DataTracker;
import org.jsctp.core.seq.Tsn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The data receiver's side of SACKs (RFC 9260 section 6.2, 3.3.4): building a SACK from a
 * {@link DataTracker} that holds {@code gaps} runs of out-of-order TSNs (so the SACK carries that
 * many Gap Ack Blocks), and the loss-free steady state of receiving two DATA packets and
 * acknowledging them.
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="SackBuilding"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SackBuildingBenchmark {

    @Param({"0", "4", "16", "64"})
    public int gaps;

    private static final int INITIAL_TSN = 0xFFFF_FF80; // the wrap is among the TSNs held
    private DataTracker withGaps;
    private DataTracker steady;
    private int nextTsn;

    @Setup
    public void setUp() {
        withGaps = new DataTracker(new Tsn(INITIAL_TSN), 1024, 32);
        withGaps.observe(new Tsn(INITIAL_TSN));
        for (int i = 0; i < gaps; i++) {
            withGaps.observe(new Tsn(INITIAL_TSN + 2 + 2 * i)); // INITIAL+1, +3, ... stay missing
        }
        if (withGaps.createSack(1 << 20, 1 << 16).gapAckBlocks().size() != gaps) {
            throw new IllegalStateException("expected " + gaps + " gap blocks");
        }
        steady = new DataTracker(new Tsn(INITIAL_TSN), 1024, 32);
        nextTsn = INITIAL_TSN;
    }

    /** One SACK with {@code gaps} Gap Ack Blocks built (the tracker's gaps stay: every call builds the same). */
    @Benchmark
    public SackChunk createSackWithGaps() {
        return withGaps.createSack(1 << 20, 1 << 16);
    }

    /** Two in-order DATA packets received and recorded, then the SACK they make due (no gaps; {@code gaps} unused). */
    @Benchmark
    public SackChunk receiveTwoThenSack() {
        steady.observe(new Tsn(nextTsn++));
        steady.onDataPacketProcessed(false);
        steady.observe(new Tsn(nextTsn++));
        steady.onDataPacketProcessed(false);
        if (!steady.isSackDueNow()) {
            throw new IllegalStateException("a SACK is due after two packets");
        }
        return steady.createSack(1 << 20, 16);
    }
}
