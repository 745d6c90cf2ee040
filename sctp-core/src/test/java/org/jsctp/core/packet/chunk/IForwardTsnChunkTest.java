package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class IForwardTsnChunkTest {

    @Test
    void decodesNewCumulativeTsnAndEntriesFromAGoldenPacket() {
        // i-forward-tsn.pcapng frame 35 (usrsctp): two ordered entries
        Chunk c = CodecAssertions.decodeChunk(hex("c2000018 2e04daf5 0003 0000 00000002 0000 0000 00000003"));
        assertThat(c).isEqualTo(new IForwardTsnChunk(Tsn.of(0x2e04daf5L), List.of(
                new IForwardTsnEntry(3, false, new Mid(2)), new IForwardTsnEntry(0, false, new Mid(3)))));
    }

    @Test
    void lowestBitOfTheFlagsWordIsTheUnorderedBit() {
        Chunk c = CodecAssertions.decodeChunk(hex("c2 00 0010 00000007 0009 0001 fffffffe"));
        assertThat(c).isEqualTo(new IForwardTsnChunk(new Tsn(7),
                List.of(new IForwardTsnEntry(9, true, new Mid(0xFFFF_FFFE)))));
    }

    @Test
    void reservedBitsAndFlagsAreIgnoredAndSentAsZero() {
        Chunk c = CodecAssertions.decodeChunk(hex("c2 ff 0018 00000007 0009 ffff 00000001 000a fffe 00000002"));
        assertThat(c).isEqualTo(new IForwardTsnChunk(new Tsn(7), List.of(
                new IForwardTsnEntry(9, true, new Mid(1)), new IForwardTsnEntry(10, false, new Mid(2)))));
        assertThat(CodecAssertions.encode(c))
                .isEqualTo(hex("c2 00 0018 00000007 0009 0001 00000001 000a 0000 00000002"));
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new IForwardTsnChunk(new Tsn(0), List.of()));
        CodecAssertions.roundTrip(new IForwardTsnChunk(new Tsn(-1), List.of(
                new IForwardTsnEntry(0, true, new Mid(0)), new IForwardTsnEntry(65535, false, new Mid(-1)))));
        CodecAssertions.roundTrip(new IForwardTsnChunk(new Tsn(7),
                Collections.nCopies(IForwardTsnChunk.MAX_ENTRIES, new IForwardTsnEntry(65535, true, new Mid(-1)))));
    }

    @Test
    void valueWithoutTheNewCumulativeTsnIsTruncated() {
        assertRejected("c2 00 0004", DecodeException.Reason.TRUNCATED);
        assertRejected("c2 00 0007 000000 00", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void partialEntryIsRejected() {
        assertRejected("c2 00 000c 00000001 0001 0000", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("c2 00 0014 00000001 0001 0000 00000001 0002 0000", DecodeException.Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorCopiesEntriesAndBoundsTheirNumber() {
        List<IForwardTsnEntry> source = new ArrayList<>(List.of(new IForwardTsnEntry(1, false, new Mid(1))));
        IForwardTsnChunk c = new IForwardTsnChunk(new Tsn(1), source);
        source.clear();
        assertThat(c.entries()).hasSize(1);
        assertThatThrownBy(() -> new IForwardTsnChunk(new Tsn(1),
                Collections.nCopies(IForwardTsnChunk.MAX_ENTRIES + 1, new IForwardTsnEntry(1, false, new Mid(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IForwardTsnEntry(0x10000, false, new Mid(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
