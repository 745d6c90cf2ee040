package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class AddOutgoingStreamsRequestParameterTest {

    @Test
    void decodesRequestNumberAndNewStreams() {
        // From golden/reconfig.pcapng frame 51: 2 new outgoing streams.
        AddOutgoingStreamsRequestParameter p =
                (AddOutgoingStreamsRequestParameter) decodeOne("0011 000c 709780c7 0002 0000");
        assertThat(p.requestSequenceNumber()).isEqualTo(0x709780c7);
        assertThat(p.newStreams()).isEqualTo(0x0002);
        assertThat(p.reserved()).isZero();
    }

    @Test
    void nonZeroReservedFieldIsKeptSoItReencodesExactly() {
        AddOutgoingStreamsRequestParameter p =
                (AddOutgoingStreamsRequestParameter) decodeOne("0011 000c 00000001 0001 abcd");
        assertThat(p.reserved()).isEqualTo(0xabcd);
        assertThat(encodedHex(p)).isEqualTo("0011000c000000010001abcd");
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new AddOutgoingStreamsRequestParameter(0, 0));
        CodecAssertions.roundTrip(new AddOutgoingStreamsRequestParameter(-1, 0xFFFF, 0xFFFF));
        assertThat(new AddOutgoingStreamsRequestParameter(5, 6).reserved()).isZero();
    }

    @Test
    void fieldsOutsideSixteenBitsAreRefused() {
        assertThatThrownBy(() -> new AddOutgoingStreamsRequestParameter(1, 0x10000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddOutgoingStreamsRequestParameter(1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongSizesAreRejected() {
        assertRejected("0011 000a 00000001 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("0011 0010 00000001 0001 0000 00000000", DecodeException.Reason.LENGTH_TOO_LONG);
    }
}
