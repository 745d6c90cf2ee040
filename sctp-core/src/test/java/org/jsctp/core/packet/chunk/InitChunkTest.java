package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class InitChunkTest {

    private static final Parameter ODD = new UnknownParameter(0x7001, Bytes.fromHex("616263"));
    private static final Parameter LAST = new UnknownParameter(0xF002, Bytes.fromHex("0102"));

    @Test
    void decodesFixedFieldsAndParametersFromTheWire() {
        // type 1, length 34: tag, a_rwnd 128000, OS 10, MIS 2048, initial TSN 2^32-2, then a
        // 7-byte parameter padded to 8 and a 6-byte last parameter whose padding is the chunk's.
        Chunk c = CodecAssertions.decodeChunk(hex("01 00 0022 12345678 0001f400 000a 0800 fffffffe"
                + " 7001 0007 616263 00 f002 0006 0102 0000"));
        assertThat(c).isEqualTo(new InitChunk(0x12345678, 128_000, 10, 2048, Tsn.of(0xFFFF_FFFEL), List.of(ODD, LAST)));
        InitChunk init = (InitChunk) c;
        assertThat(init.initiateTag()).isEqualTo(0x12345678);
        assertThat(init.advertisedReceiverWindowCredit()).isEqualTo(128_000);
        assertThat(init.outboundStreams()).isEqualTo(10);
        assertThat(init.inboundStreams()).isEqualTo(2048);
        assertThat(init.initialTsn().unsigned()).isEqualTo(0xFFFF_FFFEL);
        assertThat(init.parameters()).containsExactly(ODD, LAST);
        assertThat(init.flags()).isZero();
    }

    @Test
    void reservedFlagsAreIgnoredOnReceipt() {
        Chunk c = CodecAssertions.decodeChunk(hex("01 ff 0014 00000001 00000000 0001 0001 00000000"));
        assertThat(c.flags()).isZero();
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new InitChunk(-1, -1, 0xFFFF, 0xFFFF, new Tsn(-1), List.of()));
        CodecAssertions.roundTrip(new InitChunk(1, 0, 0, 0, new Tsn(0), List.of()));
        CodecAssertions.roundTrip(new InitChunk(0x8000_0000, 1500, 1, 65535, new Tsn(0x7FFF_FFFF), List.of(ODD)));
        CodecAssertions.roundTrip(new InitChunk(42, 65536, 16, 16, new Tsn(7), List.of(ODD, LAST, ODD)));
    }

    @Test
    void encodesTheLastParameterWithoutItsPadding() {
        byte[] bytes = CodecAssertions.encode(new InitChunk(1, 2, 3, 4, new Tsn(5), List.of(LAST, ODD)));
        // length field: 4 + 16 + 8 (padded 6-byte parameter) + 7 (last, unpadded)
        assertThat(((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF)).isEqualTo(35);
        assertThat(bytes).hasSize(36);
    }

    @Test
    void zeroStreamCountsDecodeSoTheAssociationCanAbort() {
        InitChunk c = (InitChunk) CodecAssertions.decodeChunk(hex("01 00 0014 00000001 00000000 0000 0000 00000000"));
        assertThat(c.outboundStreams()).isZero();
        assertThat(c.inboundStreams()).isZero();
    }

    @Test
    void initiateTagZeroIsRejected() {
        var e = assertValueFails(ChunkType.INIT, 0, "00000000 00010000 0001 0001 00000001", Reason.INVALID_VALUE);
        assertThat(e.offset()).isZero();
        assertThatThrownBy(() -> new InitChunk(0, 1, 1, 1, new Tsn(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueShorterThanTheFixedFieldsIsTruncated() {
        assertValueFails(ChunkType.INIT, 0, "", Reason.TRUNCATED);
        assertValueFails(ChunkType.INIT, 0, "00000001 00010000 0001 0001 000000", Reason.TRUNCATED);
    }

    @Test
    void malformedParametersAreRejected() {
        String fixed = "00000001 00010000 0001 0001 00000001 ";
        assertValueFails(ChunkType.INIT, 0, fixed + "7001 0003", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.INIT, 0, fixed + "7001 0009 0102", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.INIT, 0, fixed + "7001", Reason.TRUNCATED);
        assertValueFails(ChunkType.INIT, 0, fixed + "7001 0005 01 00", Reason.MISSING_PADDING);
    }

    @Test
    void constructorRejectsOutOfRangeFieldsAndCopiesTheList() {
        assertThatThrownBy(() -> new InitChunk(1, 1, 0x10000, 1, new Tsn(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InitChunk(1, 1, 1, -1, new Tsn(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InitChunk(1, 1, 1, 1, null, List.of()))
                .isInstanceOf(NullPointerException.class);
        Parameter big = new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 4]));
        assertThatThrownBy(() -> new InitChunk(1, 1, 1, 1, new Tsn(1), List.of(big)))
                .isInstanceOf(IllegalArgumentException.class);
        List<Parameter> mutable = new ArrayList<>(List.of(ODD));
        InitChunk c = new InitChunk(1, 1, 1, 1, new Tsn(1), mutable);
        mutable.add(LAST);
        assertThat(c.parameters()).containsExactly(ODD);
    }
}
