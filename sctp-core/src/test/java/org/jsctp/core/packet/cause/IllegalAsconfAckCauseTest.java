package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class IllegalAsconfAckCauseTest {

    @Test
    void decodesTheBareHeader() {
        assertThat(decodeOne("00a3 0004")).isSameAs(IllegalAsconfAckCause.INSTANCE);
    }

    @Test
    void encodesAsTheBareHeader() {
        assertThat(CodecAssertions.encode(IllegalAsconfAckCause.INSTANCE)).isEqualTo(CodecAssertions.hex("00a3 0004"));
        CodecAssertions.roundTrip(new IllegalAsconfAckCause());
    }

    @Test
    void describesItselfByName() {
        assertThat(IllegalAsconfAckCause.INSTANCE.describe())
                .isEqualTo("Association Aborted Due to Illegal ASCONF-ACK");
    }

    @Test
    void anyValueIsTooLong() {
        assertRejected("00a3 0008 00000000", Reason.LENGTH_TOO_LONG);
        assertRejected("00a3 0005 01 000000", Reason.LENGTH_TOO_LONG);
    }
}
