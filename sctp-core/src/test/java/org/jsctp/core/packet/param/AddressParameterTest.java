package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.jsctp.core.packet.CodecAssertions;
import org.junit.jupiter.api.Test;

class AddressParameterTest {

    @Test
    void ofPicksTheParameterMatchingTheAddressFamily() throws Exception {
        InetAddress v4 = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        InetAddress v6 = InetAddress.getByAddress(CodecAssertions.hex("20010db8000000000000000000000001"));
        assertThat(AddressParameter.of(v4)).isEqualTo(new Ipv4AddressParameter((java.net.Inet4Address) v4));
        assertThat(AddressParameter.of(v6)).isInstanceOf(Ipv6AddressParameter.class);
        assertThat(AddressParameter.of(v6).address()).isEqualTo(v6);
        assertThat(AddressParameter.of(v6).type()).isEqualTo(ParameterType.IPV6_ADDRESS);
    }

    @Test
    void addressTypesAreIpv4AndIpv6Only() {
        assertThat(AddressParameter.isAddressType(ParameterType.IPV4_ADDRESS)).isTrue();
        assertThat(AddressParameter.isAddressType(ParameterType.IPV6_ADDRESS)).isTrue();
        assertThat(AddressParameter.isAddressType(ParameterType.HOST_NAME_ADDRESS)).isFalse();
    }

    @Test
    void nullAddressIsRefused() {
        assertThatThrownBy(() -> AddressParameter.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Ipv4AddressParameter(null)).isInstanceOf(NullPointerException.class);
    }
}
