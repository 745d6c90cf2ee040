package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class VtagsParameterTest {

    @Test
    void decodesCorrelationIdAndBothTags() {
        VtagsParameter p = (VtagsParameter) decodeOne("c008 0010 00000007 11223344 8899aabb");
        assertThat(p.correlationId()).isEqualTo(7);
        assertThat(p.internalVerificationTag()).isEqualTo(0x11223344);
        assertThat(p.remoteVerificationTag()).isEqualTo(0x8899aabb);
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new VtagsParameter(0, 0, 0));
        CodecAssertions.roundTrip(new VtagsParameter(-1, -1, -1));
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("c008 000c 00000001 00000002", DecodeException.Reason.TRUNCATED);
        assertRejected("c008 0014 00000001 00000002 00000003 00000004", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
