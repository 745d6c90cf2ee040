package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.UnknownCause;
import org.junit.jupiter.api.Test;

/**
 * ABORT framing and flags. The causes use codes no RFC assigns, which the chunk treats like any
 * other; a real usrsctp ABORT is checked in {@link CoreChunkGoldenTest}.
 */
class AbortChunkTest {

    private static final ErrorCause FIRST = new UnknownCause(0x1234, Bytes.fromHex("010203"));
    private static final ErrorCause SECOND = new UnknownCause(0xFFFF, Bytes.fromHex("0405"));

    @Test
    void decodesFlagsAndCausesFromTheWire() {
        // type 6, flags T, length 18: a 7-byte cause padded to 8, a 6-byte last cause (padding 2)
        Chunk c = CodecAssertions.decodeChunk(hex("06 01 0012 1234 0007 010203 00 ffff 0006 0405 0000"));
        AbortChunk abort = (AbortChunk) c;
        assertThat(abort.reflectedTag()).isTrue();
        assertThat(abort.fromMiddlebox()).isFalse();
        assertThat(abort.causes()).containsExactly(FIRST, SECOND);
    }

    @Test
    void decodesTheMiddleboxBitAndIgnoresReservedFlags() {
        AbortChunk abort = (AbortChunk) CodecAssertions.decodeChunk(hex("06 fe 0004"));
        assertThat(abort.reflectedTag()).isFalse();
        assertThat(abort.fromMiddlebox()).isTrue();
        assertThat(abort.flags()).isEqualTo(AbortChunk.FLAG_M);
        assertThat(abort.causes()).isEmpty();
    }

    @Test
    void roundTripsEveryFlagCombination() {
        for (int flags = 0; flags < 4; flags++) {
            AbortChunk c = new AbortChunk((flags & 1) != 0, (flags & 2) != 0, List.of(FIRST, SECOND));
            assertThat(CodecAssertions.roundTrip(c).flags()).isEqualTo(flags);
        }
        CodecAssertions.roundTrip(AbortChunk.of());
        CodecAssertions.roundTrip(AbortChunk.of(new UnknownCause(0x1000, Bytes.empty())));
        CodecAssertions.roundTrip(new AbortChunk(true, true, List.of(new UnknownCause(0x1000,
                Bytes.wrap(new byte[0xFFFF - 8])))));
    }

    @Test
    void malformedCausesAreRejected() {
        assertValueFails(ChunkType.ABORT, 0, "12", Reason.TRUNCATED);
        assertValueFails(ChunkType.ABORT, 0, "1234 0003", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.ABORT, 0, "1234 0010 0102", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.ABORT, 0, "1234 0005 01 00 00", Reason.MISSING_PADDING);
    }

    @Test
    void causesTooLongForOneChunkAreRefused() {
        ErrorCause big = new UnknownCause(0x1000, Bytes.wrap(new byte[0xFFFF - 4]));
        assertThatThrownBy(() -> AbortChunk.of(big)).isInstanceOf(IllegalArgumentException.class);
    }
}
