package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import org.junit.jupiter.api.Test;

class WireReaderTest {

    @Test
    void readsBigEndianUnsignedFields() throws DecodeException {
        WireReader r = WireReader.of(hex("ff fffe fffffffd"), "x");
        assertThat(r.readU8()).isEqualTo(255);
        assertThat(r.readU16()).isEqualTo(65534);
        assertThat(r.readU32()).isEqualTo(0xFFFF_FFFD);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void readingPastTheLimitFailsWithTheAbsoluteOffsetAndElement() {
        byte[] bytes = hex("00 01 02 03 04 05");
        WireReader r = WireReader.of(bytes, 2, 3, "INIT chunk");
        assertThatThrownBy(() -> {
            r.readU16();
            r.readU16();
        }).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRUNCATED);
            assertThat(e.element()).isEqualTo("INIT chunk");
            assertThat(e.offset()).isEqualTo(4);
            assertThat(e.getMessage()).contains("INIT chunk at offset 4");
            assertThat(e.getStackTrace()).isEmpty();
        });
    }

    @Test
    void splitBoundsTheChildAndAdvancesTheParent() throws DecodeException {
        WireReader r = WireReader.of(hex("0102 0304 05"), "parent");
        WireReader child = r.split(4, "child");
        assertThat(r.position()).isEqualTo(4);
        assertThat(child.readU16()).isEqualTo(0x0102);
        assertThat(child.readU16()).isEqualTo(0x0304);
        assertThatThrownBy(child::readU8).isInstanceOf(DecodeException.class);
        assertThat(r.readU8()).isEqualTo(5);
    }

    @Test
    void negativeOrHugeCountsAreRejectedNotAllocated() {
        WireReader r = WireReader.of(new byte[8], "x");
        assertThatThrownBy(() -> r.readArray(Integer.MAX_VALUE)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> r.readBytes(-1)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> r.split(9, "y")).isInstanceOf(DecodeException.class);
    }

    @Test
    void expectEndRejectsTrailingBytes() throws DecodeException {
        WireReader r = WireReader.of(hex("0001 02"), "x");
        r.readU16();
        assertThatThrownBy(r::expectEnd).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.LENGTH_TOO_LONG));
    }

    @Test
    void bytesShareTheInputAndCompareByContent() throws DecodeException {
        byte[] input = hex("aabbccdd");
        Bytes b = WireReader.of(input, "x").readBytes(3);
        assertThat(b).isEqualTo(Bytes.fromHex("aabbcc"));
        assertThat(b.hashCode()).isEqualTo(Bytes.fromHex("aabbcc").hashCode());
        assertThat(b.slice(1, 2)).isEqualTo(Bytes.fromHex("bbcc"));
        assertThat(b.toByteArray()).containsExactly(0xaa, 0xbb, 0xcc);
        assertThat(b.getUnsigned(0)).isEqualTo(0xaa);
    }
}
