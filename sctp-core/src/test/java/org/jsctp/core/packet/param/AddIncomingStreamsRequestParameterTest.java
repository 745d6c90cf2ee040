package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class AddIncomingStreamsRequestParameterTest {

    @Test
    void decodesRequestNumberAndNewStreams() {
        // 16 new incoming streams requested.
        AddIncomingStreamsRequestParameter p =
                (AddIncomingStreamsRequestParameter) decodeOne("0012 000c 00000009 0010 0000");
        assertThat(p.requestSequenceNumber()).isEqualTo(0x00000009);
        assertThat(p.newStreams()).isEqualTo(0x0010);
        assertThat(p.reserved()).isZero();
    }

    @Test
    void nonZeroReservedFieldIsKeptSoItReencodesExactly() {
        AddIncomingStreamsRequestParameter p =
                (AddIncomingStreamsRequestParameter) decodeOne("0012 000c 00000001 0001 abcd");
        assertThat(p.reserved()).isEqualTo(0xabcd);
        assertThat(encodedHex(p)).isEqualTo("0012000c000000010001abcd");
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new AddIncomingStreamsRequestParameter(0, 0));
        CodecAssertions.roundTrip(new AddIncomingStreamsRequestParameter(-1, 0xFFFF, 0xFFFF));
        assertThat(new AddIncomingStreamsRequestParameter(5, 6).reserved()).isZero();
    }

    @Test
    void fieldsOutsideSixteenBitsAreRefused() {
        assertThatThrownBy(() -> new AddIncomingStreamsRequestParameter(1, 0x10000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddIncomingStreamsRequestParameter(1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("0012 000a 00000001 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("0012 0010 00000001 0001 0000 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
