package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** Offering and negotiating ASCONF (RFC 5061 sections 4.2.7 and 4.1.1: never without AUTH). */
class AsconfCapabilityTest {

    /** Our INIT's parameters: Supported Extensions plus AUTH's RANDOM, CHUNKS (ASCONF, ASCONF-ACK) and HMAC-ALGO. */
    private static List<org.jsctp.core.packet.param.Parameter> withAuth(Capabilities c) {
        List<org.jsctp.core.packet.param.Parameter> all = new java.util.ArrayList<>(c.toParameters());
        all.addAll(org.jsctp.core.auth.AuthParameters.local(org.jsctp.core.auth.AuthConfig.DEFAULTS, new byte[32])
                .toParameters());
        return all;
    }

    @Test
    void asconfIsAnnouncedWithBothChunkTypesAndReadBack() {
        Capabilities ours = Capabilities.NONE.withAsconf(true);

        assertThat(ours.toParameters()).containsExactly(
                new SupportedExtensionsParameter(List.of(ChunkType.ASCONF, ChunkType.ASCONF_ACK)));
        assertThat(Capabilities.offeredIn(withAuth(ours))).isEqualTo(ours.withAuth(true));
    }

    @Test
    void asconfWithoutAuthParametersIsNotAnOffer() {
        // RFC 5061 section 4.1.1: a peer announcing ASCONF without AUTH cannot authenticate it.
        assertThat(Capabilities.offeredIn(Capabilities.NONE.withAsconf(true).toParameters()).asconf()).isFalse();
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
        Capabilities ours = Capabilities.NONE.withAsconf(true).withAuth(true);

        assertThat(ours.commonWith(ours).asconf()).isTrue();
        assertThat(ours.commonWith(Capabilities.NONE).asconf()).isFalse();
        assertThat(Capabilities.NONE.commonWith(ours).asconf()).isFalse();
        assertThat(ours.commonWith(ours.withAuth(false)).asconf()).isFalse(); // section 4.1.1: AUTH on both sides
        assertThat(ours.withAuth(false).commonWith(ours.withAuth(false)).asconf()).isFalse();
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
