package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class SsnTsnResetRequestParameterTest {

    @Test
    void decodesTheRequestOfARealAssociationReset() {
        // From golden/assocreset.pcapng frame 35.
        SsnTsnResetRequestParameter p = (SsnTsnResetRequestParameter) decodeOne("000f 0008 a7eb907e");
        assertThat(p.requestSequenceNumber()).isEqualTo(0xa7eb907e);
    }

    @Test
    void roundTripsZeroAndMaximum() {
        CodecAssertions.roundTrip(new SsnTsnResetRequestParameter(0));
        CodecAssertions.roundTrip(new SsnTsnResetRequestParameter(-1));
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("000f 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("000f 000c 00000001 00000002", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
