package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class StaleCookieCauseTest {

    @Test
    void decodesTheMeasureOfStalenessFromTheWire() {
        // code 3, length 8, 1500 microseconds
        assertThat(decodeOne("0003 0008 000005dc")).isEqualTo(StaleCookieCause.ofMicros(1500));
    }

    @Test
    void stalenessIsUnsigned() {
        StaleCookieCause cause = (StaleCookieCause) decodeOne("0003 0008 ffffffff");
        assertThat(cause.unsignedStalenessMicros()).isEqualTo(0xFFFF_FFFFL);
        assertThat(cause.describe()).isEqualTo("Stale Cookie Error: cookie 4294967295 us too old");
    }

    @Test
    void roundTripsExtremes() {
        CodecAssertions.roundTrip(StaleCookieCause.ofMicros(0));
        CodecAssertions.roundTrip(StaleCookieCause.ofMicros(0xFFFF_FFFFL));
        CodecAssertions.roundTrip(new StaleCookieCause(Integer.MIN_VALUE));
    }

    @Test
    void describesHowStaleTheCookieWas() {
        assertThat(StaleCookieCause.ofMicros(1500).describe()).isEqualTo("Stale Cookie Error: cookie 1500 us too old");
    }

    @Test
    void shortValueIsTruncated() {
        assertRejected("0003 0006 05dc 0000", Reason.TRUNCATED);
    }

    @Test
    void extraBytesAreTooLong() {
        assertRejected("0003 000c 000005dc 00000000", Reason.LENGTH_TOO_LONG);
    }

    @Test
    void stalenessOutsideThirtyTwoBitsIsRejected() {
        assertThatThrownBy(() -> StaleCookieCause.ofMicros(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaleCookieCause.ofMicros(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
