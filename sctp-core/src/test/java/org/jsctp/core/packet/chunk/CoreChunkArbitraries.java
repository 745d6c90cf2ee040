package org.jsctp.core.packet.chunk;

import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.CauseArbitraries;
import org.jsctp.core.packet.param.ParameterArbitraries;
import org.jsctp.core.seq.Tsn;

/**
 * jqwik generators of valid base-protocol chunks (RFC 9260 and NR-SACK), for property tests of
 * these chunks and of the packets that carry them.
 */
public final class CoreChunkArbitraries {

    private CoreChunkArbitraries() {
    }

    /** Any of the base-protocol chunks, with random valid contents. */
    public static Arbitrary<Chunk> anyCoreChunk() {
        return Arbitraries.oneOf(
                init(), initAck(), sack(), nrSack(), heartbeat(), heartbeatAck(), abort(), shutdown(),
                shutdownAck(), error(), cookieEcho(), ecne(), cwr(), shutdownComplete());
    }

    /** Any 32-bit TSN, including 0, 2^31 and 2^32-1. */
    public static Arbitrary<Tsn> tsn() {
        return Arbitraries.integers().map(Tsn::new);
    }

    /** Any 16-bit value. */
    public static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    public static Arbitrary<GapAckBlock> gapAckBlock() {
        return Combinators.combine(u16(), u16()).as(GapAckBlock::new);
    }

    public static Arbitrary<Chunk> init() {
        Arbitrary<Integer> tag = Arbitraries.integers().filter(t -> t != 0);
        return Combinators.combine(tag, Arbitraries.integers(), u16(), u16(), tsn(),
                        ParameterArbitraries.anyParameter().list().ofMaxSize(6))
                .as(InitChunk::new);
    }

    public static Arbitrary<Chunk> initAck() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), u16(), u16(), tsn(),
                        ParameterArbitraries.anyParameter().list().ofMaxSize(6))
                .as(InitAckChunk::new);
    }

    public static Arbitrary<Chunk> sack() {
        return Combinators.combine(tsn(), Arbitraries.integers(), gapAckBlock().list().ofMaxSize(20),
                        tsn().list().ofMaxSize(20))
                .as(SackChunk::new);
    }

    public static Arbitrary<Chunk> nrSack() {
        return Combinators.combine(Arbitraries.of(true, false), tsn(), Arbitraries.integers(),
                        gapAckBlock().list().ofMaxSize(20), gapAckBlock().list().ofMaxSize(20),
                        tsn().list().ofMaxSize(20))
                .as(NrSackChunk::new);
    }

    public static Arbitrary<Chunk> heartbeat() {
        return ParameterArbitraries.anyParameter().list().ofMinSize(1).ofMaxSize(3).map(HeartbeatChunk::new);
    }

    public static Arbitrary<Chunk> heartbeatAck() {
        return ParameterArbitraries.anyParameter().list().ofMinSize(1).ofMaxSize(3).map(HeartbeatAckChunk::new);
    }

    public static Arbitrary<Chunk> abort() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        CauseArbitraries.anyCause().list().ofMaxSize(4))
                .as(AbortChunk::new);
    }

    public static Arbitrary<Chunk> error() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        CauseArbitraries.anyCause().list().ofMinSize(1).ofMaxSize(4))
                .as(ErrorChunk::new);
    }

    public static Arbitrary<Chunk> shutdown() {
        return tsn().map(ShutdownChunk::new);
    }

    public static Arbitrary<Chunk> shutdownAck() {
        return Arbitraries.just(ShutdownAckChunk.INSTANCE);
    }

    public static Arbitrary<Chunk> shutdownComplete() {
        return Arbitraries.of(true, false).map(ShutdownCompleteChunk::new);
    }

    public static Arbitrary<Chunk> cookieEcho() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> new CookieEchoChunk(Bytes.wrap(b)));
    }

    public static Arbitrary<Chunk> ecne() {
        Arbitrary<OptionalInt> count = Arbitraries.oneOf(Arbitraries.just(OptionalInt.empty()),
                Arbitraries.integers().map(OptionalInt::of));
        return Combinators.combine(tsn(), count).as(EcneChunk::new);
    }

    public static Arbitrary<Chunk> cwr() {
        return tsn().map(CwrChunk::new);
    }
}
