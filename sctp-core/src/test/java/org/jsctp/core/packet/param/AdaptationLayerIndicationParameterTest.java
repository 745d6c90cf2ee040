package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class AdaptationLayerIndicationParameterTest {

    @Test
    void decodesTheAdaptationCodePoint() {
        AdaptationLayerIndicationParameter p = (AdaptationLayerIndicationParameter) decodeOne("c006 0008 cafe0001");
        assertThat(p.adaptationCodePoint()).isEqualTo(0xcafe0001);
    }

    @Test
    void roundTripsZeroAndMaximumCodePoints() {
        CodecAssertions.roundTrip(new AdaptationLayerIndicationParameter(0));
        CodecAssertions.roundTrip(new AdaptationLayerIndicationParameter(-1));
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("c006 0004", DecodeException.Reason.TRUNCATED);
        assertRejected("c006 0009 00000001 01 000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
