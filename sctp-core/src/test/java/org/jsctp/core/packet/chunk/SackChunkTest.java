package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.Collections;
import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class SackChunkTest {

    @Test
    void decodesGapBlocksAndDuplicatesFromTheWire() {
        // type 3, length 32: cum TSN 100, a_rwnd 65536, 2 gap blocks, 2 duplicates
        Chunk c = CodecAssertions.decodeChunk(hex("03 00 0020 00000064 00010000 0002 0002"
                + " 0002 0003 0005 0005 00000062 00000063"));
        SackChunk sack = (SackChunk) c;
        assertThat(sack.cumulativeTsnAck()).isEqualTo(new Tsn(100));
        assertThat(sack.advertisedReceiverWindowCredit()).isEqualTo(65536);
        assertThat(sack.gapAckBlocks()).containsExactly(new GapAckBlock(2, 3), new GapAckBlock(5, 5));
        assertThat(sack.duplicateTsns()).containsExactly(new Tsn(98), new Tsn(99));
        assertThat(sack.flags()).isZero();
    }

    @Test
    void decodesTheMinimalSack() {
        Chunk c = CodecAssertions.decodeChunk(hex("03 00 0010 ffffffff 00000000 0000 0000"));
        assertThat(c).isEqualTo(SackChunk.of(new Tsn(-1), 0));
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(SackChunk.of(new Tsn(0), 0));
        CodecAssertions.roundTrip(new SackChunk(new Tsn(0xFFFF_FFFF), -1,
                List.of(new GapAckBlock(0, 0), new GapAckBlock(0xFFFF, 0xFFFF), new GapAckBlock(9, 1)),
                List.of(new Tsn(0), new Tsn(-1), new Tsn(-1))));
        CodecAssertions.roundTrip(new SackChunk(new Tsn(5), 1500, List.of(), List.of(new Tsn(4))));
    }

    @Test
    void roundTripsTheLargestSackThatFitsAChunk() {
        // (65535 - 16) / 4 = 16379 entries of 4 bytes
        List<GapAckBlock> blocks = Collections.nCopies(16_000, new GapAckBlock(1, 2));
        List<Tsn> dups = Collections.nCopies(379, new Tsn(3));
        SackChunk c = CodecAssertions.roundTrip(new SackChunk(new Tsn(1), 1, blocks, dups));
        assertThat(c.unpaddedLength()).isEqualTo(65532);
        assertThatThrownBy(() -> new SackChunk(new Tsn(1), 1, blocks, Collections.nCopies(380, new Tsn(3))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsMustMatchTheBytesPresentExactly() {
        String fixed = "00000064 00010000 ";
        assertValueFails(ChunkType.SACK, 0, fixed + "0001 0000", Reason.TRUNCATED);
        assertValueFails(ChunkType.SACK, 0, fixed + "0000 0001 0001", Reason.TRUNCATED);
        assertValueFails(ChunkType.SACK, 0, fixed + "0000 0000 00000001", Reason.LENGTH_TOO_LONG);
        assertValueFails(ChunkType.SACK, 0, fixed + "0001 0000 00010002 00000003", Reason.LENGTH_TOO_LONG);
        assertValueFails(ChunkType.SACK, 0, fixed + "0000 0000 00", Reason.LENGTH_TOO_LONG);
        // a huge count with few bytes behind it fails without allocating for the count
        assertValueFails(ChunkType.SACK, 0, fixed + "ffff ffff 00010002", Reason.TRUNCATED);
    }

    @Test
    void valueShorterThanTheFixedFieldsIsTruncated() {
        assertValueFails(ChunkType.SACK, 0, "00000064 00010000 0000", Reason.TRUNCATED);
        assertValueFails(ChunkType.SACK, 0, "", Reason.TRUNCATED);
    }

    @Test
    void listsAreCopied() {
        var blocks = new java.util.ArrayList<>(List.of(new GapAckBlock(1, 1)));
        SackChunk c = new SackChunk(new Tsn(1), 1, blocks, List.of());
        blocks.clear();
        assertThat(c.gapAckBlocks()).hasSize(1);
    }

    @Test
    void theCumulativeTsnAckIsKeptAsItsBitsAndGivenTypedOnRequest() {
        SackChunk fromBits = new SackChunk(-3, 4096, List.of(new GapAckBlock(2, 2)), List.of(new Tsn(-5)));
        SackChunk typed = new SackChunk(Tsn.of(0xFFFF_FFFDL), 4096, List.of(new GapAckBlock(2, 2)),
                List.of(new Tsn(-5)));
        assertThat(fromBits).isEqualTo(typed).hasSameHashCodeAs(typed);
        assertThat(fromBits.cumulativeTsnAckValue()).isEqualTo(-3);
        assertThat(fromBits.cumulativeTsnAck()).isEqualTo(Tsn.of(0xFFFF_FFFDL));
        assertThat(fromBits.withDacFlags(0x40).cumulativeTsnAckValue()).isEqualTo(-3);
        CodecAssertions.roundTrip(fromBits);
    }

    @Test
    void theTypedConstructorStillRejectsANullCumulativeTsnAck() {
        assertThatThrownBy(() -> new SackChunk((Tsn) null, 0, List.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
