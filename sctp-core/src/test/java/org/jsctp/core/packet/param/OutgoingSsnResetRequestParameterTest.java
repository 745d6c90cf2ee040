package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class OutgoingSsnResetRequestParameterTest {

    @Test
    void decodesTheRequestOfARealStreamReset() {
        // From golden/reconfig.pcapng frame 20: reset of streams 1 and 2.
        OutgoingSsnResetRequestParameter p =
                (OutgoingSsnResetRequestParameter) decodeOne("000d 0014 709780c5 3ec89a30 709780ce 0001 0002");
        assertThat(p.requestSequenceNumber()).isEqualTo(0x709780c5);
        assertThat(p.responseSequenceNumber()).isEqualTo(0x3ec89a30);
        assertThat(p.senderLastAssignedTsn()).isEqualTo(new Tsn(0x709780ce));
        assertThat(p.streams()).containsExactly(1, 2);
    }

    @Test
    void noStreamsMeansAllStreams() {
        OutgoingSsnResetRequestParameter p =
                (OutgoingSsnResetRequestParameter) decodeOne("000d 0010 00000001 00000000 ffffffff");
        assertThat(p.streams()).isEmpty();
        assertThat(p.senderLastAssignedTsn()).isEqualTo(new Tsn(-1));
    }

    @Test
    void oddNumberOfStreamsIsPadded() {
        OutgoingSsnResetRequestParameter p = new OutgoingSsnResetRequestParameter(1, 2, new Tsn(3), List.of(7));
        assertThat(p.unpaddedLength()).isEqualTo(18);
        assertThat(p.encodedLength()).isEqualTo(20);
        CodecAssertions.roundTrip(p);
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new OutgoingSsnResetRequestParameter(0, 0, new Tsn(0), List.of()));
        CodecAssertions.roundTrip(new OutgoingSsnResetRequestParameter(-1, -1, new Tsn(-1), List.of(0, 0xFFFF)));
    }

    @Test
    void malformedValuesAreRejected() {
        assertRejected("000d 000c 00000001 00000000", DecodeException.Reason.TRUNCATED);
        assertRejected("000d 0011 00000001 00000000 00000000 01 000000", DecodeException.Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void streamNumbersOutsideSixteenBitsAreRefused() {
        assertThatThrownBy(() -> new OutgoingSsnResetRequestParameter(1, 2, new Tsn(3), List.of(65536)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
