package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/** Helpers for the parameter tests: decode whole parameters written as hex, check rejections. */
final class ParameterCodec {

    private ParameterCodec() {
    }

    /** Decodes exactly one parameter (header, value, padding) written as hex digits. */
    static Parameter decodeOne(String digits) {
        List<Parameter> parameters = CodecAssertions.decodeParameters(hex(digits));
        assertThat(parameters).hasSize(1);
        return parameters.get(0);
    }

    /** Asserts that the parameter list written as hex digits is rejected for {@code reason}. */
    static void assertRejected(String digits, DecodeException.Reason reason) {
        byte[] bytes = hex(digits);
        assertThatThrownBy(() -> Parameters.decodeList(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** The encoding of {@code parameter} with padding, as hex digits. */
    static String encodedHex(Parameter parameter) {
        return java.util.HexFormat.of().formatHex(CodecAssertions.encode(parameter));
    }
}
