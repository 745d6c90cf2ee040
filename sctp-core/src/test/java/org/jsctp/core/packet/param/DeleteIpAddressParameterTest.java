package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class DeleteIpAddressParameterTest {

    @Test
    void decodesCorrelationIdAndNestedIpv4Address() throws Exception {
        // Delete 127.0.0.2, laid out as RFC 5061 section 4.2.2 shows.
        DeleteIpAddressParameter p = (DeleteIpAddressParameter) decodeOne("c002 0010 01000000 0005 0008 7f000002");
        assertThat(p.correlationId()).isEqualTo(0x01000000);
        assertThat(p.address()).isEqualTo(AddressParameter.of(InetAddress.getByAddress(hex("7f000002"))));
    }

    @Test
    void decodesANestedIpv6Address() throws Exception {
        DeleteIpAddressParameter p =
                (DeleteIpAddressParameter) decodeOne("c002 001c ffffffff 0006 0014 20010db8000000000000000000000002");
        assertThat(p.correlationId()).isEqualTo(-1);
        assertThat(p.address()).isInstanceOf(Ipv6AddressParameter.class);
        assertThat(p.address().address()).isEqualTo(
                Inet6Address.getByAddress(null, hex("20010db8000000000000000000000002"), -1));
    }

    @Test
    void roundTripsBothAddressFamilies() throws Exception {
        CodecAssertions.roundTrip(new DeleteIpAddressParameter(0,
                AddressParameter.of(InetAddress.getByAddress(hex("00000000")))));
        CodecAssertions.roundTrip(new DeleteIpAddressParameter(-1,
                AddressParameter.of(Inet6Address.getByAddress(null, hex("ffffffffffffffffffffffffffffffff"), -1))));
    }

    @Test
    void nestedParameterOtherThanAnAddressIsInvalid() {
        assertRejected("c002 0010 00000001 000b 0008 61626300", DecodeException.Reason.INVALID_VALUE);
    }

    @Test
    void nestedAddressOfTheWrongSizeIsRejected() {
        assertRejected("c002 0010 00000001 0006 0008 7f000001", DecodeException.Reason.TRUNCATED);
        assertRejected("c002 0014 00000001 0005 000c 7f000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }

    @Test
    void badNestedLengthsAreRejected() {
        assertRejected("c002 000c 00000001 0005 0003", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("c002 0010 00000001 0005 0010 7f000001", DecodeException.Reason.LENGTH_OVERRUN);
    }

    @Test
    void missingOrTrailingPartsAreRejected() {
        assertRejected("c002 0008 00000001", DecodeException.Reason.TRUNCATED);
        assertRejected("c002 000a 00000001 0005 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("c002 0014 00000001 0005 0008 7f000001 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
