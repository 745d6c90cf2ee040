package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class Ipv4AddressParameterTest {

    static Inet4Address v4(int a, int b, int c, int d) throws Exception {
        return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    @Test
    void decodesTheAddressOfARealInit() throws Exception {
        // From golden/asconf.pcapng frame 1: 127.0.0.2.
        Ipv4AddressParameter p = (Ipv4AddressParameter) decodeOne("0005 0008 7f000002");
        assertThat(p.address()).isEqualTo(v4(127, 0, 0, 2));
        assertThat(p.address().getHostAddress()).isEqualTo("127.0.0.2");
    }

    @Test
    void roundTripsLowestAndHighestAddresses() throws Exception {
        CodecAssertions.roundTrip(new Ipv4AddressParameter(v4(0, 0, 0, 0)));
        CodecAssertions.roundTrip(new Ipv4AddressParameter(v4(255, 255, 255, 255)));
        CodecAssertions.roundTrip(new Ipv4AddressParameter(v4(192, 0, 2, 1)));
    }

    @Test
    void valueShorterThanFourBytesIsTruncated() {
        assertRejected("0005 0007 7f0000 00", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void valueLongerThanFourBytesIsTooLong() {
        assertRejected("0005 000c 7f000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
