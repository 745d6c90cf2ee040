package org.jsctp.core.packet.chunk;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.param.ParameterArbitraries;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * jqwik generators of valid extension chunks (AUTH, I-DATA, ASCONF, ASCONF-ACK, RE-CONFIG, PAD,
 * FORWARD TSN, I-FORWARD-TSN), for property tests of these chunks and of packets that carry them.
 */
public final class ExtensionChunkArbitraries {

    private ExtensionChunkArbitraries() {
    }

    /** Any of the extension chunks. */
    public static Arbitrary<Chunk> anyExtensionChunk() {
        return Arbitraries.oneOf(
                authChunk(), iDataChunk(), asconfChunk(), asconfAckChunk(),
                reconfigChunk(), padChunk(), forwardTsnChunk(), iForwardTsnChunk());
    }

    public static Arbitrary<AuthChunk> authChunk() {
        return Combinators.combine(u16(), u16(), bytes(64)).as(AuthChunk::new);
    }

    /** First and later fragments, with every flag combination. */
    public static Arbitrary<IDataChunk> iDataChunk() {
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        return Combinators.combine(flags, tsn(), u16(), mid(), Arbitraries.integers(), bytes(64))
                .as((f, tsn, streamId, mid, word, data) -> {
                    boolean immediate = (f & 8) != 0;
                    boolean unordered = (f & 4) != 0;
                    boolean ending = (f & 1) != 0;
                    return (f & 2) != 0
                            ? IDataChunk.firstFragment(immediate, unordered, ending, tsn, streamId, mid, word, data)
                            : IDataChunk.laterFragment(immediate, unordered, ending, tsn, streamId, mid,
                                    new Fsn(word), data);
                });
    }

    public static Arbitrary<AsconfChunk> asconfChunk() {
        return Combinators.combine(Arbitraries.integers(), address(),
                ParameterArbitraries.anyParameter().list().ofMaxSize(6)).as(AsconfChunk::new);
    }

    public static Arbitrary<AsconfAckChunk> asconfAckChunk() {
        return Combinators.combine(Arbitraries.integers(),
                ParameterArbitraries.anyParameter().list().ofMaxSize(6)).as(AsconfAckChunk::new);
    }

    public static Arbitrary<ReconfigChunk> reconfigChunk() {
        return ParameterArbitraries.anyParameter().list().ofMinSize(1).ofMaxSize(ReconfigChunk.MAX_PARAMETERS)
                .map(ReconfigChunk::new);
    }

    public static Arbitrary<PadChunk> padChunk() {
        return bytes(128).map(PadChunk::new);
    }

    public static Arbitrary<ForwardTsnChunk> forwardTsnChunk() {
        Arbitrary<ForwardTsnEntry> entry = Combinators.combine(u16(), u16().map(Ssn::new)).as(ForwardTsnEntry::new);
        return Combinators.combine(tsn(), entry.list().ofMaxSize(20)).as(ForwardTsnChunk::new);
    }

    public static Arbitrary<IForwardTsnChunk> iForwardTsnChunk() {
        Arbitrary<IForwardTsnEntry> entry = Combinators.combine(u16(), Arbitraries.of(true, false), mid())
                .as(IForwardTsnEntry::new);
        return Combinators.combine(tsn(), entry.list().ofMaxSize(20)).as(IForwardTsnChunk::new);
    }

    /** IPv4 and IPv6 addresses, IPv4-mapped IPv6 ones included, built from raw bytes (no lookups). */
    public static Arbitrary<InetAddress> address() {
        Arbitrary<InetAddress> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4)
                .map(ExtensionChunkArbitraries::ipv4);
        Arbitrary<InetAddress> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16)
                .map(ExtensionChunkArbitraries::ipv6);
        Arbitrary<InetAddress> mapped = Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> {
            byte[] a = new byte[16];
            a[10] = (byte) 0xFF;
            a[11] = (byte) 0xFF;
            System.arraycopy(b, 0, a, 12, 4);
            return ipv6(a);
        });
        return Arbitraries.frequencyOf(
                Tuple.of(4, v4), Tuple.of(4, v6), Tuple.of(1, mapped));
    }

    static InetAddress ipv4(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static InetAddress ipv6(byte[] raw) {
        try {
            return Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<Tsn> tsn() {
        return Arbitraries.integers().map(Tsn::new);
    }

    private static Arbitrary<Mid> mid() {
        return Arbitraries.integers().map(Mid::new);
    }

    private static Arbitrary<Bytes> bytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize).map(Bytes::wrap);
    }
}
