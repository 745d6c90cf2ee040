package org.jsctp.core.bench;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.Crc32c;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SCTP checksum (RFC 9260 section 6.8) of one 1500-byte packet with {@link Crc32c#compute},
 * from a heap array and from a direct buffer (as a datagram channel would fill it).
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="Crc32c"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Crc32cBenchmark {

    /** Bytes checksummed per operation. */
    public static final int PACKET_LENGTH = 1500;

    private byte[] heap;
    private ByteBuffer direct;

    @Setup
    public void setUp() {
        heap = new byte[PACKET_LENGTH];
        new Random(42).nextBytes(heap);
        direct = ByteBuffer.allocateDirect(PACKET_LENGTH);
        direct.put(heap).flip();
    }

    @Benchmark
    public void heapArray(Blackhole bh) {
        bh.consume(Crc32c.compute(heap, 0, PACKET_LENGTH));
    }

    @Benchmark
    public void directBuffer(Blackhole bh) {
        bh.consume(Crc32c.compute(direct, 0, PACKET_LENGTH));
    }
}
