package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.junit.jupiter.api.Test;

class UnsupportedHmacIdentifierCauseTest {

    @Test
    void decodesTheIdentifierFollowedByCausePadding() {
        // RFC 4895 section 4.1: code 0x0105, length 6, identifier 2, 2 bytes of padding
        assertThat(decodeOne("0105 0006 0002 0000")).isEqualTo(new UnsupportedHmacIdentifierCause(2));
    }

    @Test
    void encodesLengthSixAndTwoBytesOfPadding() {
        assertThat(CodecAssertions.encode(new UnsupportedHmacIdentifierCause(2)))
                .isEqualTo(CodecAssertions.hex("0105 0006 0002 0000"));
    }

    @Test
    void causeCodeIsHexadecimal0105NotDecimal105() {
        assertThat(CauseCode.UNSUPPORTED_HMAC_IDENTIFIER).isEqualTo(261);
        assertThat(decodeOne("0069 0006 0002 0000")).isEqualTo(new UnknownCause(105, Bytes.fromHex("0002")));
    }

    @Test
    void roundTripsIdentifierExtremes() {
        CodecAssertions.roundTrip(new UnsupportedHmacIdentifierCause(0));
        CodecAssertions.roundTrip(new UnsupportedHmacIdentifierCause(0xFFFF));
    }

    @Test
    void describesTheIdentifierAndKnownAlgorithms() {
        assertThat(new UnsupportedHmacIdentifierCause(3).describe())
                .isEqualTo("Unsupported HMAC Identifier: 3 (SHA-256)");
        assertThat(new UnsupportedHmacIdentifierCause(1).describe())
                .isEqualTo("Unsupported HMAC Identifier: 1 (SHA-1)");
        assertThat(new UnsupportedHmacIdentifierCause(2).describe()).isEqualTo("Unsupported HMAC Identifier: 2");
    }

    @Test
    void lengthCountingThePaddingIsTooLong() {
        assertRejected("0105 0008 0002 0000", Reason.LENGTH_TOO_LONG);
    }

    @Test
    void oneByteValueIsTruncated() {
        assertRejected("0105 0005 00 000000", Reason.TRUNCATED);
    }

    @Test
    void identifierOutsideSixteenBitsIsRejected() {
        assertThatThrownBy(() -> new UnsupportedHmacIdentifierCause(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
