package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {

    private static final String HEADER = "1388 13 89 a1b2c3d4 00000000";

    /** Puts a valid CRC32C into a hand-written packet. */
    private static byte[] withChecksum(byte[] packet) {
        ByteBuffer.wrap(packet).putInt(Crc32c.CHECKSUM_OFFSET, Crc32c.compute(packet, 0, packet.length));
        return packet;
    }

    private static DecodeException.Reason reasonOf(byte[] packet) {
        try {
            PacketDecoder.strict().decode(packet);
        } catch (DecodeException e) {
            return e.reason();
        }
        throw new AssertionError("decoded without error");
    }

    @Test
    void encodesAndDecodesAPacketWithSeveralChunks() throws DecodeException {
        SctpPacket packet = new SctpPacket(CommonHeader.of(5000, 5001, 0x11223344), List.of(
                new DataChunk(false, false, true, true, new Tsn(9), 1, new Ssn(2), 51, Bytes.fromHex("0102030405")),
                CookieAckChunk.INSTANCE,
                new UnknownChunk(0xBF, 0x5A, Bytes.fromHex("cafe"))));
        byte[] bytes = PacketEncoder.toByteArray(packet);
        assertThat(bytes).hasSize(packet.encodedLength()).hasSize(12 + 24 + 4 + 8);

        SctpPacket decoded = PacketDecoder.strict().decode(bytes);
        assertThat(decoded.chunks()).isEqualTo(packet.chunks());
        assertThat(decoded.header().sourcePort()).isEqualTo(5000);
        assertThat(decoded.header().destinationPort()).isEqualTo(5001);
        assertThat(decoded.header().verificationTag()).isEqualTo(0x11223344);
        assertThat(decoded.header().checksum()).isEqualTo(Crc32c.compute(bytes, 0, bytes.length));
    }

    @Test
    void aHeaderWithoutChunksDecodesToAnEmptyChunkList() throws DecodeException {
        assertThat(PacketDecoder.strict().decode(withChecksum(hex(HEADER))).chunks()).isEmpty();
    }

    @Test
    void packetsShorterThanTheCommonHeaderAreTruncated() {
        for (int n = 0; n < 12; n++) {
            assertThat(reasonOf(new byte[n])).isEqualTo(DecodeException.Reason.TRUNCATED);
        }
    }

    @Test
    void chunkLengthsBelowFourAreRejected() {
        for (int length = 0; length < 4; length++) {
            byte[] p = withChecksum(hex(HEADER + String.format(" 0b 00 %04x", length)));
            assertThat(reasonOf(p)).as("chunk length %d", length).isEqualTo(DecodeException.Reason.LENGTH_TOO_SHORT);
        }
    }

    @Test
    void aChunkLengthPastTheEndOfThePacketIsAnOverrun() {
        byte[] p = withChecksum(hex(HEADER + " 00 03 0020 00000001 0000 0000 00000000"));
        assertThat(reasonOf(p)).isEqualTo(DecodeException.Reason.LENGTH_OVERRUN);
    }

    @Test
    void aChunkHeaderCutShortIsTruncated() {
        assertThat(reasonOf(withChecksum(hex(HEADER + " 0b 00")))).isEqualTo(DecodeException.Reason.TRUNCATED);
    }

    @Test
    void theLastChunkMustBePaddedToFourBytes() {
        // DATA with 1 byte of user data: length 17, padding missing at the end of the packet.
        byte[] p = withChecksum(hex(HEADER + " 00 03 0011 00000001 0000 0000 00000000 aa"));
        assertThat(reasonOf(p)).isEqualTo(DecodeException.Reason.MISSING_PADDING);
    }

    @Test
    void nonZeroPaddingBytesAreIgnored() throws DecodeException {
        // RFC 9260 section 3.2: the receiver ignores the padding bytes.
        byte[] p = withChecksum(hex(HEADER + " 00 03 0011 00000001 0000 0000 00000000 aa ffffff"));
        assertThat(PacketDecoder.strict().decode(p).chunks()).hasSize(1);
    }

    @Test
    void aWrongChecksumIsRejectedWithWhereItIs() {
        byte[] p = withChecksum(hex(HEADER + " 0b 00 0004"));
        p[p.length - 1] ^= 1;
        assertThatThrownBy(() -> PacketDecoder.strict().decode(p)).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(DecodeException.Reason.BAD_CHECKSUM);
            assertThat(e.offset()).isEqualTo(8);
        });
    }

    @Test
    void aZeroChecksumIsAcceptedOnlyWhenTheOptionIsOn() throws DecodeException {
        byte[] p = hex(HEADER + " 0b 00 0004"); // checksum field left zero
        assertThat(reasonOf(p)).isEqualTo(DecodeException.Reason.BAD_CHECKSUM);
        assertThat(new PacketDecoder(DecoderOptions.ACCEPT_ZERO_CHECKSUM).decode(p).chunks())
                .containsExactly(CookieAckChunk.INSTANCE);
    }

    @Test
    void aNonZeroWrongChecksumIsRejectedEvenWhenZeroChecksumsAreAccepted() {
        byte[] p = hex(HEADER + " 0b 00 0004");
        p[11] = 1;
        assertThatThrownBy(() -> new PacketDecoder(DecoderOptions.ACCEPT_ZERO_CHECKSUM).decode(p))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.BAD_CHECKSUM));
    }

    @Test
    void theFuzzingSwitchSkipsTheChecksum() throws DecodeException {
        byte[] p = hex("1388 1389 a1b2c3d4 deadbeef 0b 00 0004");
        assertThat(new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM).decode(p).chunks()).hasSize(1);
    }

    @Test
    void decodingAtAnOffsetReportsOffsetsInTheArray() {
        byte[] inner = withChecksum(hex(HEADER + " 0b 00 0002"));
        byte[] outer = new byte[inner.length + 10];
        System.arraycopy(inner, 0, outer, 10, inner.length);
        assertThatThrownBy(() -> PacketDecoder.strict().decode(outer, 10, inner.length))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DecodeException.Reason.LENGTH_TOO_SHORT);
                    assertThat(e.offset()).isEqualTo(22);
                });
    }

    @Test
    void theEncoderWritesAZeroChecksumOnlyWhenAsked() {
        ByteBuffer out = ByteBuffer.allocate(16);
        PacketEncoder.encode(out, 1, 2, 3, List.of(CookieAckChunk.INSTANCE), true);
        assertThat(out.getInt(8)).isZero();
        out.clear();
        PacketEncoder.encode(out, 1, 2, 3, List.of(CookieAckChunk.INSTANCE), false);
        assertThat(out.getInt(8)).isEqualTo(Crc32c.compute(out.array(), 0, 16));
    }

    @Test
    void theEncoderRefusesLittleEndianBuffers() {
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> PacketEncoder.encode(out, 1, 2, 3, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksumOverADirectBufferMatchesTheArrayChecksum() {
        byte[] p = hex(HEADER + " 0b 00 0004");
        ByteBuffer direct = ByteBuffer.allocateDirect(p.length + 4);
        direct.position(4);
        direct.put(p);
        assertThat(Crc32c.compute(direct, 4, p.length)).isEqualTo(Crc32c.compute(p, 0, p.length));
    }
}
