package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.junit.jupiter.api.Test;

class PadChunkTest {

    @Test
    void paddingDataIsKeptByteForByte() {
        // type 132, length 7: 3 bytes of padding data, then the chunk's own padding byte
        Chunk c = CodecAssertions.decodeChunk(hex("84 00 0007 abcdef 00"));
        assertThat(c).isEqualTo(new PadChunk(Bytes.fromHex("abcdef")));
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("84 00 0007 abcdef 00"));
    }

    @Test
    void headerAloneIsAnEmptyPadChunk() {
        assertThat(CodecAssertions.decodeChunk(hex("84 00 0004"))).isEqualTo(PadChunk.ofLength(0));
    }

    @Test
    void reservedFlagsAreIgnoredAndSentAsZero() {
        Chunk c = CodecAssertions.decodeChunk(hex("84 ff 0008 00000000"));
        assertThat(c).isEqualTo(PadChunk.ofLength(4));
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("84 00 0008 00000000"));
    }

    @Test
    void roundTripsAnyLength() {
        CodecAssertions.roundTrip(PadChunk.ofLength(0));
        CodecAssertions.roundTrip(PadChunk.ofLength(1));
        CodecAssertions.roundTrip(new PadChunk(Bytes.fromHex("0102030405060708ff")));
        CodecAssertions.roundTrip(PadChunk.ofLength(0xFFFF - 4));
    }

    @Test
    void ofLengthMakesZeroPadding() {
        assertThat(PadChunk.ofLength(3).padding()).isEqualTo(Bytes.fromHex("000000"));
    }

    @Test
    void badlyFramedPadChunksAreRejected() {
        assertRejected("84 00 0002", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("84 00 0010 0000", DecodeException.Reason.LENGTH_OVERRUN);
        assertRejected("84 00 0005 aa", DecodeException.Reason.MISSING_PADDING);
    }

    @Test
    void paddingMustFitTheLengthField() {
        assertThatThrownBy(() -> PadChunk.ofLength(0xFFFF - 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PadChunk.ofLength(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PadChunk(Bytes.wrap(new byte[0xFFFF - 3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
