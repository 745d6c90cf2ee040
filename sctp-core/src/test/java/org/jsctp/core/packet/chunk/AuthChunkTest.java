package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.junit.jupiter.api.Test;

class AuthChunkTest {

    /** From auth.pcapng (usrsctp): shared key 1, HMAC-SHA-1. */
    private static final String GOLDEN = "0f00001c 0001 0001 e52e0aace5540fc13dbaa149c9fbd665a116259b";

    @Test
    void decodesKeyIdentifierHmacIdentifierAndHmacFromAGoldenPacket() {
        Chunk c = CodecAssertions.decodeChunk(hex(GOLDEN));
        assertThat(c).isEqualTo(new AuthChunk(1, AuthChunk.HMAC_SHA_1,
                Bytes.fromHex("e52e0aace5540fc13dbaa149c9fbd665a116259b")));
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex(GOLDEN));
    }

    @Test
    void reservedFlagsAreIgnoredAndSentAsZero() {
        AuthChunk c = (AuthChunk) CodecAssertions.decodeChunk(hex("0f ff 000c 0002 0003 01020304"));
        assertThat(c).isEqualTo(new AuthChunk(2, AuthChunk.HMAC_SHA_256, Bytes.fromHex("01020304")));
        assertThat(c.flags()).isZero();
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("0f 00 000c 0002 0003 01020304"));
    }

    @Test
    void unknownHmacIdentifiersAndUnexpectedHmacLengthsDecodeForTheAssociationToJudge() {
        AuthChunk c = (AuthChunk) CodecAssertions.decodeChunk(hex("0f 00 000b 1234 00ff 010203 00"));
        assertThat(c.sharedKeyId()).isEqualTo(0x1234);
        assertThat(c.hmacId()).isEqualTo(0xFF);
        assertThat(c.hmac()).isEqualTo(Bytes.fromHex("010203"));
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new AuthChunk(0, 0, Bytes.empty()));
        CodecAssertions.roundTrip(new AuthChunk(0xFFFF, 0xFFFF, Bytes.wrap(new byte[32])));
        CodecAssertions.roundTrip(new AuthChunk(7, AuthChunk.HMAC_SHA_1, Bytes.fromHex("0102030405")));
        CodecAssertions.roundTrip(new AuthChunk(1, 1, Bytes.wrap(new byte[0xFFFF - 8])));
    }

    @Test
    void zeroedHmacKeepsIdentifiersAndLength() {
        AuthChunk c = new AuthChunk(3, AuthChunk.HMAC_SHA_256, Bytes.fromHex("ffeeddcc"));
        assertThat(c.withZeroedHmac()).isEqualTo(new AuthChunk(3, AuthChunk.HMAC_SHA_256, Bytes.fromHex("00000000")));
    }

    @Test
    void valueShorterThanTheTwoIdentifiersIsTruncated() {
        assertRejected("0f 00 0006 0001 0000", DecodeException.Reason.TRUNCATED);
        assertRejected("0f 00 0004", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void constructorRejectsOutOfRangeFields() {
        assertThatThrownBy(() -> new AuthChunk(0x10000, 1, Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthChunk(0, -1, Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthChunk(0, 1, Bytes.wrap(new byte[0xFFFF - 7])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
