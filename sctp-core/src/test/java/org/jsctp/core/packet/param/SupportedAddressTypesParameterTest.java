package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class SupportedAddressTypesParameterTest {

    @Test
    void decodesTheSingleTypeOfARealInit() {
        // From golden/ecn.pcapng frame 1: IPv4 only, 2 bytes of padding.
        SupportedAddressTypesParameter p = (SupportedAddressTypesParameter) decodeOne("000c 0006 0005 0000");
        assertThat(p.addressTypes()).containsExactly(5);
        assertThat(p.supports(ParameterType.IPV4_ADDRESS)).isTrue();
        assertThat(p.supports(ParameterType.IPV6_ADDRESS)).isFalse();
    }

    @Test
    void decodesSeveralTypes() {
        SupportedAddressTypesParameter p = (SupportedAddressTypesParameter) decodeOne("000c 000a 0005 0006 000b 0000");
        assertThat(p.addressTypes()).containsExactly(5, 6, 11);
    }

    @Test
    void roundTripsEmptyAndExtremeTypes() {
        CodecAssertions.roundTrip(new SupportedAddressTypesParameter(List.of()));
        CodecAssertions.roundTrip(new SupportedAddressTypesParameter(List.of(0, 0xFFFF, 5, 6)));
    }

    @Test
    void oddValueLengthIsRejected() {
        assertRejected("000c 0007 0005 00 00", DecodeException.Reason.LENGTH_TOO_SHORT);
    }

    @Test
    void typesOutsideSixteenBitsAreRefused() {
        assertThatThrownBy(() -> new SupportedAddressTypesParameter(List.of(0x10000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupportedAddressTypesParameter(List.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListIsCopied() {
        java.util.ArrayList<Integer> types = new java.util.ArrayList<>(List.of(5));
        SupportedAddressTypesParameter p = new SupportedAddressTypesParameter(types);
        types.add(6);
        assertThat(p.addressTypes()).containsExactly(5);
    }
}
