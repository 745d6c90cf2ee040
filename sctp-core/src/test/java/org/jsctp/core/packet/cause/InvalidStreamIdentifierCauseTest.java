package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class InvalidStreamIdentifierCauseTest {

    @Test
    void decodesTheStreamIdentifierFromTheWire() {
        // code 1, length 8, stream 7, reserved 0
        assertThat(decodeOne("0001 0008 0007 0000")).isEqualTo(new InvalidStreamIdentifierCause(7));
    }

    @Test
    void reservedBitsAreIgnoredOnReceiptAndSentAsZero() {
        ErrorCause cause = decodeOne("0001 0008 0102 ffff");
        assertThat(cause).isEqualTo(new InvalidStreamIdentifierCause(0x0102));
        assertThat(CodecAssertions.encode(cause)).isEqualTo(CodecAssertions.hex("0001 0008 0102 0000"));
    }

    @Test
    void roundTripsTheWholeStreamRange() {
        CodecAssertions.roundTrip(new InvalidStreamIdentifierCause(0));
        CodecAssertions.roundTrip(new InvalidStreamIdentifierCause(0xFFFF));
    }

    @Test
    void describesTheStream() {
        assertThat(new InvalidStreamIdentifierCause(7).describe()).isEqualTo("Invalid Stream Identifier: stream 7");
    }

    @Test
    void valueShorterThanFourBytesIsTruncated() {
        assertRejected("0001 0006 0007 0000", Reason.TRUNCATED);
    }

    @Test
    void valueLongerThanFourBytesIsTooLong() {
        assertRejected("0001 000c 0007 0000 00000000", Reason.LENGTH_TOO_LONG);
    }

    @Test
    void streamIdentifierOutsideSixteenBitsIsRejected() {
        assertThatThrownBy(() -> new InvalidStreamIdentifierCause(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvalidStreamIdentifierCause(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
