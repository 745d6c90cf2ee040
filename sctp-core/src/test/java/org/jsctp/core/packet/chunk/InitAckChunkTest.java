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
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class InitAckChunkTest {

    private static final Parameter COOKIE_LIKE = new UnknownParameter(0x7007, Bytes.fromHex("00112233445566778899"));

    @Test
    void decodesFixedFieldsAndParametersFromTheWire() {
        // type 2, length 34: tag 0xcafebabe, a_rwnd 2^32-1, OS 65535, MIS 1, TSN 0, one
        // 14-byte parameter whose padding is the chunk's
        Chunk c = CodecAssertions.decodeChunk(hex("02 00 0022 cafebabe ffffffff ffff 0001 00000000"
                + " 7007 000e 00112233445566778899 0000"));
        InitAckChunk ack = (InitAckChunk) c;
        assertThat(ack.initiateTag()).isEqualTo(0xCAFEBABE);
        assertThat(ack.advertisedReceiverWindowCredit()).isEqualTo(-1);
        assertThat(ack.outboundStreams()).isEqualTo(65535);
        assertThat(ack.inboundStreams()).isEqualTo(1);
        assertThat(ack.initialTsn()).isEqualTo(new Tsn(0));
        assertThat(ack.parameters()).containsExactly(COOKIE_LIKE);
        assertThat(ack.type()).isEqualTo(ChunkType.INIT_ACK);
    }

    @Test
    void initiateTagZeroDecodesSoTheAssociationCanDestroyItself() {
        InitAckChunk c = (InitAckChunk) CodecAssertions.decodeChunk(hex("02 00 0014 00000000 00001000 0001 0001 00000001"));
        assertThat(c.initiateTag()).isZero();
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new InitAckChunk(0, 0, 0, 0, new Tsn(0), List.of()));
        CodecAssertions.roundTrip(new InitAckChunk(-1, -1, 0xFFFF, 0xFFFF, new Tsn(-1), List.of(COOKIE_LIKE)));
        CodecAssertions.roundTrip(new InitAckChunk(7, 1500, 3, 5, new Tsn(0xFFFF_FFFF),
                List.of(COOKIE_LIKE, new UnknownParameter(0xF000, Bytes.empty()), COOKIE_LIKE)));
    }

    @Test
    void sameFieldsEncodeLikeAnInitButForTheType() {
        byte[] init = CodecAssertions.encode(new InitChunk(9, 8, 7, 6, new Tsn(5), List.of(COOKIE_LIKE)));
        byte[] ack = CodecAssertions.encode(new InitAckChunk(9, 8, 7, 6, new Tsn(5), List.of(COOKIE_LIKE)));
        assertThat(ack[0]).isEqualTo((byte) 2);
        ack[0] = 1;
        assertThat(ack).isEqualTo(init);
    }

    @Test
    void malformedValuesAreRejected() {
        assertValueFails(ChunkType.INIT_ACK, 0, "00000001 0000", Reason.TRUNCATED);
        String fixed = "00000001 00010000 0001 0001 00000001 ";
        assertValueFails(ChunkType.INIT_ACK, 0, fixed + "7007 0002", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.INIT_ACK, 0, fixed + "7007 0010 0102", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.INIT_ACK, 0, fixed + "70", Reason.TRUNCATED);
    }

    @Test
    void constructorRejectsOutOfRangeStreams() {
        assertThatThrownBy(() -> new InitAckChunk(1, 1, -1, 1, new Tsn(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InitAckChunk(1, 1, 1, 0x10000, new Tsn(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
