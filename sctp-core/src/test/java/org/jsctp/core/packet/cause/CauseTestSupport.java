package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/** Decoding helpers for cause tests: whole cause TLVs (header, value, padding) in hex. */
final class CauseTestSupport {

    private CauseTestSupport() {
    }

    /** Decodes the hex of exactly one cause, through the dispatcher. */
    static ErrorCause decodeOne(String causeHex) {
        List<ErrorCause> causes = CodecAssertions.decodeCauses(hex(causeHex));
        assertThat(causes).hasSize(1);
        return causes.get(0);
    }

    /** Asserts the hex of one cause fails to decode for {@code reason}. */
    static void assertRejected(String causeHex, DecodeException.Reason reason) {
        byte[] bytes = hex(causeHex);
        assertThatThrownBy(() -> ErrorCauses.decodeList(WireReader.of(bytes, "test input")))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
