package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class SuccessIndicationParameterTest {

    @Test
    void decodesTheCorrelationId() {
        SuccessIndicationParameter p = (SuccessIndicationParameter) decodeOne("c005 0008 01000000");
        assertThat(p.correlationId()).isEqualTo(0x01000000);
        assertThat(p).isInstanceOf(CorrelatedParameter.class);
    }

    @Test
    void roundTripsZeroAndMaximumIds() {
        CodecAssertions.roundTrip(new SuccessIndicationParameter(0));
        CodecAssertions.roundTrip(new SuccessIndicationParameter(-1));
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("c005 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("c005 000c 00000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
