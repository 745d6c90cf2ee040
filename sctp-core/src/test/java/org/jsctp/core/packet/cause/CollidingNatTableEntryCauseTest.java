package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.junit.jupiter.api.Test;

class CollidingNatTableEntryCauseTest {

    @Test
    void decodesTheEmptyFormFreeBsdSends() {
        ErrorCause cause = decodeOne("00b0 0004");
        assertThat(cause).isEqualTo(CollidingNatTableEntryCause.NO_CHUNK);
        assertThat(cause.describe()).isEqualTo("VTag and Port Number Collision");
    }

    @Test
    void keepsATruncatedCopyOfTheChunk() {
        // an INIT whose length says 20, cut after 8 bytes by the NAT
        CollidingNatTableEntryCause cause = (CollidingNatTableEntryCause) decodeOne("00b0 000c 0100 0014 12345678");
        assertThat(cause.chunk()).isEqualTo(Bytes.fromHex("0100001412345678"));
        assertThat(cause.describe()).isEqualTo("VTag and Port Number Collision: INIT");
    }

    @Test
    void isBuiltFromTheChunk() {
        UnknownChunk asconf = new UnknownChunk(ChunkType.ASCONF, 0, Bytes.fromHex("00000001"));
        assertThat(CollidingNatTableEntryCause.of(asconf).chunk()).isEqualTo(Bytes.fromHex("c100000800000001"));
    }

    @Test
    void roundTripsEmptyOddAndLargestCopies() {
        CodecAssertions.roundTrip(CollidingNatTableEntryCause.NO_CHUNK);
        CodecAssertions.roundTrip(new CollidingNatTableEntryCause(Bytes.fromHex("01")));
        CodecAssertions.roundTrip(new CollidingNatTableEntryCause(Bytes.wrap(new byte[Echoed.MAX_VALUE_LENGTH])));
    }

    @Test
    void causeLengthPastTheInputOverruns() {
        assertRejected("00b0 0014 0100 0014", Reason.LENGTH_OVERRUN);
    }
}
