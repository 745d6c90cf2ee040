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

/** ERROR framing and the natsupp flags, with causes of unassigned codes (see {@link AbortChunkTest}). */
class ErrorChunkTest {

    private static final ErrorCause CAUSE = new UnknownCause(0x2000, Bytes.fromHex("cafe"));

    @Test
    void decodesFlagsAndCausesFromTheWire() {
        // type 9, flags M|T, length 18: two 6-byte causes, the first padded, the last not
        Chunk c = CodecAssertions.decodeChunk(hex("09 03 0012 2000 0006 cafe 0000 2000 0006 cafe 0000"));
        ErrorChunk error = (ErrorChunk) c;
        assertThat(error.reflectedTag()).isTrue();
        assertThat(error.fromMiddlebox()).isTrue();
        assertThat(error.causes()).containsExactly(CAUSE, CAUSE);
    }

    @Test
    void reservedFlagsAreIgnored() {
        ErrorChunk error = (ErrorChunk) CodecAssertions.decodeChunk(hex("09 fc 0008 2000 0004"));
        assertThat(error.flags()).isZero();
        assertThat(error.causes()).containsExactly(new UnknownCause(0x2000, Bytes.empty()));
    }

    @Test
    void roundTripsEveryFlagCombination() {
        for (int flags = 0; flags < 4; flags++) {
            ErrorChunk c = new ErrorChunk((flags & 1) != 0, (flags & 2) != 0, List.of(CAUSE));
            assertThat(CodecAssertions.roundTrip(c).flags()).isEqualTo(flags);
        }
        CodecAssertions.roundTrip(ErrorChunk.of(CAUSE, new UnknownCause(0xFFFF, Bytes.fromHex("010203")), CAUSE));
    }

    @Test
    void anErrorWithoutCausesIsTooShort() {
        assertValueFails(ChunkType.ERROR, 0, "", Reason.LENGTH_TOO_SHORT);
        assertThatThrownBy(() -> ErrorChunk.of()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedCausesAreRejected() {
        assertValueFails(ChunkType.ERROR, 0, "2000 00", Reason.TRUNCATED);
        assertValueFails(ChunkType.ERROR, 0, "2000 0000", Reason.LENGTH_TOO_SHORT);
        assertValueFails(ChunkType.ERROR, 0, "2000 0009 cafe", Reason.LENGTH_OVERRUN);
        assertValueFails(ChunkType.ERROR, 0, "2000 0006 cafe 00", Reason.MISSING_PADDING);
    }
}
