package org.jsctp.core.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.List;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;
import org.jsctp.core.packet.param.UnknownParameter;
import org.junit.jupiter.api.Test;

class TlvTest {

    private static List<Parameter> decode(String hex) throws DecodeException {
        return Parameters.decodeList(WireReader.of(hex(hex), "test chunk"));
    }

    @Test
    void paddingRoundsUpToFourBytes() {
        assertThat(Tlv.padded(0)).isZero();
        assertThat(Tlv.padded(5)).isEqualTo(8);
        assertThat(Tlv.padding(5)).isEqualTo(3);
        assertThat(Tlv.padding(8)).isZero();
    }

    @Test
    void theLastElementOfAListMayOmitItsPadding() throws DecodeException {
        // RFC 9260 section 3.2: the chunk length excludes the last parameter's padding.
        List<Parameter> ps = decode("7001 0005 aa 000000 7002 0005 bb");
        assertThat(ps).containsExactly(new UnknownParameter(0x7001, Bytes.fromHex("aa")),
                new UnknownParameter(0x7002, Bytes.fromHex("bb")));
    }

    @Test
    void anElementInTheMiddleMustBePadded() {
        assertThatThrownBy(() -> decode("7001 0005 aa 00"))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.MISSING_PADDING));
    }

    @Test
    void lengthsBelowTheHeaderAreRejected() {
        for (int length = 0; length < 4; length++) {
            String h = String.format("7001 %04x 00000000", length);
            assertThatThrownBy(() -> decode(h)).isInstanceOfSatisfying(DecodeException.class, e -> {
                assertThat(e.reason()).isEqualTo(DecodeException.Reason.LENGTH_TOO_SHORT);
                assertThat(e.offset()).isZero();
            });
        }
    }

    @Test
    void aLengthPastTheEnclosingElementIsAnOverrun() {
        assertThatThrownBy(() -> decode("7001 0010 aabb"))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.LENGTH_OVERRUN));
    }

    @Test
    void aTruncatedHeaderIsRejected() {
        assertThatThrownBy(() -> decode("7001 0004 70"))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRUNCATED);
                    assertThat(e.offset()).isEqualTo(4);
                });
    }

    @Test
    void listEncodingLeavesTheLastElementUnpadded() {
        List<Parameter> ps = List.of(new UnknownParameter(0x7001, Bytes.fromHex("aa")),
                new UnknownParameter(0x7002, Bytes.fromHex("bb")));
        assertThat(Parameters.listLength(ps)).isEqualTo(8 + 5);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(13);
        Parameters.encodeList(out, ps);
        assertThat(out.array()).isEqualTo(hex("7001 0005 aa 000000 7002 0005 bb"));
    }
}
