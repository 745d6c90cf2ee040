package org.jsctp.core.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.CauseArbitraries;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.CoreChunkArbitraries;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ExtensionChunkArbitraries;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.packet.param.ParameterArbitraries;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * jqwik generators of real chunks with mutated fields, for {@link MutatedChunkProperties}. A
 * generated {@link Recipe} is filled in against the target association when it is sent, so that
 * "near" means near its actual state: TSNs around the peer's cumulative TSN (for DATA, I-DATA,
 * FORWARD TSN) or around what the target sent (SACK, SHUTDOWN), around the 2^31 and 2^32 wraps,
 * stream identifiers up to and past the negotiated counts, absurd gap blocks, every flag; and the
 * other chunk types the codec knows, with random valid contents.
 */
final class ChunkRecipes {

    /** What a recipe may depend on: the state of the association the chunk is sent to. */
    record Target(Tsn peerTsnBase, Tsn ownTsnBase, int inboundStreams, int outboundStreams) {
    }

    /** A chunk to be made for a target. */
    interface Recipe {
        Chunk make(Target target);

        /** Whether the chunk, if accepted, moves the peer's TSN sequence (so that real DATA may then be lost). */
        default boolean movesPeerTsns() {
            return false;
        }

        /** Whether the chunk, if accepted, acknowledges what the target sent (so that real data may go unsent). */
        default boolean acknowledges() {
            return false;
        }
    }

    private ChunkRecipes() {
    }

