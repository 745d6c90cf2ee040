package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

/** HEARTBEAT ACK framing; see {@link HeartbeatChunkTest} for why the TLV types are unassigned ones. */
class HeartbeatAckChunkTest {

    private static final Parameter INFO_LIKE = new UnknownParameter(0x7001, Bytes.fromHex("deadbeef"));

    @Test
    void decodesTheEchoedTlvFromTheWire() {
        // type 5, length 12: one 8-byte TLV
        Chunk c = CodecAssertions.decodeChunk(hex("05 00 000c 7001 0008 deadbeef"));
        assertThat(c).isEqualTo(new HeartbeatAckChunk(List.of(INFO_LIKE)));
        assertThat(((HeartbeatAckChunk) c).parameters()).containsExactly(INFO_LIKE);
        assertThat(c.type()).isEqualTo(ChunkType.HEARTBEAT_ACK);
    }

    @Test
    void roundTripsOneOrSeveralTlvs() {
        CodecAssertions.roundTrip(new HeartbeatAckChunk(List.of(INFO_LIKE)));
        CodecAssertions.roundTrip(new HeartbeatAckChunk(List.of(new UnknownParameter(0xFFFF, Bytes.fromHex("01")),
                INFO_LIKE, new UnknownParameter(0x7000, Bytes.empty()))));
    }

    @Test
    void anAckWithoutInformationIsTooShort() {
        assertValueFails(ChunkType.HEARTBEAT_ACK, 0, "", Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> new HeartbeatAckChunk(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedTlvsAreRejected() {
        assertValueFails(ChunkType.HEARTBEAT_ACK, 0, "7001 0001", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.HEARTBEAT_ACK, 0, "7001 0009 deadbeef", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.HEARTBEAT_ACK, 0, "70", Reason.TRUNCATED);
    }
}
