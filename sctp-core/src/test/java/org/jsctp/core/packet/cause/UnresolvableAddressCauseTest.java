package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class UnresolvableAddressCauseTest {

    /** Host Name Address "example.org" with its terminating zero: type 11, length 16. */
    private static final String HOST_NAME_TLV = "000b 0010 6578616d706c652e6f726700";

    @Test
    void keepsTheHostNameTlvByteForByte() {
        ErrorCause cause = decodeOne("0005 0014 " + HOST_NAME_TLV);
        assertThat(cause).isEqualTo(new UnresolvableAddressCause(Bytes.fromHex(HOST_NAME_TLV.replace(" ", ""))));
        assertThat(cause.describe()).isEqualTo("Unresolvable Address: Host Name Address example.org");
    }

    @Test
    void isBuiltFromTheAddressParameter() {
        UnknownParameter hostName = new UnknownParameter(ParameterType.HOST_NAME_ADDRESS,
                Bytes.fromHex("6578616d706c652e6f726700"));
        assertThat(UnresolvableAddressCause.of(hostName)).isEqualTo(decodeOne("0005 0014 " + HOST_NAME_TLV));
    }

    @Test
    void describesACopiedAsconfRequestByItsAddress() {
        // usrsctp form: Add IP Address, correlation ID 1, IPv4 Address 10.0.0.1
        ErrorCause cause = decodeOne("0005 0014 c001 0010 00000001 0005 0008 0a000001");
        assertThat(cause.describe()).isEqualTo("Unresolvable Address: Add IP Address 10.0.0.1");
    }

    @Test
    void roundTripsHeaderOnlyOddAndLargestTlvs() {
        CodecAssertions.roundTrip(new UnresolvableAddressCause(Bytes.fromHex("000b0004")));
        CodecAssertions.roundTrip(new UnresolvableAddressCause(Bytes.fromHex("000b000561")));
        CodecAssertions.roundTrip(new UnresolvableAddressCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void valueTooShortForATlvHeaderIsTooShort() {
        assertRejected("0005 0004", Reason.LENGTH_TOO_SHORT);
        assertRejected("0005 0007 000b00 00", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorRejectsMissingHeaderAndOversizedTlv() {
        assertThatThrownBy(() -> new UnresolvableAddressCause(Bytes.fromHex("000b00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnresolvableAddressCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
