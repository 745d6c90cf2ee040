package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class CookiePreservativeParameterTest {

    @Test
    void decodesTheIncrementInMilliseconds() {
        CookiePreservativeParameter p = (CookiePreservativeParameter) decodeOne("0009 0008 000003e8");
        assertThat(p.lifeSpanIncrementMillis()).isEqualTo(1000);
    }

    @Test
    void incrementAboveTwoToTheThirtyOneReadsUnsigned() {
        CookiePreservativeParameter p = (CookiePreservativeParameter) decodeOne("0009 0008 ffffffff");
        assertThat(p.lifeSpanIncrementMillis()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void roundTripsZeroAndTheLargestIncrement() {
        CodecAssertions.roundTrip(new CookiePreservativeParameter(0));
        CodecAssertions.roundTrip(new CookiePreservativeParameter(0x8000_0000L));
        CodecAssertions.roundTrip(new CookiePreservativeParameter(0xFFFF_FFFFL));
    }

    @Test
    void incrementOutsideThirtyTwoBitsIsRefused() {
        assertThatThrownBy(() -> new CookiePreservativeParameter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CookiePreservativeParameter(1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("0009 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("0009 000c 00000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
