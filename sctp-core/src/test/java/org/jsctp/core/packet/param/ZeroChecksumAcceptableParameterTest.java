package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class ZeroChecksumAcceptableParameterTest {

    @Test
    void decodesTheDtlsErrorDetectionMethod() {
        ZeroChecksumAcceptableParameter p = (ZeroChecksumAcceptableParameter) decodeOne("8001 0008 00000001");
        assertThat(p.errorDetectionMethod()).isEqualTo(ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS);
    }

    @Test
    void unknownMethodsDecodeForTheAssociationToIgnore() {
        ZeroChecksumAcceptableParameter p = (ZeroChecksumAcceptableParameter) decodeOne("8001 0008 fffffffe");
        assertThat(p.errorDetectionMethod()).isEqualTo(0xFFFF_FFFE);
    }

    @Test
    void roundTripsReservedDtlsAndMaximumIdentifiers() {
        CodecAssertions.roundTrip(new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.EDMID_RESERVED));
        CodecAssertions.roundTrip(new ZeroChecksumAcceptableParameter(1));
        CodecAssertions.roundTrip(new ZeroChecksumAcceptableParameter(-1));
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("8001 0004", DecodeException.Reason.TRUNCATED);
        assertRejected("8001 000c 00000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
