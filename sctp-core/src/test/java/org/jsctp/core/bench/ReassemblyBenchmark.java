package org.jsctp.core.bench;

import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.rx.DataReassemblyQueue;
import org.jsctp.core.rx.IDataReassemblyQueue;
import org.jsctp.core.rx.ReassemblyQueue;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The receiver's reassembly queue (RFC 9260 sections 6.5, 6.6 and 6.9; RFC 8260 for I-DATA): one
 * operation is one message of {@code fragments} fragments of 1200 bytes arriving in TSN order on
 * one of 8 streams, taken by the queue and polled out whole, for DATA and I-DATA, ordered and
 * unordered. A message of several fragments is joined into one payload on delivery (a copy).
 *
 * <p>Each operation creates its chunks (DataChunk or IDataChunk records with their Tsn and
 * Ssn/Mid/Fsn, sharing one user-data array), as the decoder does for every received chunk;
 * {@code createChunksOnly} measures that alone, so what the queue itself costs in time and bytes
 * is the difference.
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="Reassembly"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReassemblyBenchmark {

    @Param({"1", "4"})
    public int fragments;

    @Param({"false", "true"})
    public boolean unordered;

    private static final int STREAMS = 8;
    private static final int FRAGMENT_BYTES = 1200;
    private static final Bytes USER_DATA = Bytes.wrap(new byte[FRAGMENT_BYTES]);

    private DataReassemblyQueue data;
    private IDataReassemblyQueue idata;
    private long nextTsn;
    private long message;
    private final int[] nextSsn = new int[STREAMS];
    private final long[] nextMid = new long[STREAMS];
    private final long[] nextUnorderedMid = new long[STREAMS];

    @Setup
    public void setUp() {
        data = new DataReassemblyQueue(STREAMS, 1 << 20);
        idata = new IDataReassemblyQueue(STREAMS, 1 << 20);
        nextTsn = 0xFFFF_FF00L; // the 32-bit wrap comes early
    }

    /** One DATA message taken fragment by fragment and polled. */
    @Benchmark
    public void data(Blackhole bh) {
        int stream = (int) (message++ % STREAMS);
        Ssn ssn = new Ssn(unordered ? 0 : nextSsn[stream]++ & 0xFFFF);
        for (int f = 0; f < fragments; f++) {
            long tsn = nextTsn++;
            DataChunk chunk = new DataChunk(false, unordered, f == 0, f == fragments - 1, new Tsn((int) tsn), stream,
                    ssn, 51, USER_DATA);
            check(data.add(tsn, chunk, true));
        }
        drain(data, bh);
    }

    /** One I-DATA message taken fragment by fragment and polled. */
    @Benchmark
    public void idata(Blackhole bh) {
        int stream = (int) (message++ % STREAMS);
        Mid mid = Mid.of(unordered ? nextUnorderedMid[stream]++ & 0xFFFF_FFFFL : nextMid[stream]++ & 0xFFFF_FFFFL);
        for (int f = 0; f < fragments; f++) {
            long tsn = nextTsn++;
            Tsn t = new Tsn((int) tsn);
            IDataChunk chunk = f == 0
                    ? IDataChunk.firstFragment(false, unordered, fragments == 1, t, stream, mid, 51, USER_DATA)
                    : IDataChunk.laterFragment(false, unordered, f == fragments - 1, t, stream, mid, new Fsn(f), USER_DATA);
            check(idata.add(tsn, chunk, true));
        }
        drain(idata, bh);
    }

    /** The chunks of {@link #data} created without the queue: the share of the figures that is not the queue's. */
    @Benchmark
    public void createChunksOnly(Blackhole bh) {
        int stream = (int) (message++ % STREAMS);
        Ssn ssn = new Ssn(nextSsn[stream]++ & 0xFFFF);
        for (int f = 0; f < fragments; f++) {
            bh.consume(new DataChunk(false, unordered, f == 0, f == fragments - 1, new Tsn((int) nextTsn++), stream,
                    ssn, 51, USER_DATA));
        }
    }

    private static void check(ReassemblyQueue.AddResult r) {
        if (r != ReassemblyQueue.AddResult.ACCEPTED) {
            throw new IllegalStateException("fragment not accepted: " + r);
        }
    }

    private void drain(ReassemblyQueue q, Blackhole bh) {
        ReceivedMessage m = q.poll();
        if (m == null || !m.complete() || m.payload().length() != fragments * FRAGMENT_BYTES) {
            throw new IllegalStateException("expected one whole message, got " + m);
        }
        bh.consume(m);
        if (q.hasDeliverable()) {
            throw new IllegalStateException("more than one message deliverable");
        }
    }
}
