package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class UserInitiatedAbortCauseTest {

    @Test
    void decodesTheReasonUsrsctpSentInTheGoldenAbortCapture() {
        // golden/abort.pcapng (test resources): ABORT with cause 12, length 37, 3 bytes padding
        ErrorCause cause =
                decodeOne("000c 0025 757372736374702d706565723a2041555448206e6f74206e65676f746961746564 000000");
        assertThat(cause).isEqualTo(UserInitiatedAbortCause.of("usrsctp-peer: AUTH not negotiated"));
        assertThat(((UserInitiatedAbortCause) cause).reasonText()).isEqualTo("usrsctp-peer: AUTH not negotiated");
        assertThat(cause.describe()).isEqualTo("User-Initiated Abort: usrsctp-peer: AUTH not negotiated");
    }

    @Test
    void reasonMayBeAbsent() {
        ErrorCause cause = decodeOne("000c 0004");
        assertThat(cause).isEqualTo(UserInitiatedAbortCause.NO_REASON);
        assertThat(cause.describe()).isEqualTo("User-Initiated Abort");
    }

    @Test
    void roundTripsTextBinaryAndLargestReasons() {
        CodecAssertions.roundTrip(UserInitiatedAbortCause.of("shutting down"));
        CodecAssertions.roundTrip(UserInitiatedAbortCause.of("Grüße, 你好 \uD83D\uDE00"));
        CodecAssertions.roundTrip(new UserInitiatedAbortCause(Bytes.fromHex("00ff80")));
        CodecAssertions.roundTrip(new UserInitiatedAbortCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void describesTheReasonText() {
        assertThat(UserInitiatedAbortCause.of("shutting down").describe())
                .isEqualTo("User-Initiated Abort: shutting down");
    }

    @Test
    void descriptionNeutralisesControlCharactersAndCutsLongReasons() {
        assertThat(UserInitiatedAbortCause.of("a\nb\u202Ec\u0000").describe())
                .isEqualTo("User-Initiated Abort: a\uFFFDb\uFFFDc\uFFFD");
        String longReason = "x".repeat(500);
        assertThat(UserInitiatedAbortCause.of(longReason).describe())
                .isEqualTo("User-Initiated Abort: " + "x".repeat(CauseText.MAX_TEXT) + "...");
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        UserInitiatedAbortCause cause = new UserInitiatedAbortCause(Bytes.fromHex("41c3"));
        assertThat(cause.reasonText()).isEqualTo("A\uFFFD");
    }

    @Test
    void causeLengthPastTheInputOverruns() {
        assertRejected("000c 0010 41", Reason.LENGTH_OVERRUN);
    }

    @Test
    void reasonTooLongForOneCauseIsRejected() {
        assertThatThrownBy(() -> UserInitiatedAbortCause.of("y".repeat(Echoed.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
