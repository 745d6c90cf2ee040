package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class DeleteSourceAddressCauseTest {

    /** Delete IP Address, correlation ID 5, IPv4 Address 10.0.0.1. */
    private static final String REQUEST = "c002 0010 00000005 0005 0008 0a000001";

    @Test
    void keepsTheCopiedAsconfParameterByteForByte() {
        DeleteSourceAddressCause cause = (DeleteSourceAddressCause) decodeOne("00a2 0014 " + REQUEST);
        assertThat(cause.asconfParameter()).isEqualTo(Bytes.fromHex(REQUEST.replace(" ", "")));
    }

    @Test
    void isBuiltFromTheRefusedRequest() {
        UnknownParameter request = new UnknownParameter(0xc002, Bytes.fromHex("00000005000500080a000001"));
        assertThat(DeleteSourceAddressCause.of(request)).isEqualTo(decodeOne("00a2 0014 " + REQUEST));
    }

    @Test
    void describesTheRequestAndItsAddress() {
        assertThat(decodeOne("00a2 0014 " + REQUEST).describe())
                .isEqualTo("Request to Delete Source IP Address: Delete IP Address 10.0.0.1");
    }

    @Test
    void roundTripsShortestOddAndLargestCopies() {
        CodecAssertions.roundTrip(new DeleteSourceAddressCause(Bytes.fromHex("c002 0004".replace(" ", ""))));
        CodecAssertions.roundTrip(new DeleteSourceAddressCause(Bytes.fromHex("c002 0005 ff".replace(" ", ""))));
        CodecAssertions.roundTrip(new DeleteSourceAddressCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void copyShorterThanAParameterHeaderIsTooShort() {
        assertRejected("00a2 0004", Reason.LENGTH_TOO_SHORT);
        assertRejected("00a2 0006 c002 0000", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorRejectsACopyWithoutHeader() {
        assertThatThrownBy(() -> new DeleteSourceAddressCause(Bytes.fromHex("c0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
