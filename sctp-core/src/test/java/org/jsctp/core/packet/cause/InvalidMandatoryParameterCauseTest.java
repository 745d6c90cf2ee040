package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class InvalidMandatoryParameterCauseTest {

    @Test
    void decodesTheRfcFormAsTheBareHeader() {
        ErrorCause cause = decodeOne("0007 0004");
        assertThat(cause).isSameAs(InvalidMandatoryParameterCause.INSTANCE)
                .isEqualTo(new InvalidMandatoryParameterCause());
        assertThat(cause.describe()).isEqualTo("Invalid Mandatory Parameter");
        assertThat(CodecAssertions.encode(cause)).isEqualTo(CodecAssertions.hex("0007 0004"));
    }

    @Test
    void keepsTheAsconfParameterUsrsctpAppends() {
        // Add IP Address, correlation ID 2, carrying a parameter of type 0 instead of an address
        ErrorCause cause = decodeOne("0007 0010 c001 000c 00000002 0000 0004");
        UnknownParameter request =
                new UnknownParameter(ParameterType.ADD_IP_ADDRESS, Bytes.fromHex("00000002 00000004".replace(" ", "")));
        assertThat(cause).isEqualTo(InvalidMandatoryParameterCause.of(request));
        assertThat(cause.describe()).isEqualTo("Invalid Mandatory Parameter: Add IP Address parameter type 0");
    }

    @Test
    void roundTripsBothForms() {
        CodecAssertions.roundTrip(InvalidMandatoryParameterCause.INSTANCE);
        CodecAssertions.roundTrip(new InvalidMandatoryParameterCause(Bytes.fromHex("ff")));
        CodecAssertions.roundTrip(new InvalidMandatoryParameterCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void malformedTrailingBytesStillDescribeWithoutFailing() {
        assertThat(decodeOne("0007 0006 ffff 0000").describe()).isEqualTo("Invalid Mandatory Parameter: 2 more bytes");
    }

    @Test
    void causeLengthBelowTheHeaderIsTooShort() {
        assertRejected("0007 0003 00000000", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void causeLengthPastTheInputOverruns() {
        assertRejected("0007 0010 c001 000c", Reason.LENGTH_OVERRUN);
    }
}
