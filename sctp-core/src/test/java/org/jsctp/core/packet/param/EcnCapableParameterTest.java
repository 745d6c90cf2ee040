package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class EcnCapableParameterTest {

    @Test
    void decodesTheHeaderOnlyParameter() {
        // As in golden/ecn.pcapng frames 1 and 2.
        Parameter p = decodeOne("8000 0004");
        assertThat(p).isSameAs(EcnCapableParameter.INSTANCE);
        assertThat(p.type()).isEqualTo(ParameterType.ECN_CAPABLE);
    }

    @Test
    void encodesAsItsFourByteHeader() {
        assertThat(encodedHex(EcnCapableParameter.INSTANCE)).isEqualTo("80000004");
        CodecAssertions.roundTrip(EcnCapableParameter.INSTANCE);
    }

    @Test
    void anyValueBytesAreTooLong() {
        assertRejected("8000 0005 01 000000", DecodeException.Reason.LENGTH_TOO_LONG);
        assertRejected("8000 0008 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
