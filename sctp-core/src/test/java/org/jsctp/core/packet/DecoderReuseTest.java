package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.Chunks;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * A decoder reuses its readers and checksum state from one decode to the next (issue 6); what it
 * hands out must not notice: every decoded packet stays as it was decoded, whatever the decoder
 * decodes afterwards, and a failed decode leaves the decoder as good as new.
 */
class DecoderReuseTest {

    private static byte[] dataPacket(int tsn, String payloadHex) {
        return PacketEncoder.toByteArray(new SctpPacket(CommonHeader.of(5000, 5001, 0x11223344), List.of(
                new DataChunk(false, false, true, true, new Tsn(tsn), 1, new Ssn(tsn), 51, Bytes.fromHex(payloadHex)))));
    }

    @Test
    void aPacketDecodedEarlierIsUnchangedByLaterDecodesWithTheSameDecoder() throws DecodeException {
        PacketDecoder decoder = PacketDecoder.strict();
        SctpPacket first = decoder.decode(dataPacket(1, "0102030405"));
        SctpPacket second = decoder.decode(dataPacket(2, "a0a1a2"));
        SctpPacket third = decoder.decode(PacketEncoder.toByteArray(new SctpPacket(CommonHeader.of(5001, 5000, 7),
                List.of(SackChunk.of(new Tsn(2), 1000), CookieAckChunk.INSTANCE))));

        DataChunk d1 = (DataChunk) first.chunks().get(0);
        DataChunk d2 = (DataChunk) second.chunks().get(0);
        assertThat(d1.tsn()).isEqualTo(new Tsn(1));
        assertThat(d1.userData()).isEqualTo(Bytes.fromHex("0102030405"));
        assertThat(d2.tsn()).isEqualTo(new Tsn(2));
        assertThat(d2.userData()).isEqualTo(Bytes.fromHex("a0a1a2"));
        assertThat(first.header().verificationTag()).isEqualTo(0x11223344);
        assertThat(third.chunks()).containsExactly(SackChunk.of(new Tsn(2), 1000), CookieAckChunk.INSTANCE);
    }

    @Test
    void aDecodeThatFailsLeavesTheDecoderAbleToDecodeTheNextPacket() throws DecodeException {
        PacketDecoder decoder = PacketDecoder.strict();
        byte[] corrupt = dataPacket(1, "0102030405");
        corrupt[corrupt.length - 4] ^= 1; // the checksum no longer matches
        assertThatThrownBy(() -> decoder.decode(corrupt)).isInstanceOf(DecodeException.class)
                .extracting(e -> ((DecodeException) e).reason()).isEqualTo(DecodeException.Reason.BAD_CHECKSUM);
        SctpPacket next = decoder.decode(dataPacket(9, "ff"));
        assertThat(((DataChunk) next.chunks().get(0)).tsn()).isEqualTo(new Tsn(9));

        PacketDecoder unchecked = new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM);
        byte[] truncated = java.util.Arrays.copyOf(dataPacket(1, "0102030405"), 20); // fails inside the chunk
        assertThatThrownBy(() -> unchecked.decode(truncated)).isInstanceOf(DecodeException.class);
        SctpPacket after = unchecked.decode(dataPacket(10, "0a0b"));
        assertThat(((DataChunk) after.chunks().get(0)).userData()).isEqualTo(Bytes.fromHex("0a0b"));
    }

    @Test
    void chunksDecodedThroughOneScratchReaderAreTheSameAsThroughFreshReaders() throws DecodeException {
        byte[] packet = PacketEncoder.toByteArray(new SctpPacket(CommonHeader.of(1, 2, 3), List.of(
                SackChunk.of(new Tsn(5), 100), CookieAckChunk.INSTANCE,
                new DataChunk(false, true, true, true, new Tsn(6), 0, new Ssn(0), 0, Bytes.fromHex("beef")))));
        List<Chunk> fresh = Chunks.decodeList(WireReader.of(packet, 12, packet.length - 12, "chunks"));
        List<Chunk> reused = Chunks.decodeList(WireReader.of(packet, 12, packet.length - 12, "chunks"),
                WireReader.unbound());
        assertThat(reused).isEqualTo(fresh).hasSize(3);
    }

    @Test
    void aReaderSplitIntoAScratchReaderReadsOnlyItsRangeAndAdvancesTheParent() throws DecodeException {
        WireReader parent = WireReader.of(new byte[] {1, 2, 3, 4, 5, 6}, "parent");
        WireReader child = WireReader.unbound();
        assertThat(child.hasRemaining()).isFalse();
        assertThat(parent.splitInto(child, 2, "child")).isSameAs(child);
        assertThat(child.readU16()).isEqualTo(0x0102);
        assertThatThrownBy(child::readU8).isInstanceOf(DecodeException.class).hasMessageContaining("child");
        assertThat(parent.position()).isEqualTo(2);
        parent.splitInto(child, 3, "again");
        assertThat(child.readU8()).isEqualTo(3);
        assertThat(child.remaining()).isEqualTo(2);
        assertThatThrownBy(() -> parent.splitInto(child, 5, "too long")).isInstanceOf(DecodeException.class);
        assertThat(child.reset(new byte[] {9, 8}, 1, 1, "reset").readU8()).isEqualTo(8);
    }

    @Test
    void theChecksumOfADirectBufferEqualsTheHeapOneAndLeavesPositionAndLimitAlone() {
        byte[] packet = dataPacket(3, "00112233445566778899");
        ByteBuffer direct = ByteBuffer.allocateDirect(packet.length + 10);
        direct.position(5);
        direct.put(packet);
        direct.position(3).limit(packet.length + 7);
        int fromDirect = Crc32c.compute(direct, 5, packet.length);
        assertThat(direct.position()).isEqualTo(3);
        assertThat(direct.limit()).isEqualTo(packet.length + 7);
        assertThat(fromDirect).isEqualTo(Crc32c.compute(packet, 0, packet.length))
                .isEqualTo(Crc32c.compute(ByteBuffer.wrap(packet), 0, packet.length))
                .isEqualTo(ByteBuffer.wrap(packet).getInt(Crc32c.CHECKSUM_OFFSET));
        ByteBuffer offsetHeap = ByteBuffer.wrap(new byte[packet.length + 4], 2, packet.length).slice();
        offsetHeap.put(packet);
        assertThat(Crc32c.compute(offsetHeap, 0, packet.length)).isEqualTo(fromDirect);
    }
}
