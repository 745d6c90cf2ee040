package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

class ExtensionChunkProperties {

    @Property(tries = 200)
    void authChunksRoundTrip(@ForAll("auth") AuthChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void iDataChunksRoundTrip(@ForAll("iData") IDataChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void asconfChunksRoundTrip(@ForAll("asconf") AsconfChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void asconfAckChunksRoundTrip(@ForAll("asconfAck") AsconfAckChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void reconfigChunksRoundTrip(@ForAll("reconfig") ReconfigChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void padChunksRoundTrip(@ForAll("pad") PadChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void forwardTsnChunksRoundTrip(@ForAll("forwardTsn") ForwardTsnChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void iForwardTsnChunksRoundTrip(@ForAll("iForwardTsn") IForwardTsnChunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    @Property(tries = 200)
    void anyExtensionChunkRoundTrips(@ForAll("anyExtension") Chunk chunk) {
        CodecAssertions.roundTrip(chunk);
    }

    /** Whatever the bytes, decoding one of these chunk types ends in a chunk or a DecodeException. */
    @Property(tries = 200)
    void arbitraryValueBytesDecodeOrFailWithDecodeExceptionOnly(@ForAll("extensionType") int type,
                                                                @ForAll("flags") int flags,
                                                                @ForAll("valueBytes") byte[] value) {
        try {
            Chunk chunk = Chunks.decodeValue(type, flags, WireReader.of(value, ChunkType.elementName(type)));
            assertThat(chunk.type()).isEqualTo(type);
            ByteBuffer out = ByteBuffer.allocate(chunk.encodedLength());
            chunk.encode(out);
            assertThat(out.position()).isEqualTo(chunk.encodedLength());
        } catch (DecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    /** A chunk's value cut short by any amount never decodes to something longer than what is left. */
    @Property(tries = 200)
    void truncatedValuesNeverReadPastTheirEnd(@ForAll("anyExtension") Chunk chunk, @ForAll("cut") int cut) {
        byte[] full = CodecAssertions.encode(chunk);
        int valueLength = chunk.valueLength();
        int keep = Math.max(0, valueLength - 1 - Math.floorMod(cut, Math.max(1, valueLength)));
        try {
            Chunk decoded = Chunks.decodeValue(chunk.type(), chunk.flags(), WireReader.of(full, 4, keep, "cut"));
            assertThat(decoded.valueLength()).isLessThanOrEqualTo(keep);
        } catch (DecodeException expected) {
            assertThat(expected.offset()).isBetween(4, 4 + keep);
        }
    }

    @Provide
    Arbitrary<AuthChunk> auth() {
        return ExtensionChunkArbitraries.authChunk();
    }

    @Provide
    Arbitrary<IDataChunk> iData() {
        return ExtensionChunkArbitraries.iDataChunk();
    }

    @Provide
    Arbitrary<AsconfChunk> asconf() {
        return ExtensionChunkArbitraries.asconfChunk();
    }

    @Provide
    Arbitrary<AsconfAckChunk> asconfAck() {
        return ExtensionChunkArbitraries.asconfAckChunk();
    }

    @Provide
    Arbitrary<ReconfigChunk> reconfig() {
        return ExtensionChunkArbitraries.reconfigChunk();
    }

    @Provide
    Arbitrary<PadChunk> pad() {
        return ExtensionChunkArbitraries.padChunk();
    }

    @Provide
    Arbitrary<ForwardTsnChunk> forwardTsn() {
        return ExtensionChunkArbitraries.forwardTsnChunk();
    }

    @Provide
    Arbitrary<IForwardTsnChunk> iForwardTsn() {
        return ExtensionChunkArbitraries.iForwardTsnChunk();
    }

    @Provide
    Arbitrary<Chunk> anyExtension() {
        return ExtensionChunkArbitraries.anyExtensionChunk();
    }

    @Provide
    Arbitrary<Integer> extensionType() {
        return Arbitraries.of(ChunkType.AUTH, ChunkType.I_DATA, ChunkType.ASCONF, ChunkType.ASCONF_ACK,
                ChunkType.RE_CONFIG, ChunkType.PAD, ChunkType.FORWARD_TSN, ChunkType.I_FORWARD_TSN);
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 1 << 16);
    }

    /** Random bytes, biased towards plausible headers of nested address parameters and parameters. */
    @Provide
    Arbitrary<byte[]> valueBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
        Arbitrary<byte[]> asconfLike = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(48).map(b -> {
            b[4] = 0;
            b[5] = (byte) (b[5] & 1) == 0 ? (byte) 5 : (byte) 6;
            b[6] = 0;
            b[7] = (byte) (b[7] & 0x1F);
            return b;
        });
        return Arbitraries.oneOf(random, asconfLike);
    }
}
