package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class ShutdownCompleteChunkTest {

    @Test
    void decodesTheTBitFromTheWire() {
        assertThat(CodecAssertions.decodeChunk(hex("0e 00 0004"))).isEqualTo(new ShutdownCompleteChunk(false));
        assertThat(CodecAssertions.decodeChunk(hex("0e 01 0004"))).isEqualTo(new ShutdownCompleteChunk(true));
    }

    @Test
    void reservedFlagsAreIgnoredAndSentAsZero() {
        Chunk c = CodecAssertions.decodeChunk(hex("0e fe 0004"));
        assertThat(c).isEqualTo(new ShutdownCompleteChunk(false));
        assertThat(CodecAssertions.encode(CodecAssertions.decodeChunk(hex("0e ff 0004")))).isEqualTo(hex("0e 01 0004"));
    }

    @Test
    void roundTripsBothFlagValues() {
        assertThat(CodecAssertions.roundTrip(new ShutdownCompleteChunk(true)).flags()).isEqualTo(1);
        assertThat(CodecAssertions.roundTrip(new ShutdownCompleteChunk(false)).flags()).isZero();
    }

    @Test
    void anyValueIsTooLong() {
        assertValueFails(ChunkType.SHUTDOWN_COMPLETE, 1, "01", Reason.LENGTH_TOO_LONG);
    }
}
