package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.AssociationConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PROPORTIONAL_RATE_REDUCTION (RFC 6937 in RFC 9260 section 7.2.4's Fast Recovery) and
 * LOST_RETRANSMISSION_DETECTION through the API: off by default as RFC 9260 has them, mapped onto
 * the core's configuration and back, and carried by an endpoint's options into the associations it
 * makes. What they change in loss recovery is shown in virtual time by the core's
 * {@code LongFatPathRecoveryTest} and {@code ProportionalRateReductionTest}.
 */
class LossRecoveryOptionsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void bothAreOffByDefaultAndMapOntoTheCoreConfigurationAndBack() {
        AssociationConfig defaults = AssociationConfig.defaults();
        assertThat(OptionMapping.read(SctpOptions.PROPORTIONAL_RATE_REDUCTION, defaults)).isEqualTo(false);
        assertThat(OptionMapping.read(SctpOptions.LOST_RETRANSMISSION_DETECTION, defaults)).isEqualTo(false);

        AssociationConfig.Builder b = AssociationConfig.builder();
        OptionMapping.apply(b, SctpOptions.PROPORTIONAL_RATE_REDUCTION, true);
        AssociationConfig prr = b.build();
        assertThat(prr.proportionalRateReduction()).isTrue();
        assertThat(prr.lostRetransmissionDetection()).isFalse();
        assertThat(OptionMapping.read(SctpOptions.PROPORTIONAL_RATE_REDUCTION, prr)).isEqualTo(true);

        OptionMapping.apply(b, SctpOptions.LOST_RETRANSMISSION_DETECTION, true);
        AssociationConfig both = b.build();
        assertThat(both.lostRetransmissionDetection()).isTrue();
        assertThat(OptionMapping.read(SctpOptions.LOST_RETRANSMISSION_DETECTION, both)).isEqualTo(true);

        assertThat(SctpOptions.all()).contains(SctpOptions.PROPORTIONAL_RATE_REDUCTION,
                SctpOptions.LOST_RETRANSMISSION_DETECTION);
        assertThat(SctpOptions.PROPORTIONAL_RATE_REDUCTION.isLive()).isFalse();
    }

    @Test
    void anAssociationTakesThemFromItsEndpoint() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint()
                .option(SctpOptions.PROPORTIONAL_RATE_REDUCTION, true)
                .option(SctpOptions.LOST_RETRANSMISSION_DETECTION, true).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        assertThat(a.getOption(SctpOptions.PROPORTIONAL_RATE_REDUCTION)).isTrue();
        assertThat(a.getOption(SctpOptions.LOST_RETRANSMISSION_DETECTION)).isTrue();
        SctpAssociation accepted = server.accept(Loopback.TIMEOUT);
        assertThat(accepted.getOption(SctpOptions.PROPORTIONAL_RATE_REDUCTION)).isFalse();
    }
}
