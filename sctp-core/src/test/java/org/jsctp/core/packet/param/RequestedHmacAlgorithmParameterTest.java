package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class RequestedHmacAlgorithmParameterTest {

    @Test
    void decodesTheSha1OnlyListOfARealInit() {
        // From golden/auth.pcapng frame 1.
        RequestedHmacAlgorithmParameter p = (RequestedHmacAlgorithmParameter) decodeOne("8004 0006 0001 0000");
        assertThat(p.hmacIds()).containsExactly(RequestedHmacAlgorithmParameter.HMAC_SHA_1);
    }

    @Test
    void keepsTheOrderOfPreference() {
        RequestedHmacAlgorithmParameter p = (RequestedHmacAlgorithmParameter) decodeOne("8004 0008 0003 0001");
        assertThat(p.hmacIds()).containsExactly(RequestedHmacAlgorithmParameter.HMAC_SHA_256,
                RequestedHmacAlgorithmParameter.HMAC_SHA_1);
    }

    @Test
    void roundTripsEmptyAndExtremeIdentifiers() {
        CodecAssertions.roundTrip(new RequestedHmacAlgorithmParameter(List.of()));
        CodecAssertions.roundTrip(new RequestedHmacAlgorithmParameter(List.of(0, 0xFFFF, 1)));
    }

    @Test
    void oddValueLengthIsRejected() {
        assertRejected("8004 0007 0001 00 00", DecodeException.Reason.LENGTH_TOO_SHORT);
    }
}
