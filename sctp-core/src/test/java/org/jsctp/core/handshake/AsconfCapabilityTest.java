package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** Offering and negotiating ASCONF (RFC 5061 section 4.2.7). */
class AsconfCapabilityTest {

    @Test
    void asconfIsAnnouncedWithBothChunkTypesAndReadBack() {
        Capabilities ours = Capabilities.NONE.withAsconf(true);

        assertThat(ours.toParameters()).containsExactly(
                new SupportedExtensionsParameter(List.of(ChunkType.ASCONF, ChunkType.ASCONF_ACK)));
        assertThat(Capabilities.offeredIn(ours.toParameters())).isEqualTo(ours);
    }

    @Test
    void onlyBothChunkTypesTogetherOfferAsconf() {
        assertThat(Capabilities.offeredIn(List.of(new SupportedExtensionsParameter(List.of(ChunkType.ASCONF))))
                .asconf()).isFalse();
        assertThat(Capabilities.offeredIn(List.of(new SupportedExtensionsParameter(List.of(ChunkType.ASCONF_ACK))))
                .asconf()).isFalse();
    }

    @Test
    void asconfIsInCommonOnlyWhenBothOfferIt() {
        Capabilities ours = Capabilities.NONE.withAsconf(true);

        assertThat(ours.commonWith(ours).asconf()).isTrue();
        assertThat(ours.commonWith(Capabilities.NONE).asconf()).isFalse();
        assertThat(Capabilities.NONE.commonWith(ours).asconf()).isFalse();
    }

    @Test
    void otherWithersKeepTheAsconfFlagAndOldConstructorsLeaveItOff() {
        Capabilities c = Capabilities.NONE.withAsconf(true).withForwardTsn(true).withInterleaving(true)
                .withStreamReconfig(true).withZeroChecksum(1);

        assertThat(c.asconf()).isTrue();
        assertThat(new Capabilities(true, true, true).asconf()).isFalse();
        assertThat(new Capabilities(true, true, true, Capabilities.NO_ZERO_CHECKSUM).asconf()).isFalse();
    }

    @Test
    void theCookieKeepsTheAsconfFlag() {
        for (boolean asconf : new boolean[] {true, false}) {
            CookieContents cookie = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 8, 8, 7, 5000, 0, 0,
                    new Capabilities(true, false, true, Capabilities.NO_ZERO_CHECKSUM).withAsconf(asconf));

            assertThat(CookieContents.decode(cookie.encode())).contains(cookie);
        }
    }
}
