package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class ReconfigChunkTest {

    private static final Parameter A = new UnknownParameter(0x7000, Bytes.empty());
    private static final Parameter B = new UnknownParameter(0x7001, Bytes.fromHex("abcd"));

    @Test
    void decodesOneParameter() {
        // one 6-byte parameter, then the chunk's 2 padding bytes
        Chunk c = CodecAssertions.decodeChunk(hex("82 00 000a 7001 0006 abcd 0000"));
        assertThat(c).isEqualTo(ReconfigChunk.of(B));
    }

    @Test
    void decodesTwoParametersTheLastOneUnpadded() {
        Chunk c = CodecAssertions.decodeChunk(hex("82 00 000e 7000 0004 7001 0006 abcd 0000"));
        assertThat(c).isEqualTo(new ReconfigChunk(List.of(A, B)));
    }

    @Test
    void goldenReconfigurationChunksReEncodeExactly() {
        // reconfig.pcapng frames 20, 21, 22 and 51, assocreset.pcapng frames 35 and 36 (usrsctp)
        Object[][] golden = {
            {"82000018 000d0014 709780c5 3ec89a30 709780ce 00010002", ParameterType.OUTGOING_SSN_RESET_REQUEST},
            {"82000010 0010000c 709780c5 00000001", ParameterType.RECONFIGURATION_RESPONSE},
            {"82000016 000d0012 709780c6 3ec89a30 709780ce 0000 0000", ParameterType.OUTGOING_SSN_RESET_REQUEST},
            {"82000010 0011000c 709780c7 00020000", ParameterType.ADD_OUTGOING_STREAMS_REQUEST},
            {"8200000c 000f0008 a7eb907e", ParameterType.SSN_TSN_RESET_REQUEST},
            {"82000018 00100014 a7eb907e 00000001 6059e9e0 a7eba086", ParameterType.RECONFIGURATION_RESPONSE},
        };
        for (Object[] g : golden) {
            byte[] wire = hex((String) g[0]);
            ReconfigChunk c = (ReconfigChunk) CodecAssertions.decodeChunk(wire);
            assertThat(c.parameters()).extracting(Parameter::type).containsExactly((int) g[1]);
            assertThat(CodecAssertions.encode(c)).isEqualTo(wire);
        }
    }

    @Test
    void roundTripsOneAndTwoParameters() {
        CodecAssertions.roundTrip(ReconfigChunk.of(A));
        CodecAssertions.roundTrip(ReconfigChunk.of(B, A));
        CodecAssertions.roundTrip(ReconfigChunk.of(new UnknownParameter(0xFFFF, Bytes.fromHex("010203")),
                new UnknownParameter(0x7002, Bytes.fromHex("01"))));
        CodecAssertions.roundTrip(ReconfigChunk.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 8]))));
    }

    @Test
    void chunkWithoutParametersIsTooShort() {
        assertRejected("82 00 0004", DecodeException.Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void chunkWithMoreThanTwoParametersIsTooLong() {
        assertRejected("82 00 0010 7000 0004 7001 0004 7002 0004", DecodeException.Reason.LENGTH_TOO_LONG);
    }

    @Test
    void badlyFramedParametersAreRejected() {
        assertRejected("82 00 0008 7000 0002", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("82 00 0008 7000 0010", DecodeException.Reason.LENGTH_OVERRUN);
        assertRejected("82 00 0006 7000 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("82 00 000b 7000 0005 aa 0000 00", DecodeException.Reason.MISSING_PADDING);
    }

    @Test
    void constructorTakesOneOrTwoParametersAndCopiesThem() {
        assertThatThrownBy(() -> new ReconfigChunk(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconfigChunk(List.of(A, B, A))).isInstanceOf(IllegalArgumentException.class);
        List<Parameter> source = new ArrayList<>(List.of(A, B));
        ReconfigChunk c = new ReconfigChunk(source);
        source.clear();
        assertThat(c.parameters()).containsExactly(A, B);
        assertThatThrownBy(() -> ReconfigChunk.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 7]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

}
