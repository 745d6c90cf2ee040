package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class OutOfResourceCauseTest {

    @Test
    void decodesTheBareHeader() {
        assertThat(decodeOne("0004 0004")).isSameAs(OutOfResourceCause.INSTANCE);
    }

    @Test
    void encodesAsTheBareHeader() {
        assertThat(CodecAssertions.encode(OutOfResourceCause.INSTANCE)).isEqualTo(CodecAssertions.hex("0004 0004"));
        CodecAssertions.roundTrip(new OutOfResourceCause());
    }

    @Test
    void describesItselfByName() {
        assertThat(OutOfResourceCause.INSTANCE.describe()).isEqualTo("Out of Resource");
    }

    @Test
    void anyValueIsTooLong() {
        assertRejected("0004 0008 00000000", Reason.LENGTH_TOO_LONG);
        assertRejected("0004 0005 01 000000", Reason.LENGTH_TOO_LONG);
    }
}
