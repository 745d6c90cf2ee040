package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class ReconfigurationResponseParameterTest {

    @Test
    void decodesAResponseWithoutTsns() {
        // From golden/reconfig.pcapng frame 21: "Success - Performed" for request 0x709780c5.
        ReconfigurationResponseParameter p =
                (ReconfigurationResponseParameter) decodeOne("0010 000c 709780c5 00000001");
        assertThat(p.responseSequenceNumber()).isEqualTo(0x709780c5);
        assertThat(p.result()).isEqualTo(ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED);
        assertThat(p.isSuccess()).isTrue();
        assertThat(p.hasNextTsns()).isFalse();
        assertThat(p.senderNextTsn()).isNull();
        assertThat(p.receiverNextTsn()).isNull();
    }

    @Test
    void decodesAResponseWithBothTsns() {
        // From golden/assocreset.pcapng frame 36: the answer to an SSN/TSN Reset Request.
        ReconfigurationResponseParameter p =
                (ReconfigurationResponseParameter) decodeOne("0010 0014 a7eb907e 00000001 6059e9e0 a7eba086");
        assertThat(p.responseSequenceNumber()).isEqualTo(0xa7eb907e);
        assertThat(p.hasNextTsns()).isTrue();
        assertThat(p.senderNextTsn()).isEqualTo(new Tsn(0x6059e9e0));
        assertThat(p.receiverNextTsn()).isEqualTo(new Tsn(0xa7eba086));
    }

    @Test
    void unknownResultCodesArePreserved() {
        ReconfigurationResponseParameter p =
                (ReconfigurationResponseParameter) decodeOne("0010 000c 00000001 000000ff");
        assertThat(p.result()).isEqualTo(255);
        assertThat(p.isSuccess()).isFalse();
        assertThat(ReconfigurationResponseParameter.resultName(255)).isEqualTo("result 255");
        assertThat(ReconfigurationResponseParameter.resultName(-1)).isEqualTo("result 4294967295");
    }

    @Test
    void namesEveryResultCodeOfRfc6525() {
        assertThat(ReconfigurationResponseParameter.resultName(0)).isEqualTo("Success - Nothing to do");
        assertThat(ReconfigurationResponseParameter.resultName(1)).isEqualTo("Success - Performed");
        assertThat(ReconfigurationResponseParameter.resultName(2)).isEqualTo("Denied");
        assertThat(ReconfigurationResponseParameter.resultName(3)).isEqualTo("Error - Wrong SSN");
        assertThat(ReconfigurationResponseParameter.resultName(4)).isEqualTo("Error - Request already in progress");
        assertThat(ReconfigurationResponseParameter.resultName(5)).isEqualTo("Error - Bad Sequence Number");
        assertThat(ReconfigurationResponseParameter.resultName(6)).isEqualTo("In progress");
    }

    @Test
    void roundTripsBothFormsWithExtremeValues() {
        for (int result = 0; result <= 6; result++) {
            CodecAssertions.roundTrip(new ReconfigurationResponseParameter(-1, result));
        }
        CodecAssertions.roundTrip(new ReconfigurationResponseParameter(0, -1, new Tsn(0), new Tsn(-1)));
        CodecAssertions.roundTrip(new ReconfigurationResponseParameter(-1, 0, new Tsn(-1), new Tsn(0)));
    }

    @Test
    void oneTsnWithoutTheOtherIsRefused() {
        assertThatThrownBy(() -> new ReconfigurationResponseParameter(1, 1, new Tsn(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconfigurationResponseParameter(1, 1, null, new Tsn(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedLengthsAreRejected() {
        assertRejected("0010 0008 00000001", DecodeException.Reason.TRUNCATED);
        // Only the sender's next TSN: length 16 is neither 12 nor 20.
        assertRejected("0010 0010 00000001 00000000 00000005", DecodeException.Reason.LENGTH_TOO_SHORT);
        assertRejected("0010 0018 00000001 00000000 00000005 00000006 00000000",
                DecodeException.Reason.LENGTH_TOO_LONG);
        assertRejected("0010 000e 00000001 00000000 0001 0000", DecodeException.Reason.LENGTH_TOO_SHORT);
    }
}
