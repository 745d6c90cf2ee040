package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.cause.CauseTestSupport.decodeOne;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.junit.jupiter.api.Test;

class RestartWithNewEncapsulationPortCauseTest {

    @Test
    void decodesBothPortsFromTheValue() throws DecodeException {
        RestartWithNewEncapsulationPortCause cause =
                RestartWithNewEncapsulationPortCause.decode(WireReader.of(hex("26ab 26ac"), "v"));
        assertThat(cause).isEqualTo(new RestartWithNewEncapsulationPortCause(9899, 9900));
        assertThat(cause.describe())
                .isEqualTo("Restart of an Association with New Encapsulation Port: port 9899 -> 9900");
    }

    @Test
    void encodesCode14WithLengthEight() {
        assertThat(CodecAssertions.encode(new RestartWithNewEncapsulationPortCause(9899, 9900)))
                .isEqualTo(hex("000e 0008 26ab 26ac"));
    }

    @Test
    void roundTripsPortExtremesThroughItsOwnDecode() throws DecodeException {
        RestartWithNewEncapsulationPortCause cause = new RestartWithNewEncapsulationPortCause(0, 0xFFFF);
        byte[] wire = CodecAssertions.encode(cause);
        assertThat(RestartWithNewEncapsulationPortCause.decode(WireReader.of(wire, 4, 4, "v"))).isEqualTo(cause);
    }

    @Test
    void wrongValueSizesAreRejected() {
        assertThatThrownBy(() -> RestartWithNewEncapsulationPortCause.decode(WireReader.of(hex("26ab"), "v")))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRUNCATED));
        assertThatThrownBy(() -> RestartWithNewEncapsulationPortCause.decode(WireReader.of(hex("26ab 26ac 00"), "v")))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.LENGTH_TOO_LONG));
        assertThatThrownBy(() -> new RestartWithNewEncapsulationPortCause(0x10000, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isDispatchedByItsCode() {
        assertThat(decodeOne("000e 0008 26ab 26ac")).isEqualTo(new RestartWithNewEncapsulationPortCause(0x26ab, 0x26ac));
    }
}
