package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class PaddingParameterTest {

    @Test
    void decodesPaddingData() {
        PaddingParameter p = (PaddingParameter) decodeOne("8005 000a 000000000000 0000");
        assertThat(p.padding()).isEqualTo(Bytes.wrap(new byte[6]));
    }

    @Test
    void nonZeroPaddingIsKeptSoItReencodesExactly() {
        PaddingParameter p = (PaddingParameter) decodeOne("8005 0008 deadbeef");
        assertThat(encodedHex(p)).isEqualTo("80050008deadbeef");
    }

    @Test
    void zerosBuildsTheRequestedAmountOfPadding() {
        assertThat(encodedHex(PaddingParameter.zeros(3))).isEqualTo("8005000700000000");
        assertThatThrownBy(() -> PaddingParameter.zeros(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsNoneSomeAndMaximalPadding() {
        CodecAssertions.roundTrip(PaddingParameter.zeros(0));
        CodecAssertions.roundTrip(PaddingParameter.zeros(1));
        CodecAssertions.roundTrip(PaddingParameter.zeros(0xFFFF - 4));
    }

    @Test
    void truncatedHeaderIsRejected() {
        assertRejected("8005 00", DecodeException.Reason.TRUNCATED);
    }
}
