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
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class ForwardTsnChunkTest {

    @Test
    void decodesNewCumulativeTsnAndStreamEntriesFromAGoldenPacket() {
        // forward-tsn.pcapng frame 19 (usrsctp)
        Chunk c = CodecAssertions.decodeChunk(hex("c0000010 db98ed02 0001 0000 0002 0000"));
        assertThat(c).isEqualTo(new ForwardTsnChunk(Tsn.of(0xdb98ed02L), List.of(
                new ForwardTsnEntry(1, new Ssn(0)), new ForwardTsnEntry(2, new Ssn(0)))));
    }

    @Test
    void decodesTheTsnAloneAsNoEntries() {
        Chunk c = CodecAssertions.decodeChunk(hex("c0 00 0008 ffffffff"));
        assertThat(c).isEqualTo(new ForwardTsnChunk(new Tsn(0xFFFF_FFFF), List.of()));
    }

    @Test
    void reservedFlagsAreIgnoredAndSentAsZero() {
        Chunk c = CodecAssertions.decodeChunk(hex("c0 ff 000c 00000001 ffff ffff"));
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("c0 00 000c 00000001 ffff ffff"));
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new ForwardTsnChunk(new Tsn(0), List.of()));
        CodecAssertions.roundTrip(new ForwardTsnChunk(new Tsn(-1), List.of(
                new ForwardTsnEntry(0, new Ssn(65535)), new ForwardTsnEntry(65535, new Ssn(0)))));
        CodecAssertions.roundTrip(new ForwardTsnChunk(new Tsn(7),
                Collections.nCopies(ForwardTsnChunk.MAX_ENTRIES, new ForwardTsnEntry(65535, new Ssn(65535)))));
    }

    @Test
    void valueWithoutTheNewCumulativeTsnIsTruncated() {
        assertRejected("c0 00 0004", DecodeException.Reason.TRUNCATED);
        assertRejected("c0 00 0006 0000 0000", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void partialStreamEntryIsRejected() {
        assertRejected("c0 00 000a 00000001 0001 0000", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("c0 00 000f 00000001 0001 0000 000100 00", DecodeException.Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorCopiesEntriesAndBoundsTheirNumber() {
        List<ForwardTsnEntry> source = new ArrayList<>(List.of(new ForwardTsnEntry(1, new Ssn(1))));
        ForwardTsnChunk c = new ForwardTsnChunk(new Tsn(1), source);
        source.clear();
        assertThat(c.entries()).hasSize(1);
        assertThatThrownBy(() -> new ForwardTsnChunk(new Tsn(1),
                Collections.nCopies(ForwardTsnChunk.MAX_ENTRIES + 1, new ForwardTsnEntry(1, new Ssn(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForwardTsnEntry(0x10000, new Ssn(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForwardTsnEntry(-1, new Ssn(0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
