package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;
import static org.jsctp.core.packet.param.ParameterCodec.encodedHex;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.UnknownCause;
import org.junit.jupiter.api.Test;

/**
 * The nested causes here use codes no RFC assigns, so these tests depend only on the cause list
 * framing, not on any particular cause's codec.
 */
class ErrorCauseIndicationParameterTest {

    private static final UnknownCause ODD = new UnknownCause(0x1234, Bytes.fromHex("aabbcc"));
    private static final UnknownCause EMPTY = new UnknownCause(0x1235, Bytes.empty());

    @Test
    void decodesCorrelationIdAndCauses() {
        // Correlation ID 5; cause 0x1234 with 3 bytes (padded by one), then cause 0x1235 alone.
        ErrorCauseIndicationParameter p =
                (ErrorCauseIndicationParameter) decodeOne("c003 0014 00000005 1234 0007 aabbcc 00 1235 0004");
        assertThat(p.correlationId()).isEqualTo(5);
        assertThat(p.causes()).containsExactly(ODD, EMPTY);
    }

    @Test
    void lastCauseGoesUnpaddedInsideTheParameter() {
        ErrorCauseIndicationParameter p = new ErrorCauseIndicationParameter(1, List.of(EMPTY, ODD));
        // Parameter length 4 + 4 + 4 + 7 = 19: the cause's padding byte is the parameter's.
        assertThat(p.unpaddedLength()).isEqualTo(19);
        assertThat(encodedHex(p)).isEqualTo("c0030013" + "00000001" + "12350004" + "12340007aabbcc" + "00");
    }

    @Test
    void unpaddedLastCauseDecodes() {
        ErrorCauseIndicationParameter p =
                (ErrorCauseIndicationParameter) decodeOne("c003 0013 00000001 1235 0004 1234 0007 aabbcc 00");
        assertThat(p.causes()).containsExactly(EMPTY, ODD);
    }

    @Test
    void roundTripsNoCausesAndSeveralCauses() {
        CodecAssertions.roundTrip(new ErrorCauseIndicationParameter(0, List.of()));
        CodecAssertions.roundTrip(new ErrorCauseIndicationParameter(-1, List.of(ODD, EMPTY, ODD)));
    }

    @Test
    void theCauseListIsCopied() {
        List<ErrorCause> causes = new ArrayList<>(List.of(ODD));
        ErrorCauseIndicationParameter p = new ErrorCauseIndicationParameter(1, causes);
        causes.clear();
        assertThat(p.causes()).containsExactly(ODD);
    }

    @Test
    void malformedValuesAreRejected() {
        assertRejected("c003 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        // A cause whose length runs past the parameter.
        assertRejected("c003 000c 00000001 1234 0010", DecodeException.Reason.LENGTH_OVERRUN);
        // A cause length below its header.
        assertRejected("c003 000c 00000001 1234 0002", DecodeException.Reason.LENGTH_TOO_SHORT);
        // Two bytes left over: too few for a cause header.
        assertRejected("c003 000a 00000001 1234 0000", DecodeException.Reason.TRUNCATED);
        // A cause followed by one byte: less than its padding, yet not the end of the list.
        assertRejected("c003 000e 00000001 1234 0005 aa bb 0000", DecodeException.Reason.MISSING_PADDING);
    }
}
