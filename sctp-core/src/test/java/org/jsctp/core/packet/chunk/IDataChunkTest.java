package org.jsctp.core.packet.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class IDataChunkTest {

    @Test
    void firstFragmentCarriesThePpidAndHasFsnZero() {
        // type 64, flags B|E, length 23: TSN 1, stream 5, reserved, MID 7, PPID 50, "abc", 1 byte padding
        IDataChunk c = (IDataChunk) CodecAssertions.decodeChunk(
                hex("40 03 0017 00000001 0005 0000 00000007 00000032 616263 00"));
        assertThat(c).isEqualTo(new IDataChunk(false, false, true, true, new Tsn(1), 5, new Mid(7), 50, new Fsn(0),
                Bytes.fromHex("616263")));
        assertThat(c.flags()).isEqualTo(0x03);
    }

    @Test
    void laterFragmentCarriesTheFsnAndNoPpid() {
        // flags I|U, neither B nor E: a middle fragment, FSN 3, "de", 2 bytes padding
        IDataChunk c = (IDataChunk) CodecAssertions.decodeChunk(
                hex("40 0c 0016 fffffffe 0005 0000 00000007 00000003 6465 0000"));
        assertThat(c).isEqualTo(new IDataChunk(true, true, false, false, new Tsn(0xFFFF_FFFE), 5, new Mid(7), 0,
                new Fsn(3), Bytes.fromHex("6465")));
    }

    @Test
    void goldenFirstFragmentHeaderDecodes() {
        // idata.pcapng frame 5 (usrsctp), user data cut to 4 bytes: B only, stream 0, MID 0, PPID 1000
        IDataChunk c = (IDataChunk) CodecAssertions.decodeChunk(
                hex("40 02 0018 8f363001 0000 0000 00000000 000003e8 00000000"));
        assertThat(c.beginning()).isTrue();
        assertThat(c.ending()).isFalse();
        assertThat(c.tsn()).isEqualTo(Tsn.of(0x8f363001L));
        assertThat(c.ppid()).isEqualTo(1000);
        assertThat(c.fsn()).isEqualTo(new Fsn(0));
    }

    @Test
    void reservedFieldIsIgnoredAndSentAsZero() {
        IDataChunk c = (IDataChunk) CodecAssertions.decodeChunk(
                hex("40 f3 0015 00000001 0005 abcd 00000007 00000032 ff 000000"));
        assertThat(c.flags()).isEqualTo(0x03);
        assertThat(CodecAssertions.encode(c)).isEqualTo(hex("40 03 0015 00000001 0005 0000 00000007 00000032 ff 000000"));
    }

    @Test
    void roundTripsEveryFlagCombinationWithExtremeValues() {
        for (int flags = 0; flags < 16; flags++) {
            boolean beginning = (flags & 2) != 0;
            IDataChunk c = new IDataChunk((flags & 8) != 0, (flags & 4) != 0, beginning, (flags & 1) != 0,
                    new Tsn(0xFFFF_FFFF), 65535, new Mid(0xFFFF_FFFF), beginning ? 0xDEADBEEF : 0,
                    beginning ? new Fsn(0) : new Fsn(0xFFFF_FFFF), Bytes.fromHex("0102030405"));
            assertThat(CodecAssertions.roundTrip(c).flags()).isEqualTo(flags);
        }
        CodecAssertions.roundTrip(IDataChunk.firstFragment(false, false, false, new Tsn(0), 0, new Mid(0), 0,
                Bytes.empty()));
        CodecAssertions.roundTrip(IDataChunk.laterFragment(false, true, true, new Tsn(0), 0, new Mid(0), new Fsn(1),
                Bytes.wrap(new byte[0xFFFF - 20])));
    }

    @Test
    void emptyUserDataDecodesSoTheAssociationCanAbortWithNoUserData() {
        IDataChunk c = (IDataChunk) CodecAssertions.decodeChunk(hex("40 03 0014 00000001 0000 0000 00000000 00000000"));
        assertThat(c.userData().isEmpty()).isTrue();
    }

    @Test
    void valueShorterThanTheFixedFieldsIsTruncated() {
        assertRejected("40 03 0010 00000001 0002 0000 00000003", DecodeException.Reason.TRUNCATED);
        assertRejected("40 03 0008 00000001", DecodeException.Reason.TRUNCATED);
    }

    @Test
    void constructorTiesPpidAndFsnToTheBeginningBit() {
        assertThatThrownBy(() -> new IDataChunk(false, false, true, false, new Tsn(1), 0, new Mid(0), 0, new Fsn(1),
                Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IDataChunk(false, false, false, false, new Tsn(1), 0, new Mid(0), 5, new Fsn(1),
                Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsOutOfRangeFields() {
        assertThatThrownBy(() -> IDataChunk.firstFragment(false, false, true, new Tsn(1), 0x10000, new Mid(0), 0,
                Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IDataChunk.firstFragment(false, false, true, new Tsn(1), 0, new Mid(0), 0,
                Bytes.wrap(new byte[0xFFFF - 19]))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String chunkHex, DecodeException.Reason reason) {
        byte[] bytes = hex(chunkHex);
        assertThatThrownBy(() -> Chunks.decodeNext(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
