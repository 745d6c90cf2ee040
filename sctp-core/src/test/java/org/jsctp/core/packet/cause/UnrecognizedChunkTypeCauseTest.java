package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.junit.jupiter.api.Test;

class UnrecognizedChunkTypeCauseTest {

    @Test
    void keepsTheWholeChunkWithItsHeader() {
        // code 6, length 9: chunk type 0x42, flags 1, length 5, one value byte; 3 bytes padding
        UnrecognizedChunkTypeCause cause = (UnrecognizedChunkTypeCause) decodeOne("0006 0009 4201 0005 aa 000000");
        assertThat(cause.chunk()).isEqualTo(Bytes.fromHex("42010005aa"));
        assertThat(cause.chunkType()).isEqualTo(0x42);
    }

    @Test
    void isBuiltFromTheChunkWithoutItsPadding() {
        UnknownChunk chunk = new UnknownChunk(0x42, 1, Bytes.fromHex("aa"));
        assertThat(UnrecognizedChunkTypeCause.of(chunk)).isEqualTo(decodeOne("0006 0009 4201 0005 aa 000000"));
    }

    @Test
    void keepsACopyThatIncludesTheChunkPadding() {
        // usrsctp copies the padded chunk: the cause is 4 bytes longer than the chunk length says
        ErrorCause cause = decodeOne("0006 000c 4201 0005 aa000000");
        assertThat(((UnrecognizedChunkTypeCause) cause).chunk()).isEqualTo(Bytes.fromHex("42010005aa000000"));
        CodecAssertions.roundTrip(cause);
    }

    @Test
    void roundTripsAHeaderOnlyChunkAndTheLargestCopy() {
        CodecAssertions.roundTrip(UnrecognizedChunkTypeCause.of(new UnknownChunk(0xFF, 0xFF, Bytes.empty())));
        CodecAssertions.roundTrip(new UnrecognizedChunkTypeCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void describesTheChunkType() {
        assertThat(decodeOne("0006 0008 4200 0004").describe()).isEqualTo("Unrecognized Chunk Type: chunk type 66");
        assertThat(decodeOne("0006 0008 4000 0004").describe()).isEqualTo("Unrecognized Chunk Type: I-DATA");
    }

    @Test
    void copyShorterThanAChunkHeaderIsTooShort() {
        assertRejected("0006 0007 420000 00", Reason.LENGTH_TOO_SHORT);
        assertRejected("0006 0004", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void constructorRejectsACopyWithoutHeader() {
        assertThatThrownBy(() -> new UnrecognizedChunkTypeCause(Bytes.fromHex("42")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