    /** One recipe of any of the covered chunk types. */
    static Arbitrary<Recipe> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, data()), Tuple.of(4, iData()), Tuple.of(5, sack()),
                Tuple.of(1, init()), Tuple.of(1, initAck()),
                Tuple.of(1, cookieEcho()), Tuple.of(1, fixed(CookieAckChunk.INSTANCE)),
                Tuple.of(2, heartbeat()), Tuple.of(1, abort()),
                Tuple.of(2, shutdown()), Tuple.of(1, fixed(ShutdownAckChunk.INSTANCE)),
                Tuple.of(1, shutdownComplete()), Tuple.of(2, error()),
                Tuple.of(2, forwardTsn()), Tuple.of(1, iForwardTsn()),
                Tuple.of(3, unknown()), Tuple.of(2, otherKnown()));
    }

    /**
     * The remaining types the codec knows (NR-SACK, ECNE, CWR, AUTH, ASCONF, ASCONF ACK,
     * RE-CONFIG, PAD and the rest), with random valid contents, not tied to the target's state.
     */
    static Arbitrary<Recipe> otherKnown() {
        return Arbitraries.oneOf(CoreChunkArbitraries.nrSack(), CoreChunkArbitraries.ecne(), CoreChunkArbitraries.cwr(),
                        ExtensionChunkArbitraries.anyExtensionChunk())
                .map(chunk -> t -> chunk);
    }

    /** An offset from a base TSN: mostly close to it, sometimes across a wrap or anywhere. */
    static Arbitrary<Integer> tsnOffset() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(-4, 20)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
                        0xFFFF, 0x10000, -0x10000)),
                Tuple.of(1, Arbitraries.integers()));
    }

    /** A stream identifier relative to a count: inside, just past, far past. */
    private static Arbitrary<Integer> streamOffset() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 3)),
                Tuple.of(2, Arbitraries.of(-1, -2, 0xFFFF)), // count, count + 1, 65535 (see stream())
                Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
    }

    private static int stream(int offset, int count) {
        return offset == -1 ? count : offset == -2 ? count + 1 : offset;
    }

    private static Arbitrary<Bytes> userData() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(600)),
                Tuple.of(1, Arbitraries.just(new byte[0]))) // DATA without user data (section 6.2)
                .map(Bytes::wrap);
    }

    private static Arbitrary<Integer> smallOrAny16() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 0xFFFF));
    }

    private static Arbitrary<Integer> smallOrAny32() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 4), Arbitraries.integers());
    }

    static Arbitrary<Recipe> data() {
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        return Combinators.combine(flags, tsnOffset(), streamOffset(), smallOrAny16(), userData())
                .as((f, tsn, stream, ssn, payload) -> new Recipe() {
                    @Override
                    public Chunk make(Target t) {
                        return new DataChunk((f & 8) != 0, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0,
                                t.peerTsnBase().plus(tsn), stream(stream, t.inboundStreams()) & 0xFFFF, new Ssn(ssn), 51, payload);
                    }

                    @Override
                    public boolean movesPeerTsns() {
                        return true;
                    }
                });
    }

    static Arbitrary<Recipe> iData() {
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        return Combinators.combine(flags, tsnOffset(), streamOffset(), smallOrAny32(), smallOrAny32(), userData())
                .as((f, tsn, stream, mid, fsn, payload) -> new Recipe() {
                    @Override
                    public Chunk make(Target t) {
                        // RFC 8260 section 2.1: the PPID field is only in the first fragment; FSN 0 there.
                        return new IDataChunk((f & 8) != 0, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0,
                                t.peerTsnBase().plus(tsn), stream(stream, t.inboundStreams()) & 0xFFFF, new Mid(mid),
                                (f & 2) != 0 ? 51 : 0, (f & 2) != 0 ? new Fsn(0) : new Fsn(fsn), payload);
                    }

                    @Override
                    public boolean movesPeerTsns() {
                        return true;
                    }
                });
    }

    static Arbitrary<Recipe> sack() {
        Arbitrary<GapAckBlock> absurdBlock = Combinators.combine(smallOrAny16(), smallOrAny16()).as(GapAckBlock::new);
        Arbitrary<GapAckBlock> plausibleBlock = Combinators.combine(Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(0, 10)).as((s, n) -> new GapAckBlock(s, Math.min(0xFFFF, s + n)));
        Arbitrary<List<GapAckBlock>> blocks = Arbitraries.oneOf(plausibleBlock.list().ofMaxSize(4),
                absurdBlock.list().ofMaxSize(8), plausibleBlock.list().ofMinSize(100).ofMaxSize(300));
        Arbitrary<Integer> window = Arbitraries.oneOf(Arbitraries.of(0, 1, 1500, 65535, Integer.MAX_VALUE, -1),
                Arbitraries.integers());
        return Combinators.combine(tsnOffset(), window, blocks, tsnOffset().list().ofMaxSize(6))
                .as((cum, w, gaps, dups) -> new Recipe() {
                    @Override
                    public Chunk make(Target t) {
                        Tsn cumulative = t.ownTsnBase().plus(cum);
                        return new SackChunk(cumulative, w, gaps, dups.stream().map(cumulative::plus).toList());
                    }

                    @Override
                    public boolean acknowledges() {
                        return true;
                    }
                });
    }

    static Arbitrary<Recipe> init() {
        return Combinators.combine(Arbitraries.integers().filter(x -> x != 0), Arbitraries.integers(), smallOrAny16(),
                        smallOrAny16(), Arbitraries.integers(), ParameterArbitraries.anyParameter().list().ofMaxSize(4))
                .as((tag, w, out, in, tsn, params) -> t -> new InitChunk(tag, w, out, in, new Tsn(tsn), params));
    }

    static Arbitrary<Recipe> initAck() {
        return Combinators.combine(Arbitraries.integers().filter(x -> x != 0), Arbitraries.integers(), smallOrAny16(),
                        smallOrAny16(), Arbitraries.integers(), ParameterArbitraries.anyParameter().list().ofMaxSize(4))
                .as((tag, w, out, in, tsn, params) -> t -> new InitAckChunk(tag, w, out, in, new Tsn(tsn), params));
    }

    static Arbitrary<Recipe> cookieEcho() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> t -> new CookieEchoChunk(Bytes.wrap(b)));
    }

    static Arbitrary<Recipe> heartbeat() {
        Arbitrary<byte[]> info = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(Arbitraries.of(true, false), info).as((request, b) -> t -> request
                ? new HeartbeatChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(b))))
                : new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(b)))));
    }

    static Arbitrary<Recipe> abort() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        CauseArbitraries.anyCause().list().ofMaxSize(3))
                .as((reflected, middlebox, causes) -> t -> new AbortChunk(reflected, middlebox, causes));
    }

    static Arbitrary<Recipe> error() {
        Arbitrary<List<org.jsctp.core.packet.cause.ErrorCause>> causes = Arbitraries.oneOf(
                CauseArbitraries.anyCause().list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(m -> List.of(StaleCookieCause.ofMicros(m))));
        return Combinators.combine(Arbitraries.of(true, false), causes)
                .as((reflected, c) -> t -> new ErrorChunk(reflected, false, c));
    }

    static Arbitrary<Recipe> shutdown() {
        return tsnOffset().map(cum -> new Recipe() {
            @Override
            public Chunk make(Target t) {
                return new ShutdownChunk(t.ownTsnBase().plus(cum));
            }

            @Override
            public boolean acknowledges() {
                return true;
            }
        });
    }

    static Arbitrary<Recipe> shutdownComplete() {
        return Arbitraries.of(true, false).map(reflected -> t -> new ShutdownCompleteChunk(reflected));
    }

    static Arbitrary<Recipe> forwardTsn() {
        Arbitrary<List<int[]>> entries = Combinators.combine(streamOffset(), smallOrAny16())
                .as((s, n) -> new int[] {s, n}).list().ofMaxSize(4);
        return Combinators.combine(tsnOffset(), entries).as((cum, e) -> new Recipe() {
            @Override
            public Chunk make(Target t) {
                return new ForwardTsnChunk(t.peerTsnBase().plus(cum), e.stream()
                        .map(x -> new ForwardTsnEntry(stream(x[0], t.inboundStreams()) & 0xFFFF, new Ssn(x[1]))).toList());
            }

            @Override
            public boolean movesPeerTsns() {
                return true;
            }
        });
    }

    static Arbitrary<Recipe> iForwardTsn() {
        Arbitrary<List<int[]>> entries = Combinators.combine(streamOffset(), Arbitraries.integers().between(0, 1),
                smallOrAny32()).as((s, u, m) -> new int[] {s, u, m}).list().ofMaxSize(4);
        return Combinators.combine(tsnOffset(), entries).as((cum, e) -> new Recipe() {
            @Override
            public Chunk make(Target t) {
                return new IForwardTsnChunk(t.peerTsnBase().plus(cum), e.stream().map(x -> new IForwardTsnEntry(
                        stream(x[0], t.inboundStreams()) & 0xFFFF, x[1] == 1, new Mid(x[2]))).toList());
            }

            @Override
            public boolean movesPeerTsns() {
                return true;
            }
        });
    }

    /** Chunk types the stack does not know, from each of the four classes the two high bits make (RFC 9260 section 3.2). */
    static Arbitrary<Recipe> unknown() {
        Arbitrary<Integer> type = Arbitraries.of(0x00, 0x40, 0x80, 0xC0)
                .flatMap(high -> Arbitraries.integers().between(high, high + 0x3F))
                .filter(ty -> !isKnown(ty));
        return Combinators.combine(type, Arbitraries.integers().between(0, 255),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as((ty, flags, value) -> t -> new UnknownChunk(ty, flags, Bytes.wrap(value)));
    }

    private static boolean isKnown(int type) {
        return type <= ChunkType.NR_SACK || type == ChunkType.I_DATA || type == ChunkType.ASCONF_ACK
                || type == ChunkType.RE_CONFIG || type == ChunkType.PAD || type == ChunkType.FORWARD_TSN
                || type == ChunkType.ASCONF || type == ChunkType.I_FORWARD_TSN;
    }

    private static Arbitrary<Recipe> fixed(Chunk chunk) {
        return Arbitraries.just(t -> chunk);
    }
}
