package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.List;
import org.jsctp.core.cmt.DacFlags;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The Delayed Ack for CMT bits of SACK and NR-SACK chunk flags (draft-tuexen-tsvwg-sctp-multipath
 * section 3.3, 0xC0 as usrsctp puts them): kept on decode, written on encode, the other bits
 * reserved.
 */
class SackDacFlagsTest {

    @Test
    void aSacksDacBitsAreDecodedAndEncodedAndTheReservedOnesDropped() {
        SackChunk s = (SackChunk) CodecAssertions.decodeChunk(hex("03 83 0010 000003e8 00001000 0000 0000"));
        assertThat(s.dacFlags()).isEqualTo(0x80);
        assertThat(DacFlags.packetCount(s.flags())).isEqualTo(2);
        assertThat(CodecAssertions.encode(s)).isEqualTo(hex("03 80 0010 000003e8 00001000 0000 0000"));
        assertThat(CodecAssertions.roundTrip(SackChunk.of(new Tsn(1), 1000).withDacFlags(0x40)).dacFlags())
                .isEqualTo(0x40);
    }

    @Test
    void anNrSacksDacBitsSitBesideItsABit() {
        NrSackChunk nr = (NrSackChunk) CodecAssertions.decodeChunk(
                hex("10 c1 0014 4bdf5e94 0001f5bf 0000 0000 0000 0000"));
        assertThat(nr.allNonRenegable()).isTrue();
        assertThat(nr.dacFlags()).isEqualTo(0xC0);
        assertThat(CodecAssertions.encode(nr)).isEqualTo(hex("10 c1 0014 4bdf5e94 0001f5bf 0000 0000 0000 0000"));
        NrSackChunk plain = new NrSackChunk(false, new Tsn(5), 100, List.of(), List.of(), List.of());
        assertThat(plain.flags()).isZero();
    }

    @Test
    void flagsOutsideTheDacBitsAreRefusedWhenBuilding() {
        assertThatThrownBy(() -> SackChunk.of(new Tsn(1), 1000).withDacFlags(0x01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NrSackChunk(false, new Tsn(1), 1, List.of(), List.of(), List.of(), 0x10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
