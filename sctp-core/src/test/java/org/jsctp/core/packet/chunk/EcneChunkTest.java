package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.OptionalInt;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class EcneChunkTest {

    @Test
    void decodesTheRfcFormFromTheWire() {
        // type 12, length 8: Lowest TSN Number 0x01020304
        Chunk c = CodecAssertions.decodeChunk(hex("0c 00 0008 01020304"));
        assertThat(c).isEqualTo(EcneChunk.of(new Tsn(0x01020304)));
        assertThat(((EcneChunk) c).packetsSinceCwr()).isEmpty();
    }

    @Test
    void decodesTheUsrsctpFormWithItsPacketCount() {
        // type 12, length 12: Lowest TSN Number, then 3 CE-marked packets since the last CWR
        EcneChunk c = (EcneChunk) CodecAssertions.decodeChunk(hex("0c 00 000c fffffffe 00000003"));
        assertThat(c.lowestTsn()).isEqualTo(new Tsn(-2));
        assertThat(c.packetsSinceCwr()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void roundTripsBothForms() {
        CodecAssertions.roundTrip(EcneChunk.of(new Tsn(0)));
        CodecAssertions.roundTrip(EcneChunk.of(new Tsn(-1)));
        assertThat(CodecAssertions.roundTrip(EcneChunk.of(new Tsn(-1), -1)).valueLength()).isEqualTo(8);
        CodecAssertions.roundTrip(EcneChunk.of(new Tsn(7), 0));
    }

    @Test
    void valueMustBeFourOrEightBytes() {
        assertValueFails(ChunkType.ECNE, 0, "010203", Reason.TRUNCATED);
        assertValueFails(ChunkType.ECNE, 0, "01020304 00", Reason.TRUNCATED);
        assertValueFails(ChunkType.ECNE, 0, "01020304 000000", Reason.TRUNCATED);
        assertValueFails(ChunkType.ECNE, 0, "01020304 00000001 00", Reason.LENGTH_TOO_LONG);
    }
}
