package org.jsctp.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutstandingData;
import org.jsctp.core.tx.SackOutcome;
import org.jsctp.core.tx.SackResult;
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
 * The data sender's SACK processing (RFC 9260 section 6.2.1 (D), section 7.2.4) in a steady
 * sliding window: {@link OutstandingData} holds {@code inFlight} chunks; each operation sends two
 * more (as the receiver SACKs every second packet) and takes one SACK that acknowledges the two
 * oldest cumulatively and reports about {@code gapBlocks} Gap Ack Blocks above them.
 *
 * <p>The blocks report fixed TSNs (every stride-th one), so a chunk once gap-acked stays gap-acked
 * until the cumulative ack passes it, as with a real loss pattern; the TSNs between them collect
 * miss indications and are marked for Fast Retransmit on the third (and are never taken out for
 * retransmission here, so they stay marked until acked). With {@code gapBlocks} 0 it is the
 * loss-free case.
 *
 * <p>What one operation allocates beyond OutstandingData's own work: the two DataChunk records
 * with their Tsn and Ssn (as a sender creates them) and the SackChunk with its Tsn (as the
 * decoder does); the Gap Ack Block lists are built in the set-up.
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="SackProcessing"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SackProcessingBenchmark {

    @Param({"64", "1024"})
    public int inFlight;

    @Param({"0", "4", "32"})
    public int gapBlocks;

    private static final int INITIAL_TSN = 0x7FFF_FF00; // crosses the sign bit early on
    private static final Bytes USER_DATA = Bytes.wrap(new byte[1200]);

    private OutstandingData outstanding;
    private final Object message = new Object();
    private int nextTsn;
    private int stride;
    /** The gap blocks by phase: the offsets from the cumulative ack repeat every stride/2 operations. */
    private List<List<GapAckBlock>> gapsByPhase;
    private long sequence;

    @Setup
    public void setUp() {
        outstanding = new OutstandingData(new Tsn(INITIAL_TSN), inFlight + 2, 1);
        nextTsn = INITIAL_TSN;
        for (int i = 0; i < inFlight; i++) {
            send();
        }
        // Every stride-th TSN is reported received; stride is even so the pattern relative to the
        // cumulative ack (which moves by two) has stride/2 phases.
        stride = gapBlocks == 0 ? 2 : Math.max(2, (inFlight / (gapBlocks + 1)) & ~1);
        gapsByPhase = new ArrayList<>();
        for (int phase = 0; phase < stride / 2; phase++) {
            List<GapAckBlock> blocks = new ArrayList<>();
            if (gapBlocks > 0) {
                // Cumulative ack c with (c - INITIAL_TSN) % stride == 2 * phase + 1 (mod stride);
                // offsets o in 2..inFlight with (c + o - INITIAL_TSN) % stride == 0.
                int cumMod = (2 * phase + 1) % stride;
                for (int o = 2; o <= inFlight && blocks.size() < gapBlocks; o++) {
                    if ((cumMod + o) % stride == 0) {
                        blocks.add(new GapAckBlock(o, o));
                    }
                }
            }
            gapsByPhase.add(List.copyOf(blocks));
        }
    }

    private void send() {
        Tsn tsn = new Tsn(nextTsn++);
        DataChunk chunk = new DataChunk(false, false, true, true, tsn, 0, new Ssn((int) (sequence & 0xFFFF)), 0,
                USER_DATA);
        sequence++;
        if (outstanding.add(tsn, chunk, USER_DATA.length(), 0, message, 0) != OutstandingData.AddResult.ADDED) {
            throw new IllegalStateException("OutstandingData is full");
        }
    }

    /** Two chunks sent, one SACK with {@code gapBlocks} gap blocks processed. */
    @Benchmark
    public SackOutcome sendTwoThenSack() {
        send();
        send();
        int cum = outstanding.cumulativeTsnAcked().value() + 2;
        int phase = (int) (Integer.toUnsignedLong(cum - INITIAL_TSN) % stride) / 2;
        // The sender's path: the reusable outcome (handleSack would add the copy a caller keeps).
        SackOutcome r = outstanding.applySack(new SackChunk(new Tsn(cum), 1 << 20, gapsByPhase.get(phase), List.of()),
                List.of(), 1_000_000, false);
        if (r.outcome() != SackResult.Outcome.ACCEPTED) {
            throw new IllegalStateException("SACK not accepted: " + r.outcome());
        }
        return r;
    }
}
