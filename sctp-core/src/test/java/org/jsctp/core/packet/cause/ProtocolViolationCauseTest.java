package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class ProtocolViolationCauseTest {

    @Test
    void decodesTheAdditionalInformation() {
        // code 13, length 20, "bad chunk length"
        ErrorCause cause = decodeOne("000d 0014 626164206368756e6b206c656e677468");
        assertThat(cause).isEqualTo(ProtocolViolationCause.of("bad chunk length"));
        assertThat(((ProtocolViolationCause) cause).informationText()).isEqualTo("bad chunk length");
        assertThat(cause.describe()).isEqualTo("Protocol Violation: bad chunk length");
    }

    @Test
    void informationMayBeAbsent() {
        ErrorCause cause = decodeOne("000d 0004");
        assertThat(cause).isEqualTo(new ProtocolViolationCause(Bytes.empty()));
        assertThat(cause.describe()).isEqualTo("Protocol Violation");
    }

    @Test
    void roundTripsTextBinaryAndLargestInformation() {
        CodecAssertions.roundTrip(ProtocolViolationCause.of("odd length 3"));
        CodecAssertions.roundTrip(new ProtocolViolationCause(Bytes.fromHex("ff")));
        CodecAssertions.roundTrip(new ProtocolViolationCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void descriptionNeutralisesControlCharacters() {
        assertThat(ProtocolViolationCause.of("line1\r\nline2").describe())
                .isEqualTo("Protocol Violation: line1\uFFFD\uFFFDline2");
    }

    @Test
    void causeLengthBelowTheHeaderIsTooShort() {
        assertRejected("000d 0002 0000", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void informationTooLongForOneCauseIsRejected() {
        assertThatThrownBy(() -> new ProtocolViolationCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
