package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class ShutdownAckChunkTest {

    @Test
    void decodesTheBareHeader() {
        assertThat(CodecAssertions.decodeChunk(hex("08 00 0004"))).isEqualTo(ShutdownAckChunk.INSTANCE);
        assertThat(CodecAssertions.decodeChunk(hex("08 ff 0004")).flags()).isZero();
    }

    @Test
    void roundTrips() {
        assertThat(CodecAssertions.encode(CodecAssertions.roundTrip(ShutdownAckChunk.INSTANCE)))
                .isEqualTo(hex("08 00 0004"));
    }

    @Test
    void anyValueIsTooLong() {
        assertValueFails(ChunkType.SHUTDOWN_ACK, 0, "00", Reason.LENGTH_TOO_LONG);
        assertValueFails(ChunkType.SHUTDOWN_ACK, 0, "00000000", Reason.LENGTH_TOO_LONG);
    }
}
