package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.junit.jupiter.api.Test;

class CookieEchoChunkTest {

    @Test
    void stateCookieIsKeptByteForByte() {
        // type 10, length 11: a 7-byte cookie and one byte of chunk padding
        Chunk c = CodecAssertions.decodeChunk(hex("0a 00 000b 00112233445566 00"));
        assertThat(((CookieEchoChunk) c).cookie()).isEqualTo(Bytes.fromHex("00112233445566"));
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("0a 00 000b 00112233445566 00"));
    }

    @Test
    void roundTripsEmptyAndMaximalCookies() {
        CodecAssertions.roundTrip(new CookieEchoChunk(Bytes.empty()));
        CodecAssertions.roundTrip(new CookieEchoChunk(Bytes.fromHex("ff")));
        CodecAssertions.roundTrip(new CookieEchoChunk(Bytes.wrap(new byte[0xFFFF - 4])));
    }

    @Test
    void anEmptyCookieDecodesForTheEndpointToReject() {
        assertThat(((CookieEchoChunk) CodecAssertions.decodeChunk(hex("0a 00 0004"))).cookie().isEmpty()).isTrue();
    }

    @Test
    void cookieTooLongForOneChunkIsRefused() {
        assertThatThrownBy(() -> new CookieEchoChunk(Bytes.wrap(new byte[0xFFFF - 3])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CookieEchoChunk(null)).isInstanceOf(NullPointerException.class);
    }
}
