package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class NoUserDataCauseTest {

    @Test
    void decodesTheTsnOfTheEmptyDataChunk() {
        // code 9, length 8, TSN 42
        assertThat(decodeOne("0009 0008 0000002a")).isEqualTo(new NoUserDataCause(new Tsn(42)));
    }

    @Test
    void roundTripsTsnExtremes() {
        CodecAssertions.roundTrip(new NoUserDataCause(new Tsn(0)));
        CodecAssertions.roundTrip(new NoUserDataCause(Tsn.of(0xFFFF_FFFFL)));
    }

    @Test
    void describesTheTsnUnsigned() {
        assertThat(new NoUserDataCause(Tsn.of(0xFFFF_FFFFL)).describe()).isEqualTo("No User Data: TSN 4294967295");
    }

    @Test
    void shortValueIsTruncated() {
        assertRejected("0009 0006 002a 0000", Reason.TRUNCATED);
    }

    @Test
    void extraBytesAreTooLong() {
        assertRejected("0009 000c 0000002a 00000000", Reason.LENGTH_TOO_LONG);
    }
}
