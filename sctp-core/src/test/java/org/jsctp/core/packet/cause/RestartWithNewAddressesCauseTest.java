package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class RestartWithNewAddressesCauseTest {

    /** IPv4 Address 10.0.0.1, then IPv6 Address 2001:db8::1. */
    private static final String ADDRESSES = "0005 0008 0a000001 0006 0014 20010db8000000000000000000000001";

    @Test
    void keepsTheNewAddressTlvsAndDescribesTheAddresses() {
        // code 11, length 32 = 4 + 8 + 20
        RestartWithNewAddressesCause cause = (RestartWithNewAddressesCause) decodeOne("000b 0020 " + ADDRESSES);
        assertThat(cause.addresses()).isEqualTo(Bytes.fromHex(ADDRESSES.replace(" ", "")));
        assertThat(cause.describe())
                .isEqualTo("Restart of an Association with New Addresses: 10.0.0.1, 2001:db8:0:0:0:0:0:1");
    }

    @Test
    void isBuiltFromTheAddressParameters() {
        List<UnknownParameter> addresses = List.of(
                new UnknownParameter(ParameterType.IPV4_ADDRESS, Bytes.fromHex("0a000001")),
                new UnknownParameter(ParameterType.IPV6_ADDRESS, Bytes.fromHex("20010db8000000000000000000000001")));
        assertThat(RestartWithNewAddressesCause.of(addresses)).isEqualTo(decodeOne("000b 0020 " + ADDRESSES));
    }

    @Test
    void roundTripsOneAddressAndAMalformedCopy() {
        CodecAssertions.roundTrip(new RestartWithNewAddressesCause(Bytes.fromHex("000500080a000001")));
        // the copy is not parsed: a bad inner length is kept, and described as far as it goes
        RestartWithNewAddressesCause odd = new RestartWithNewAddressesCause(Bytes.fromHex("00050002ffff"));
        assertThat(CodecAssertions.roundTrip(odd).describe())
                .isEqualTo("Restart of an Association with New Addresses: 6 more bytes");
    }

    @Test
    void emptyListIsTooShort() {
        assertRejected("000b 0004", Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> RestartWithNewAddressesCause.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
