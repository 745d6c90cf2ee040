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

/**
 * HEARTBEAT framing. The Heartbeat Information parameter itself is another element's codec;
 * these vectors use parameter types no RFC assigns, which the chunk treats alike. Real usrsctp
 * heartbeats are checked in {@link CoreChunkGoldenTest}.
 */
class HeartbeatChunkTest {

    private static final Parameter INFO_LIKE = new UnknownParameter(0x7001, Bytes.fromHex("0102030405"));
    private static final Parameter EXTRA = new UnknownParameter(0xF00D, Bytes.fromHex("aabb"));

    @Test
    void decodesEveryTlvFromTheWire() {
        // type 4, length 22: a 9-byte TLV padded to 12, then a 6-byte last TLV (chunk padding 2)
        Chunk c = CodecAssertions.decodeChunk(hex("04 00 0016 7001 0009 0102030405 000000 f00d 0006 aabb 0000"));
        assertThat(c).isEqualTo(new HeartbeatChunk(List.of(INFO_LIKE, EXTRA)));
        assertThat(((HeartbeatChunk) c).parameters()).containsExactly(INFO_LIKE, EXTRA);
        assertThat(((HeartbeatChunk) c).info()).isEmpty();
    }

    @Test
    void theAckCopiesEveryTlvUnchanged() {
        byte[] request = hex("04 00 0016 7001 0009 0102030405 000000 f00d 0006 aabb 0000");
        HeartbeatChunk hb = (HeartbeatChunk) CodecAssertions.decodeChunk(request);
        byte[] answer = CodecAssertions.encode(hb.ack());
        assertThat(answer[0]).isEqualTo((byte) ChunkType.HEARTBEAT_ACK);
        answer[0] = (byte) ChunkType.HEARTBEAT;
        assertThat(answer).isEqualTo(request);
    }

    @Test
    void roundTripsSmallAndLargeInformation() {
        CodecAssertions.roundTrip(new HeartbeatChunk(List.of(new UnknownParameter(0x7001, Bytes.empty()))));
        CodecAssertions.roundTrip(new HeartbeatChunk(List.of(INFO_LIKE)));
        CodecAssertions.roundTrip(new HeartbeatChunk(List.of(
                new UnknownParameter(0x7001, Bytes.wrap(new byte[0xFFFF - 8])))));
    }

    @Test
    void aHeartbeatWithoutInformationIsTooShort() {
        assertValueFails(ChunkType.HEARTBEAT, 0, "", Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> new HeartbeatChunk(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedTlvsAreRejected() {
        assertValueFails(ChunkType.HEARTBEAT, 0, "0001", Reason.TRUNCATED);
        assertValueFails(ChunkType.HEARTBEAT, 0, "7001 0002", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.HEARTBEAT, 0, "7001 0020 0102", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.HEARTBEAT, 0, "7001 0006 0102 00", Reason.MISSING_PADDING);
    }

    @Test
    void informationTooLongForOneChunkIsRefused() {
        Parameter huge = new UnknownParameter(0x7001, Bytes.wrap(new byte[0xFFFF - 4]));
        assertThatThrownBy(() -> new HeartbeatChunk(List.of(huge))).isInstanceOf(IllegalArgumentException.class);
    }
}
