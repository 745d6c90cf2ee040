package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class HostNameAddressParameterTest {

    @Test
    void decodesTheNameUpToItsTerminator() {
        // "host.example" + NUL: 13 bytes, length 17, 3 bytes of padding.
        HostNameAddressParameter p =
                (HostNameAddressParameter) decodeOne("000b 0011 686f73742e6578616d706c65 00 000000");
        assertThat(p.hostName()).isEqualTo("host.example");
        assertThat(p.encodedName()).isEqualTo(Bytes.fromHex("686f73742e6578616d706c6500"));
    }

    @Test
    void bytesAfterTheFirstTerminatorAreKeptButNotPartOfTheName() {
        HostNameAddressParameter p = (HostNameAddressParameter) decodeOne("000b 0008 6100 6200");
        assertThat(p.hostName()).isEqualTo("a");
        assertThat(encodedHex(p)).isEqualTo("000b000861006200");
    }

    @Test
    void unterminatedNameStillDecodesSoItCanBeReportedBack() {
        HostNameAddressParameter p = (HostNameAddressParameter) decodeOne("000b 0007 616263 00");
        assertThat(p.hostName()).isEqualTo("abc");
        assertThat(p.encodedName().length()).isEqualTo(3);
    }

    @Test
    void ofAddsOneTerminator() {
        assertThat(encodedHex(HostNameAddressParameter.of("ab"))).isEqualTo("000b0007616200" + "00");
        assertThat(HostNameAddressParameter.of("").encodedName()).isEqualTo(Bytes.fromHex("00"));
    }

    @Test
    void roundTripsEmptyAndLongNames() {
        CodecAssertions.roundTrip(new HostNameAddressParameter(Bytes.empty()));
        CodecAssertions.roundTrip(HostNameAddressParameter.of("a".repeat(255)));
    }

    @Test
    void lengthPastTheEndIsAnOverrun() {
        assertRejected("000b 0020 6100", DecodeException.Reason.LENGTH_OVERRUN);
    }
}
