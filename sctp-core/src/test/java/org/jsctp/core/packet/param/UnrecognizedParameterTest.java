package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class UnrecognizedParameterTest {

    @Test
    void decodesTheReportedParameterAsRawBytes() {
        // Reports parameter type 0x7777 with a 2-byte value; the report itself needs 2 bytes of padding.
        UnrecognizedParameter p = (UnrecognizedParameter) decodeOne("0008 000a 7777 0006 abcd 0000");
        assertThat(p.reported()).isEqualTo(Bytes.fromHex("77770006abcd"));
        assertThat(p.reportedType()).isEqualTo(0x7777);
    }

    @Test
    void ofUnknownCopiesTheWholeUnknownParameter() {
        UnknownParameter unknown = new UnknownParameter(0xC0FE, Bytes.fromHex("010203"));
        UnrecognizedParameter p = UnrecognizedParameter.of(unknown);
        assertThat(p.reportedType()).isEqualTo(0xC0FE);
        assertThat(encodedHex(p)).isEqualTo("0008000bc0fe0007010203" + "00");
    }

    @Test
    void roundTripsHeaderOnlyAndLongReports() {
        CodecAssertions.roundTrip(new UnrecognizedParameter(Bytes.fromHex("ffff0004")));
        CodecAssertions.roundTrip(UnrecognizedParameter.of(new UnknownParameter(0x8fff, Bytes.wrap(new byte[200]))));
    }

    @Test
    void reportShorterThanAParameterHeaderIsTooShort() {
        assertRejected("0008 0007 777700 00", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("0008 0004", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> new UnrecognizedParameter(Bytes.fromHex("7777")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
