package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class HeartbeatInfoParameterTest {

    @Test
    void decodesTheSenderSpecificInfoOfARealHeartbeat() {
        // From golden/asconf.pcapng frame 5: usrsctp's 36 bytes of heartbeat info.
        String info = "6b1e0b6bf1a80c00cdf8ea996c6bfb0a021000007f000002000000000000000000000000";
        Parameter p = decodeOne("0001 0028 " + info);
        assertThat(p).isEqualTo(new HeartbeatInfoParameter(Bytes.fromHex(info)));
    }

    @Test
    void oddLengthInfoKeepsItsBytesAndDropsThePadding() {
        HeartbeatInfoParameter p = (HeartbeatInfoParameter) decodeOne("0001 0007 010203 00");
        assertThat(p.info()).isEqualTo(Bytes.fromHex("010203"));
        assertThat(p.unpaddedLength()).isEqualTo(7);
    }

    @Test
    void roundTripsEmptyOddAndLargestInfo() {
        CodecAssertions.roundTrip(new HeartbeatInfoParameter(Bytes.empty()));
        CodecAssertions.roundTrip(new HeartbeatInfoParameter(Bytes.fromHex("ff")));
        CodecAssertions.roundTrip(new HeartbeatInfoParameter(Bytes.wrap(new byte[0xFFFF - 4])));
    }

    @Test
    void infoTooLongForTheLengthFieldIsRefused() {
        assertThatThrownBy(() -> new HeartbeatInfoParameter(Bytes.wrap(new byte[0xFFFF - 3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthRunningPastTheInputIsAnOverrun() {
        assertRejected("0001 0010 0102", DecodeException.Reason.LENGTH_OVERRUN);
    }
}
