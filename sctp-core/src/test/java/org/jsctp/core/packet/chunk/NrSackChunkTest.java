package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.chunk.CoreChunkAssertions.assertValueFails;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class NrSackChunkTest {

    @Test
    void decodesBothKindsOfBlockAndDuplicatesFromTheWire() {
        // type 16, flags A, length 36: cum TSN 1000, a_rwnd 4096, 1 gap block, 2 NR gap blocks,
        // 1 duplicate, reserved (non-zero here, ignored)
        Chunk c = CodecAssertions.decodeChunk(hex("10 01 0024 000003e8 00001000 0001 0002 0001 abcd"
                + " 0002 0002 0004 0006 0009 000a 000003e7"));
        NrSackChunk nr = (NrSackChunk) c;
        assertThat(nr.allNonRenegable()).isTrue();
        assertThat(nr.cumulativeTsnAck()).isEqualTo(new Tsn(1000));
        assertThat(nr.advertisedReceiverWindowCredit()).isEqualTo(4096);
        assertThat(nr.gapAckBlocks()).containsExactly(new GapAckBlock(2, 2));
        assertThat(nr.nrGapAckBlocks()).containsExactly(new GapAckBlock(4, 6), new GapAckBlock(9, 10));
        assertThat(nr.duplicateTsns()).containsExactly(new Tsn(999));
        assertThat(nr.flags()).isEqualTo(NrSackChunk.FLAG_ALL_NON_RENEGABLE);
    }

    @Test
    void decodesAnNrSackAsUsrsctpSendsIt() {
        // from nrsack-cmt.pcapng, frame 19: no blocks, no duplicates, flags 0
        NrSackChunk nr = (NrSackChunk) CodecAssertions.decodeChunk(hex("10 00 0014 4bdf5e94 0001f5bf 0000 0000 0000 0000"));
        assertThat(nr).isEqualTo(new NrSackChunk(false, new Tsn(0x4BDF5E94), 0x1F5BF, List.of(), List.of(), List.of()));
        assertThat(CodecAssertions.encode(nr)).isEqualTo(hex("10 00 0014 4bdf5e94 0001f5bf 0000 0000 0000 0000"));
    }

    @Test
    void reservedFieldIsSentAsZero() {
        byte[] bytes = CodecAssertions.encode(CodecAssertions.roundTrip(
                new NrSackChunk(false, new Tsn(1), 2, List.of(), List.of(new GapAckBlock(1, 1)), List.of())));
        assertThat(bytes[18]).isZero();
        assertThat(bytes[19]).isZero();
    }

    @Test
    void roundTripsExtremeValues() {
        CodecAssertions.roundTrip(new NrSackChunk(true, new Tsn(-1), -1, List.of(), List.of(), List.of()));
        CodecAssertions.roundTrip(new NrSackChunk(false, new Tsn(0), 0,
                List.of(new GapAckBlock(0xFFFF, 0)), List.of(new GapAckBlock(0, 0xFFFF)), List.of(new Tsn(-1))));
    }

    @Test
    void countsMustMatchTheBytesPresentExactly() {
        String fixed = "000003e8 00001000 ";
        assertValueFails(ChunkType.NR_SACK, 0, fixed + "0000 0001 0000 0000", Reason.TRUNCATED);
        assertValueFails(ChunkType.NR_SACK, 0, fixed + "0000 0000 0000 0000 00000001", Reason.LENGTH_TOO_LONG);
        assertValueFails(ChunkType.NR_SACK, 0, fixed + "0001 0001 0001 0000 00010001 00010001", Reason.TRUNCATED);
        assertValueFails(ChunkType.NR_SACK, 0, fixed + "ffff ffff ffff 0000", Reason.TRUNCATED);
    }

    @Test
    void valueShorterThanTheFixedFieldsIsTruncated() {
        assertValueFails(ChunkType.NR_SACK, 0, "000003e8 00001000 0000 0000 0000", Reason.TRUNCATED);
    }
}
