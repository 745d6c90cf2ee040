package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class SupportedExtensionsParameterTest {

    @Test
    void decodesTheExtensionsOfARealInit() {
        // From golden/asconf.pcapng frame 1: AUTH, ASCONF, ASCONF-ACK, padded by one byte.
        SupportedExtensionsParameter p = (SupportedExtensionsParameter) decodeOne("8008 0007 0fc180 00");
        assertThat(p.chunkTypes()).containsExactly(0x0f, 0xc1, 0x80);
        assertThat(p.supports(0xc1)).isTrue();
        assertThat(p.supports(0x82)).isFalse();
    }

    @Test
    void roundTripsEmptyAndExtremeTypes() {
        CodecAssertions.roundTrip(new SupportedExtensionsParameter(List.of()));
        CodecAssertions.roundTrip(new SupportedExtensionsParameter(List.of(0, 255, 130, 132, 192)));
    }

    @Test
    void typesOutsideEightBitsAreRefused() {
        assertThatThrownBy(() -> new SupportedExtensionsParameter(List.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialPaddingAtTheEndIsRejected() {
        assertRejected("8008 0006 8082 00", DecodeException.Reason.MISSING_PADDING);
    }
}
