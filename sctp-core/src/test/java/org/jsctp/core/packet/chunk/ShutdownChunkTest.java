package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class ShutdownChunkTest {

    @Test
    void decodesTheCumulativeTsnAckFromTheWire() {
        // type 7, length 8, as usrsctp sent it in base.pcapng
        Chunk c = CodecAssertions.decodeChunk(hex("07 00 0008 1d1e3310"));
        assertThat(c).isEqualTo(new ShutdownChunk(new Tsn(0x1D1E3310)));
        assertThat(((ShutdownChunk) c).cumulativeTsnAck().unsigned()).isEqualTo(0x1D1E3310L);
    }

    @Test
    void roundTripsTsnExtremes() {
        CodecAssertions.roundTrip(new ShutdownChunk(new Tsn(0)));
        CodecAssertions.roundTrip(new ShutdownChunk(new Tsn(-1)));
        CodecAssertions.roundTrip(new ShutdownChunk(new Tsn(Integer.MIN_VALUE)));
    }

    @Test
    void valueMustBeExactlyFourBytes() {
        assertValueFails(ChunkType.SHUTDOWN, 0, "000000", Reason.TRUNCATED);
        assertValueFails(ChunkType.SHUTDOWN, 0, "00000001 00", Reason.LENGTH_TOO_LONG);
        assertThatThrownBy(() -> new ShutdownChunk(null)).isInstanceOf(NullPointerException.class);
    }
}
