package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class DataChunkTest {

    @Test
    void decodesFieldsAndFlagsFromTheWire() {
        // type 0, flags U|B|E, length 19: TSN 1, stream 2, SSN 3, PPID 4, "abc", 1 byte padding
        Chunk c = CodecAssertions.decodeChunk(hex("00 07 0013 00000001 0002 0003 00000004 616263 00"));
        assertThat(c).isEqualTo(new DataChunk(false, true, true, true, new Tsn(1), 2, new Ssn(3), 4,
                Bytes.fromHex("616263")));
    }

    @Test
    void roundTripsEveryFlagCombination() {
        for (int flags = 0; flags < 16; flags++) {
            DataChunk c = new DataChunk((flags & 8) != 0, (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0,
                    new Tsn(0xFFFF_FFFF), 65535, new Ssn(65535), 0xDEADBEEF, Bytes.fromHex("0102030405"));
            assertThat(CodecAssertions.roundTrip(c).flags()).isEqualTo(flags);
        }
    }

    @Test
    void emptyUserDataDecodesSoTheAssociationCanAbortWithNoUserData() {
        DataChunk c = (DataChunk) CodecAssertions.decodeChunk(hex("00 03 0010 00000001 0000 0000 00000000"));
        assertThat(c.userData().isEmpty()).isTrue();
    }

    @Test
    void valueShorterThanTheFixedFieldsIsTruncated() {
        byte[] value = hex("00000001 0002");
        assertThatThrownBy(() -> DataChunk.decode(0, WireReader.of(value, "DATA chunk")))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRUNCATED));
    }
}
