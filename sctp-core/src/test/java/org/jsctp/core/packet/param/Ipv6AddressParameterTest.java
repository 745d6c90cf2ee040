package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import java.net.Inet6Address;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class Ipv6AddressParameterTest {

    static Inet6Address v6(String digits) throws Exception {
        return Inet6Address.getByAddress(null, hex(digits), -1);
    }

    @Test
    void decodesAnIpv6Address() throws Exception {
        Ipv6AddressParameter p = (Ipv6AddressParameter) decodeOne("0006 0014 20010db8000000000000000000000001");
        assertThat(p.address()).isEqualTo(v6("20010db8000000000000000000000001"));
        assertThat(p.address().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void ipv4MappedAddressStaysAnIpv6Parameter() throws Exception {
        String mapped = "0006 0014 00000000000000000000ffff7f000001";
        Ipv6AddressParameter p = (Ipv6AddressParameter) decodeOne(mapped);
        assertThat(p.address()).isInstanceOf(Inet6Address.class);
        assertThat(encodedHex(p)).isEqualTo(mapped.replace(" ", ""));
    }

    @Test
    void roundTripsUnspecifiedAndAllOnesAddresses() throws Exception {
        CodecAssertions.roundTrip(new Ipv6AddressParameter(v6("00000000000000000000000000000000")));
        CodecAssertions.roundTrip(new Ipv6AddressParameter(v6("ffffffffffffffffffffffffffffffff")));
    }

    @Test
    void scopeIsNotCarriedOnTheWire() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, hex("fe800000000000000000000000000001"), 3);
        Ipv6AddressParameter decoded = CodecAssertions.roundTrip(new Ipv6AddressParameter(scoped));
        assertThat(decoded.address().getScopeId()).isZero();
    }

    @Test
    void ipv4SizedValueIsTruncated() {
        assertRejected("0006 0008 7f000001", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void valueLongerThanSixteenBytesIsTooLong() {
        assertRejected("0006 0018 20010db8000000000000000000000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
