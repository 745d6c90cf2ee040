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

class AsconfAckChunkTest {

    @Test
    void serialNumberAloneReportsCompleteSuccess() {
        // asconf.pcapng frame 10 (usrsctp)
        Chunk c = CodecAssertions.decodeChunk(hex("80000008 424a5a0a"));
        assertThat(c).isEqualTo(new AsconfAckChunk(0x424a5a0a, List.of()));
    }

    @Test
    void decodesResponsesInOrder() {
        Chunk c = CodecAssertions.decodeChunk(hex("80 00 0014 00000001 7001 0008 01020304 7002 0004"));
        assertThat(c).isEqualTo(new AsconfAckChunk(1, List.of(
                new UnknownParameter(0x7001, Bytes.fromHex("01020304")),
                new UnknownParameter(0x7002, Bytes.empty()))));
    }

    @Test
    void successIndicationResponseReEncodesExactly() {
        byte[] wire = hex("80 00 0010 00000001 c005 0008 00000001");
        AsconfAckChunk c = (AsconfAckChunk) CodecAssertions.decodeChunk(wire);
        assertThat(c.serialNumber()).isEqualTo(1);
        assertThat(c.parameters()).extracting(Parameter::type).containsExactly(ParameterType.SUCCESS_INDICATION);
        assertThat(CodecAssertions.encode(c)).isEqualTo(wire);
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new AsconfAckChunk(0, List.of()));
        CodecAssertions.roundTrip(new AsconfAckChunk(-1, List.of(
                new UnknownParameter(0x7001, Bytes.fromHex("0102030405")),
                new UnknownParameter(0xFFFF, Bytes.fromHex("01")))));
        CodecAssertions.roundTrip(new AsconfAckChunk(0x7FFF_FFFF,
                List.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 4 - 4 - 4])))));
    }

    @Test
    void missingSerialNumberIsTruncated() {
        assertRejected("80 00 0004", DecodeException.Reason.TRUNCATED);
        assertRejected("80 00 0006 0000 0000", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void badlyFramedResponsesAreRejected() {
        assertRejected("80 00 000c 00000001 7001 0010", DecodeException.Reason.LENGTH_OVERRUN);
        assertRejected("80 00 000c 00000001 7001 0003", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("80 00 000a 00000001 7001 0000", DecodeException.Reason.TRUNCATED);
        // a 5-byte response whose 3 padding bytes are cut off by a following fragment
        assertRejected("80 00 000f 00000001 7001 0005 aa 7002 00", DecodeException.Reason.MISSING_PADDING);
    }

    @Test
    void parametersAreCopiedAndMustFitTheChunk() {
        List<Parameter> source = new ArrayList<>(List.of(new UnknownParameter(0x7000, Bytes.empty())));
        AsconfAckChunk c = new AsconfAckChunk(1, source);
        source.clear();
        assertThat(c.parameters()).hasSize(1);
        assertThatThrownBy(() -> new AsconfAckChunk(1,
                List.of(new UnknownParameter(0x7000, Bytes.wrap(new byte[0xFFFF - 4 - 4 - 3])))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

}
