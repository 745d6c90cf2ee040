package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.cause.CauseTestSupport.assertRejected;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import java.util.Collections;
import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException.Reason;
import org.jsctp.core.packet.param.ParameterType;
import org.junit.jupiter.api.Test;

class MissingMandatoryParameterCauseTest {

    @Test
    void decodesTheCountAndEveryTypeFromTheWire() {
        // code 2, length 12, N = 2, State Cookie (7), Cookie Preservative (9)
        assertThat(decodeOne("0002 000c 00000002 0007 0009"))
                .isEqualTo(MissingMandatoryParameterCause.of(ParameterType.STATE_COOKIE,
                        ParameterType.COOKIE_PRESERVATIVE));
    }

    @Test
    void anOddNumberOfTypesIsFollowedByCausePadding() {
        // length 10 is not a multiple of four: two bytes of padding follow
        assertThat(decodeOne("0002 000a 00000001 ffff 0000")).isEqualTo(MissingMandatoryParameterCause.of(0xFFFF));
        assertThat(CodecAssertions.encode(MissingMandatoryParameterCause.of(0xFFFF)))
                .isEqualTo(CodecAssertions.hex("0002 000a 00000001 ffff 0000"));
    }

    @Test
    void roundTripsEmptyAndFullLists() {
        CodecAssertions.roundTrip(MissingMandatoryParameterCause.of());
        CodecAssertions.roundTrip(MissingMandatoryParameterCause.of(0, 1, 0xFFFF));
        CodecAssertions.roundTrip(new MissingMandatoryParameterCause(
                Collections.nCopies(MissingMandatoryParameterCause.MAX_TYPES, 7)));
    }

    @Test
    void describesTheMissingParametersByName() {
        assertThat(MissingMandatoryParameterCause.of(7, 0x1234).describe())
                .isEqualTo("Missing Mandatory Parameter: State Cookie, parameter type 4660");
    }

    @Test
    void countAboveTheTypesPresentIsTruncated() {
        assertRejected("0002 000c 00000003 0007 0009", Reason.TRUNCATED);
    }

    @Test
    void hugeCountWithoutTypesIsTruncatedNotAllocated() {
        assertRejected("0002 0008 ffffffff", Reason.TRUNCATED);
    }

    @Test
    void countBelowTheTypesPresentIsTooLong() {
        assertRejected("0002 000c 00000001 0007 0009", Reason.LENGTH_TOO_LONG);
    }

    @Test
    void oddByteCountAfterTheCountIsTooShort() {
        assertRejected("0002 000b 00000001 0007 01 00", Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void valueWithoutTheCountIsTruncated() {
        assertRejected("0002 0006 0000 0000", Reason.TRUNCATED);
    }

    @Test
    void invalidTypesAndOversizedListsAreRejected() {
        assertThatThrownBy(() -> MissingMandatoryParameterCause.of(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
        List<Integer> tooMany = Collections.nCopies(MissingMandatoryParameterCause.MAX_TYPES + 1, 7);
        assertThatThrownBy(() -> new MissingMandatoryParameterCause(tooMany))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
