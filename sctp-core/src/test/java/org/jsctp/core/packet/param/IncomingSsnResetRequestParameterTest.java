package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class IncomingSsnResetRequestParameterTest {

    @Test
    void decodesRequestNumberAndStreams() {
        IncomingSsnResetRequestParameter p =
                (IncomingSsnResetRequestParameter) decodeOne("000e 000e 12345678 0000 0003 ffff 0000");
        assertThat(p.requestSequenceNumber()).isEqualTo(0x12345678);
        assertThat(p.streams()).containsExactly(0, 3, 0xFFFF);
    }

    @Test
    void roundTripsAllStreamsAndSomeStreams() {
        CodecAssertions.roundTrip(new IncomingSsnResetRequestParameter(0, List.of()));
        CodecAssertions.roundTrip(new IncomingSsnResetRequestParameter(-1, List.of(1, 2, 3)));
    }

    @Test
    void malformedValuesAreRejected() {
        assertRejected("000e 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("000e 0009 00000001 05 000000", DecodeException.Reason.LENGTH_TOO_SHORT);
    }
}
