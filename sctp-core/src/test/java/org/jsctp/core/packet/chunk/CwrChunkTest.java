package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class CwrChunkTest {

    @Test
    void decodesTheLowestTsnFromTheWire() {
        // type 13, length 8: Lowest TSN Number 0x80000000
        Chunk c = CodecAssertions.decodeChunk(hex("0d 00 0008 80000000"));
        assertThat(c).isEqualTo(new CwrChunk(new Tsn(0x8000_0000)));
    }

    @Test
    void usrsctpFlagBitsAreIgnoredAsReserved() {
        Chunk c = CodecAssertions.decodeChunk(hex("0d 03 0008 00000001"));
        assertThat(c).isEqualTo(new CwrChunk(new Tsn(1)));
        assertThat(c.flags()).isZero();
    }

    @Test
    void roundTripsTsnExtremes() {
        CodecAssertions.roundTrip(new CwrChunk(new Tsn(0)));
        CodecAssertions.roundTrip(new CwrChunk(new Tsn(-1)));
    }

    @Test
    void valueMustBeExactlyFourBytes() {
        assertValueFails(ChunkType.CWR, 0, "", Reason.TRUNCATED);
        assertValueFails(ChunkType.CWR, 0, "00000001 00000002", Reason.LENGTH_TOO_LONG);
    }
}
