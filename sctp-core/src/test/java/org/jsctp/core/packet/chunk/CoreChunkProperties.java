package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/** Round trips of random valid base-protocol chunks, and total decoding of random values. */
class CoreChunkProperties {

    private static final int[] CORE_TYPES = {
        ChunkType.INIT, ChunkType.INIT_ACK, ChunkType.SACK, ChunkType.HEARTBEAT, ChunkType.HEARTBEAT_ACK,
        ChunkType.ABORT, ChunkType.SHUTDOWN, ChunkType.SHUTDOWN_ACK, ChunkType.ERROR, ChunkType.COOKIE_ECHO,
        ChunkType.ECNE, ChunkType.CWR, ChunkType.SHUTDOWN_COMPLETE, ChunkType.NR_SACK
    };

    @Property(tries = 200)
    void anyCoreChunkRoundTrips(@ForAll("anyCoreChunk") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void initRoundTrips(@ForAll("init") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void initAckRoundTrips(@ForAll("initAck") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void sackRoundTrips(@ForAll("sack") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void nrSackRoundTrips(@ForAll("nrSack") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void heartbeatRoundTrips(@ForAll("heartbeat") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void heartbeatAckRoundTrips(@ForAll("heartbeatAck") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void abortRoundTrips(@ForAll("abort") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void errorRoundTrips(@ForAll("error") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void shutdownFamilyRoundTrips(@ForAll("shutdownFamily") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void cookieEchoRoundTrips(@ForAll("cookieEcho") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void ecnChunksRoundTrip(@ForAll("ecn") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void heartbeatAckEchoesTheRequestByteForByte(@ForAll("heartbeat") Chunk chunk) {
        byte[] request = CodecAssertions.encode(chunk);
        byte[] answer = CodecAssertions.encode(((HeartbeatChunk) chunk).ack());
        answer[0] = (byte) ChunkType.HEARTBEAT;
        assertThat(answer).isEqualTo(request);
    }

    /** Decoding is total: any value either decodes or fails with a DecodeException, never anything else. */
    @Property(tries = 200)
    void decodingRandomValuesNeverThrowsAnythingButDecodeException(
            @ForAll("coreType") int type, @ForAll("flags") int flags, @ForAll("value") byte[] value) {
        try {
            Chunk c = Chunks.decodeValue(type, flags, WireReader.of(value, "random value"));
            assertThat(c.type()).isEqualTo(type);
            assertThat(c.valueLength()).isLessThanOrEqualTo(value.length);
        } catch (DecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<Chunk> anyCoreChunk() {
        return CoreChunkArbitraries.anyCoreChunk();
    }

    @Provide
    Arbitrary<Chunk> init() {
        return CoreChunkArbitraries.init();
    }

    @Provide
    Arbitrary<Chunk> initAck() {
        return CoreChunkArbitraries.initAck();
    }

    @Provide
    Arbitrary<Chunk> sack() {
        return CoreChunkArbitraries.sack();
    }

    @Provide
    Arbitrary<Chunk> nrSack() {
        return CoreChunkArbitraries.nrSack();
    }

    @Provide
    Arbitrary<Chunk> heartbeat() {
        return CoreChunkArbitraries.heartbeat();
    }

    @Provide
    Arbitrary<Chunk> heartbeatAck() {
        return CoreChunkArbitraries.heartbeatAck();
    }

    @Provide
    Arbitrary<Chunk> abort() {
        return CoreChunkArbitraries.abort();
    }

    @Provide
    Arbitrary<Chunk> error() {
        return CoreChunkArbitraries.error();
    }

    @Provide
    Arbitrary<Chunk> shutdownFamily() {
        return Arbitraries.oneOf(CoreChunkArbitraries.shutdown(), CoreChunkArbitraries.shutdownAck(),
                CoreChunkArbitraries.shutdownComplete());
    }

    @Provide
    Arbitrary<Chunk> cookieEcho() {
        return CoreChunkArbitraries.cookieEcho();
    }

    @Provide
    Arbitrary<Chunk> ecn() {
        return Arbitraries.oneOf(CoreChunkArbitraries.ecne(), CoreChunkArbitraries.cwr());
    }

    @Provide
    Arbitrary<Integer> coreType() {
        return Arbitraries.of(CORE_TYPES[0], CORE_TYPES[1], CORE_TYPES[2], CORE_TYPES[3], CORE_TYPES[4],
                CORE_TYPES[5], CORE_TYPES[6], CORE_TYPES[7], CORE_TYPES[8], CORE_TYPES[9], CORE_TYPES[10],
                CORE_TYPES[11], CORE_TYPES[12], CORE_TYPES[13]);
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<byte[]> value() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }
}
