package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class DisableRestartParameterTest {

    @Test
    void decodesTheHeaderOnlyParameter() {
        // draft-ietf-tsvwg-natsupp section 5.3.1: type 0xC007, length 4, as FreeBSD sends it.
        Parameter p = decodeOne("c007 0004");
        assertThat(p).isSameAs(DisableRestartParameter.INSTANCE);
        assertThat(p.type()).isEqualTo(ParameterType.DISABLE_RESTART);
    }

    @Test
    void encodesAsItsFourByteHeader() {
        assertThat(encodedHex(DisableRestartParameter.INSTANCE)).isEqualTo("c0070004");
        CodecAssertions.roundTrip(DisableRestartParameter.INSTANCE);
    }

    @Test
    void anyValueBytesAreTooLong() {
        assertRejected("c007 0005 01 000000", DecodeException.Reason.LENGTH_TOO_LONG);
        assertRejected("c007 0008 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
