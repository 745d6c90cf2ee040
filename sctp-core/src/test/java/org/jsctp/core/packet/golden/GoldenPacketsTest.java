package org.jsctp.core.packet.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.golden.GoldenCaptures.Capture;
import org.jsctp.core.packet.golden.GoldenCaptures.RawChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real usrsctp packets (test resources {@code /golden}, see NOTE.md there) against the codec:
 * every packet decodes strictly, re-encodes to the very same bytes (so chunk layouts, padding
 * and the CRC32C all agree with usrsctp), and the captures hold the chunk types their
 * documentation lists.
 */
class GoldenPacketsTest {

    private static final List<Capture> CAPTURES = GoldenCaptures.all();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyCaptureIsDocumentedAndEveryDocumentedCaptureIsPresent() {
        assertThat(GoldenCaptures.documentedChunkCounts().keySet())
                .as("captures in the README.md / NOTE.md tables")
                .containsExactlyElementsOf(GoldenCaptures.fileNames());
        assertThat(GoldenCaptures.fileNames()).as("shared captures").filteredOn(n -> !n.startsWith("extra-")).hasSize(12);
    }

    @TestFactory
    Stream<DynamicTest> everyFrameIsAUdpDatagramBetweenTheDocumentedPorts() {
        return CAPTURES.stream().map(c -> dynamicTest(c.name(), () -> {
            int frames = Pcapng.readFrames(GoldenCaptures.directory().resolve(c.name())).size();
            assertThat(c.packets()).as("%s: UDP datagrams, one per frame", c).hasSize(frames).isNotEmpty();
            for (Pcapng.UdpDatagram d : c.packets()) {
                assertThat(List.of(d.sourcePort(), d.destinationPort()))
                        .as("%s frame %d: UDP ports", c, d.frameNumber())
                        .isSubsetOf(c.ports());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> chunkTypesMatchTheDocumentedCounts() {
        Map<String, Map<Integer, Integer>> documented = GoldenCaptures.documentedChunkCounts();
        return CAPTURES.stream().map(c -> dynamicTest(c.name(), () ->
                assertThat(GoldenCaptures.chunkCounts(c))
                        .as("%s: chunk type -> count, by the chunk headers", c)
                        .isEqualTo(documented.get(c.name()))));
    }

    /**
     * The checksum field of every captured packet is {@link Crc32c#compute} of the packet, over a
     * heap array and over a direct buffer at an odd offset. usrsctp computed these, so this pins
     * the byte order of the field (RFC 9260 appendix A) independently of our encoder.
     */
    @TestFactory
    Stream<DynamicTest> everyChecksumIsTheCrc32cOfItsPacket() {
        return CAPTURES.stream().map(c -> dynamicTest(c.name(), () -> {
            List<String> mismatches = new ArrayList<>();
            for (Pcapng.UdpDatagram d : c.packets()) {
                byte[] wire = d.payload();
                int field = ByteBuffer.wrap(wire).getInt(Crc32c.CHECKSUM_OFFSET);
                int heap = Crc32c.compute(wire, 0, wire.length);
                ByteBuffer direct = ByteBuffer.allocateDirect(wire.length + 3);
                direct.position(3);
                direct.put(wire);
                int fromDirect = Crc32c.compute(direct, 3, wire.length);
                if (heap != field || fromDirect != field) {
                    mismatches.add(String.format("frame %d: checksum field 0x%08x, Crc32c.compute 0x%08x, "
                                    + "direct buffer 0x%08x%s", d.frameNumber(), field, heap, fromDirect,
                            Integer.reverseBytes(heap) == field ? " (the same bytes in reverse order)" : ""));
                }
            }
            assertThat(mismatches).as("%s: packets whose checksum field is not Crc32c.compute", c).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicContainer> everyPacketDecodesStrictlyAndReencodesByteForByte() {
        return CAPTURES.stream().map(c -> dynamicContainer(c.name(), c.packets().stream().map(d -> {
            String where = c.name() + " frame " + d.frameNumber();
            List<RawChunk> raw = GoldenCaptures.walk(where, d.payload());
            String types = raw.stream().map(r -> ChunkType.name(r.type())).collect(Collectors.joining(", "));
            return dynamicTest("frame " + d.frameNumber() + ": " + types, () -> assertRoundTrip(where, d.payload(), raw));
        })));
    }

    /** The check itself: a packet the encoder cannot reproduce is reported with file, frame, chunk and offset. */
    @Test
    void aDifferenceIsReportedWithItsChunkAndOffset() {
        // DATA with one byte of user data: usrsctp pads with zeros, this one pads with ff ff ff.
        DataChunk data = new DataChunk(false, false, true, true, new Tsn(7), 1, new Ssn(2), 51, Bytes.fromHex("61"));
        SctpPacket packet = new SctpPacket(CommonHeader.of(5000, 5000, 0x01020304), List.of(new CookieAckChunk(), data));
        byte[] wire = PacketEncoder.toByteArray(packet);
        wire[wire.length - 3] = wire[wire.length - 2] = wire[wire.length - 1] = (byte) 0xFF;
        ByteBuffer.wrap(wire).putInt(Crc32c.CHECKSUM_OFFSET, Crc32c.compute(wire, 0, wire.length));
        List<RawChunk> raw = GoldenCaptures.walk("test", wire);

        assertThatThrownBy(() -> assertRoundTrip("made-up.pcapng frame 9", wire, raw))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("made-up.pcapng frame 9: re-encoded chunk #1 (DATA, type 0) at packet offset 16"
                        + " with length 17 differs at packet offset 33 (17 bytes into the chunk;");
    }

    @Test
    void aDecodeFailureIsReportedWithItsChunkAndOffset() {
        // A COOKIE ACK, then a DATA chunk whose length (15) is below its 16-byte minimum.
        byte[] wire = CodecAssertions.hex("1388 1388 01020304 00000000  0b00 0004  0003 000f 00000001 0000 0000 000000 00");
        ByteBuffer.wrap(wire).putInt(Crc32c.CHECKSUM_OFFSET, Crc32c.compute(wire, 0, wire.length));
        List<RawChunk> raw = GoldenCaptures.walk("test", wire);

        assertThatThrownBy(() -> assertRoundTrip("made-up.pcapng frame 3", wire, raw))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("made-up.pcapng frame 3: strict decode failed at packet offset ")
                .hasMessageContaining("in chunk #1 (DATA, type 0) at packet offset 16 with length 15");
    }

    private static void assertRoundTrip(String where, byte[] wire, List<RawChunk> raw) {
        SctpPacket packet = decode(where, wire, raw);
        List<Integer> decodedTypes = packet.chunks().stream().map(Chunk::type).toList();
        assertThat(decodedTypes).as("%s: types of the decoded chunks", where)
                .isEqualTo(raw.stream().map(RawChunk::type).toList());
        for (int i = 0; i < raw.size(); i++) {
            assertChunkReencodes(where, wire, raw.get(i), packet.chunks().get(i));
        }
        byte[] reencoded = PacketEncoder.toByteArray(packet);
        int diff = Arrays.mismatch(wire, reencoded);
        if (diff >= 0) {
            RawChunk c = GoldenCaptures.chunkAt(raw, diff);
            String part = diff >= Crc32c.CHECKSUM_OFFSET && diff < Crc32c.CHECKSUM_OFFSET + 4 ? "the checksum"
                    : c == null ? "the common header" : c.describe();
            throw new AssertionError(where + ": the re-encoded packet (" + reencoded.length + " bytes, wire "
                    + wire.length + ") differs first at packet offset " + diff + ", in " + part
                    + ": wire " + hexAround(wire, diff) + ", encoded " + hexAround(reencoded, diff));
        }
    }

    private static SctpPacket decode(String where, byte[] wire, List<RawChunk> raw) {
        try {
            return PacketDecoder.strict().decode(wire);
        } catch (DecodeException e) {
            RawChunk c = GoldenCaptures.chunkAt(raw, e.offset());
            String in = c == null ? "in the common header" : "in " + c.describe() + ", " + (e.offset() - c.offset())
                    + " bytes into the chunk";
            throw new AssertionError(where + ": strict decode failed at packet offset " + e.offset() + " " + in
                    + ": " + e.reason() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": decode threw " + e + "; it may only throw DecodeException", e);
        }
    }

    /** The chunk alone, encoded with its padding, must be the wire bytes it was decoded from. */
    private static void assertChunkReencodes(String where, byte[] wire, RawChunk raw, Chunk chunk) {
        byte[] expected = Arrays.copyOfRange(wire, raw.offset(), raw.paddedEnd());
        byte[] actual;
        try {
            ByteBuffer out = ByteBuffer.allocate(chunk.encodedLength());
            chunk.encode(out);
            if (out.hasRemaining()) {
                throw new AssertionError(where + ": " + raw.describe() + " announced " + chunk.encodedLength()
                        + " encoded bytes but wrote " + out.position() + "; decoded as " + brief(chunk));
            }
            actual = out.array();
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": re-encoding " + raw.describe() + " threw " + e + "; decoded as "
                    + brief(chunk), e);
        }
        int diff = Arrays.mismatch(expected, actual);
        if (diff >= 0) {
            throw new AssertionError(where + ": re-encoded " + raw.describe() + " differs at packet offset "
                    + (raw.offset() + diff) + " (" + diff + " bytes into the chunk; wire " + expected.length
                    + " bytes with padding, encoded " + actual.length + "): wire " + hexAround(expected, diff)
                    + ", encoded " + hexAround(actual, diff) + "; decoded as " + brief(chunk));
        }
    }

    /** Up to 8 bytes either side of {@code at}, with the byte at {@code at} bracketed. */
    private static String hexAround(byte[] bytes, int at) {
        int from = Math.max(0, at - 8);
        int to = Math.min(bytes.length, at + 9);
        if (at >= bytes.length) {
            return HEX.formatHex(bytes, from, bytes.length) + "[end]";
        }
        return HEX.formatHex(bytes, from, at) + "[" + HEX.toHexDigits(bytes[at]) + "]" + HEX.formatHex(bytes, at + 1, to);
    }

    private static String brief(Chunk chunk) {
        String s = String.valueOf(chunk);
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
