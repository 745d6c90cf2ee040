package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class UnrecognizedParametersCauseTest {

    /** Zero Checksum Acceptable (8 bytes), then type 0xE000 with one value byte, unpadded. */
    private static final String TWO_PARAMETERS = "8001 0008 00000001 e000 0005 aa";

    @Test
    void keepsEveryCopiedParameterByteForByte() {
        // code 8, length 17 = 4 + 8 + 5, then 3 bytes of cause padding
        UnrecognizedParametersCause cause =
                (UnrecognizedParametersCause) decodeOne("0008 0011 " + TWO_PARAMETERS + " 000000");
        assertThat(cause.parameters()).isEqualTo(Bytes.fromHex(TWO_PARAMETERS.replace(" ", "")));
        assertThat(cause.describe())
                .isEqualTo("Unrecognized Parameters: Zero Checksum Acceptable, parameter type 57344");
    }

    @Test
    void isBuiltFromParametersPaddedButTheLast() {
        List<UnknownParameter> parameters = List.of(new UnknownParameter(0x8001, Bytes.fromHex("00000001")),
                new UnknownParameter(0xE000, Bytes.fromHex("aa")));
        assertThat(UnrecognizedParametersCause.of(parameters))
                .isEqualTo(decodeOne("0008 0011 " + TWO_PARAMETERS + " 000000"));
        UnknownParameter odd = new UnknownParameter(0xE000, Bytes.fromHex("aa"));
        assertThat(UnrecognizedParametersCause.of(List.of(odd, odd)).parameters())
                .isEqualTo(Bytes.fromHex("e0000005aa000000e0000005aa"));
    }

    @Test
    void roundTripsOneHeaderOnlyParameterAndManyParameters() {
        CodecAssertions.roundTrip(new UnrecognizedParametersCause(Bytes.fromHex("ffff0004")));
        UnknownParameter p = new UnknownParameter(0xC00A, Bytes.fromHex("0102"));
        CodecAssertions.roundTrip(UnrecognizedParametersCause.of(List.of(p, p, p, p, p, p, p, p, p, p)));
    }

    @Test
    void longListsAreCutShortInTheDescription() {
        UnknownParameter p = new UnknownParameter(0xC00A, Bytes.empty());
        String text = UnrecognizedParametersCause.of(List.of(p, p, p, p, p, p, p, p, p, p)).describe();
        assertThat(text).endsWith(", ...").contains("parameter type 49162");
    }

    @Test
    void copyShorterThanAParameterHeaderIsTooShort() {
        assertRejected("0008 0006 8001 0000", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorRejectsAnEmptyCopy() {
        assertThatThrownBy(() -> new UnrecognizedParametersCause(Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
