package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class CookieReceivedWhileShuttingDownCauseTest {

    @Test
    void decodesTheBareHeader() {
        assertThat(decodeOne("000a 0004")).isSameAs(CookieReceivedWhileShuttingDownCause.INSTANCE);
    }

    @Test
    void encodesAsTheBareHeader() {
        assertThat(CodecAssertions.encode(CookieReceivedWhileShuttingDownCause.INSTANCE))
                .isEqualTo(CodecAssertions.hex("000a 0004"));
        CodecAssertions.roundTrip(new CookieReceivedWhileShuttingDownCause());
    }

    @Test
    void describesItselfByName() {
        assertThat(CookieReceivedWhileShuttingDownCause.INSTANCE.describe())
                .isEqualTo("Cookie Received While Shutting Down");
    }

    @Test
    void anyValueIsTooLong() {
        assertRejected("000a 0008 00000000", Reason.LENGTH_TOO_LONG);
        assertRejected("000a 0005 01 000000", Reason.LENGTH_TOO_LONG);
    }
}
