package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class ForwardTsnSupportedParameterTest {

    @Test
    void decodesTheHeaderOnlyParameter() {
        // RFC 3758 section 3.1: type 49152, length 4.
        Parameter p = decodeOne("c000 0004");
        assertThat(p).isSameAs(ForwardTsnSupportedParameter.INSTANCE);
        assertThat(p.type()).isEqualTo(ParameterType.FORWARD_TSN_SUPPORTED);
    }

    @Test
    void encodesAsItsFourByteHeader() {
        assertThat(encodedHex(ForwardTsnSupportedParameter.INSTANCE)).isEqualTo("c0000004");
        CodecAssertions.roundTrip(ForwardTsnSupportedParameter.INSTANCE);
    }

    @Test
    void anyValueBytesAreTooLong() {
        assertRejected("c000 0005 01 000000", DecodeException.Reason.LENGTH_TOO_LONG);
        assertRejected("c000 0008 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
