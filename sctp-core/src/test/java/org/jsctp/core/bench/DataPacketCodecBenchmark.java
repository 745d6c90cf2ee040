package org.jsctp.core.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
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
 * Decoding and encoding a full-MTU data packet: the SCTP common header and one DATA chunk whose
 * user data fills a 1500-byte IPv4 MTU (1500 - 20 IPv4 - 8 UDP - 12 SCTP header - 16 DATA
 * header = 1444 bytes), 1472 bytes of SCTP packet in all. Every encode computes the CRC32C and
 * every strict decode verifies it.
 *
 * <p>Run with {@code mvn -B -o -pl sctp-core -Pjmh test-compile exec:exec -Djmh.args="DataPacketCodec"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataPacketCodecBenchmark {

    public static final int MTU = 1500;
    public static final int USER_DATA_LENGTH = MTU - 20 - 8 - CommonHeader.LENGTH - 4 - DataChunk.FIXED_VALUE_LENGTH;

    private SctpPacket packet;
    private byte[] wire;
    private PacketDecoder strict;
    private PacketDecoder noChecksum;
    private ByteBuffer heapOut;
    private ByteBuffer directOut;

    @Setup
    public void setUp() throws DecodeException {
        byte[] userData = new byte[USER_DATA_LENGTH];
        new Random(42).nextBytes(userData);
        DataChunk data = new DataChunk(false, false, true, true, new Tsn(0x7FFF_FFF0), 3, new Ssn(17), 51,
                Bytes.wrap(userData));
        packet = new SctpPacket(CommonHeader.of(5000, 5000, 0x1234_5678), List.of(data));
        wire = PacketEncoder.toByteArray(packet);
        if (wire.length != MTU - 20 - 8) {
            throw new IllegalStateException("packet of " + wire.length + " bytes, expected " + (MTU - 28));
        }
        strict = PacketDecoder.strict();
        noChecksum = new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM);
        heapOut = ByteBuffer.allocate(wire.length);
        directOut = ByteBuffer.allocateDirect(wire.length);
        strict.decode(wire); // fail here, not in the measurement, if the packet does not decode
    }

    /** Strict decode: checksum verified, DATA chunk decoded sharing the input array. */
    @Benchmark
    public void decode(Blackhole bh) throws DecodeException {
        bh.consume(strict.decode(wire));
    }

    /** Decode without the checksum check, to show the parsing cost alone. */
    @Benchmark
    public void decodeWithoutChecksum(Blackhole bh) throws DecodeException {
        bh.consume(noChecksum.decode(wire));
    }

    /** Encode with CRC32C into a reused heap buffer. */
    @Benchmark
    public void encodeToHeapBuffer(Blackhole bh) {
        heapOut.clear();
        bh.consume(PacketEncoder.encode(heapOut, packet));
    }

    /** Encode with CRC32C into a reused direct buffer, as handed to a datagram channel. */
    @Benchmark
    public void encodeToDirectBuffer(Blackhole bh) {
        directOut.clear();
        bh.consume(PacketEncoder.encode(directOut, packet));
    }

    /** Encode with CRC32C into a freshly allocated array. */
    @Benchmark
    public void encodeToNewArray(Blackhole bh) {
        bh.consume(PacketEncoder.toByteArray(packet));
    }

    /** Strict decode of the wire bytes, then encode of the result into a reused heap buffer. */
    @Benchmark
    public void decodeThenEncode(Blackhole bh) throws DecodeException {
        SctpPacket decoded = strict.decode(wire);
        heapOut.clear();
        bh.consume(PacketEncoder.encode(heapOut, decoded));
    }
}
