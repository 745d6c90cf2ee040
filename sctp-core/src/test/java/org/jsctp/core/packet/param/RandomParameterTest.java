package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class RandomParameterTest {

    @Test
    void decodesTheThirtyTwoRandomBytesOfARealInit() {
        // From golden/asconf.pcapng frame 1 (INIT).
        String random = "aedea1fa67fd4684fa152c93d2b6b42ad99453ca8021e9b476da687e05fcad4b";
        RandomParameter p = (RandomParameter) decodeOne("8002 0024 " + random);
        assertThat(p.random()).isEqualTo(Bytes.fromHex(random));
        assertThat(p.random().length()).isEqualTo(RandomParameter.RECOMMENDED_LENGTH);
    }

    @Test
    void shorterRandomNumbersStillDecode() {
        RandomParameter p = (RandomParameter) decodeOne("8002 0005 7f 000000");
        assertThat(p.random()).isEqualTo(Bytes.fromHex("7f"));
    }

    @Test
    void roundTripsOneRecommendedAndMaximalLengths() {
        CodecAssertions.roundTrip(new RandomParameter(Bytes.fromHex("00")));
        CodecAssertions.roundTrip(new RandomParameter(Bytes.wrap(new byte[32])));
        CodecAssertions.roundTrip(new RandomParameter(Bytes.wrap(new byte[0xFFFF - 4])));
    }

    @Test
    void emptyRandomNumberIsTooShort() {
        assertRejected("8002 0004", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> new RandomParameter(Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
