package org.jsctp.core.packet.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.param.ParameterCodec.assertRejected;
import static org.jsctp.core.packet.param.ParameterCodec.decodeOne;

import java.util.List;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.junit.jupiter.api.Test;

class ChunkListParameterTest {

    @Test
    void decodesTheChunkTypesOfARealInit() {
        // From golden/asconf.pcapng frame 1: ASCONF-ACK and ASCONF must be authenticated.
        ChunkListParameter p = (ChunkListParameter) decodeOne("8003 0006 80c1 0000");
        assertThat(p.chunkTypes()).containsExactly(0x80, 0xc1);
        assertThat(p.lists(0xc1)).isTrue();
        assertThat(p.lists(0x00)).isFalse();
    }

    @Test
    void roundTripsEmptyOneAndEveryChunkType() {
        CodecAssertions.roundTrip(new ChunkListParameter(List.of()));
        CodecAssertions.roundTrip(new ChunkListParameter(List.of(0)));
        List<Integer> all = java.util.stream.IntStream.range(0, 256).boxed().toList();
        CodecAssertions.roundTrip(new ChunkListParameter(all));
    }

    @Test
    void typesOutsideEightBitsAreRefused() {
        assertThatThrownBy(() -> new ChunkListParameter(List.of(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthPastTheEndIsAnOverrun() {
        assertRejected("8003 0009 0001", DecodeException.Reason.LENGTH_OVERRUN);
    }
}
