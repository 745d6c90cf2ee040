package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** Announcing and negotiating extensions, zero checksum (RFC 9653 section 4) in particular. */
class CapabilitiesTest {

    private static final int DTLS = ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS;

    @Test
    void zeroChecksumIsAnnouncedWithItsMethodAndReadBack() {
        Capabilities ours = Capabilities.NONE.withForwardTsn(true).withZeroChecksum(DTLS);

        assertThat(ours.toParameters()).contains(new ZeroChecksumAcceptableParameter(DTLS));
        assertThat(Capabilities.offeredIn(ours.toParameters())).isEqualTo(ours);
        assertThat(Capabilities.NONE.toParameters()).isEmpty();
    }

    @Test
    void zeroChecksumIsInCommonOnlyForTheSameMethod() {
        Capabilities ours = Capabilities.NONE.withZeroChecksum(DTLS);

        assertThat(ours.commonWith(Capabilities.NONE.withZeroChecksum(DTLS)).zeroChecksumMethod()).isEqualTo(DTLS);
        assertThat(ours.commonWith(Capabilities.NONE.withZeroChecksum(7)).zeroChecksum()).isFalse();
        assertThat(ours.commonWith(Capabilities.NONE).zeroChecksum()).isFalse();
        assertThat(Capabilities.NONE.commonWith(ours).zeroChecksum()).as("we did not announce").isFalse();
    }

    @Test
    void theReservedMethodZeroAnnouncesNothing() {
        Capabilities peer = Capabilities.offeredIn(List.of(
                new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.EDMID_RESERVED)));

        assertThat(peer.zeroChecksum()).isFalse();
        assertThat(Capabilities.NONE.withZeroChecksum(0).commonWith(peer).zeroChecksum()).isFalse();
    }

    @Test
    void theFirstOfRepeatedAnnouncementsCounts() {
        Capabilities peer = Capabilities.offeredIn(List.of(new ZeroChecksumAcceptableParameter(DTLS),
                new ZeroChecksumAcceptableParameter(9)));

        assertThat(peer.zeroChecksumMethod()).isEqualTo(DTLS);
    }

    @Test
    void theWithersKeepTheOtherExtensions() {
        Capabilities c = new Capabilities(true, true, true).withZeroChecksum(DTLS).withStreamReconfig(false)
                .withInterleaving(false);

        assertThat(c).isEqualTo(new Capabilities(true, false, false, DTLS));
    }

    @Test
    void theStateCookieCarriesTheNegotiatedMethod() {
        CookieContents contents = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 6, 7, 8, 9, 0, 0,
                new Capabilities(true, false, true, 0xFFFF_FFFE));

        assertThat(CookieContents.decode(Bytes.wrap(contents.encode().toByteArray()))).contains(contents);
    }
}
