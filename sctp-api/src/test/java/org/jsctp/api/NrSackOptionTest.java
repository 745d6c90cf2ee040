package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.AssociationConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NR_SACK_SUPPORTED (draft-tuexen-tsvwg-sctp-multipath section 4.2) and DISABLE_RESTART
 * (draft-ietf-tsvwg-natsupp section 5.3.1) through the API: mapped onto the core's configuration
 * and back, off by default, and an NR-SACK association carrying data end to end.
 */
class NrSackOptionTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void bothOptionsMapOntoTheCoreConfigurationAndBack() {
        AssociationConfig.Builder b = AssociationConfig.builder();
        OptionMapping.apply(b, SctpOptions.NR_SACK_SUPPORTED, true);
        OptionMapping.apply(b, SctpOptions.DISABLE_RESTART, true);
        AssociationConfig c = b.build();
        assertThat(c.nrSackSupported()).isTrue();
        assertThat(c.disableRestart()).isTrue();
        assertThat(OptionMapping.read(SctpOptions.NR_SACK_SUPPORTED, c)).isEqualTo(true);
        assertThat(OptionMapping.read(SctpOptions.DISABLE_RESTART, c)).isEqualTo(true);
        AssociationConfig d = AssociationConfig.defaults();
        assertThat(OptionMapping.read(SctpOptions.NR_SACK_SUPPORTED, d)).isEqualTo(false);
        assertThat(OptionMapping.read(SctpOptions.DISABLE_RESTART, d)).isEqualTo(false);
        assertThat(SctpOptions.all()).contains(SctpOptions.NR_SACK_SUPPORTED, SctpOptions.DISABLE_RESTART);
    }

    @Test
    void anAssociationWithNrSackOnBothSidesCarriesMessages() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).option(SctpOptions.NR_SACK_SUPPORTED, true)
                .option(SctpOptions.DISABLE_RESTART, true).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.NR_SACK_SUPPORTED, true).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.NR_SACK_SUPPORTED)).isTrue();
        assertThat(b.getOption(SctpOptions.DISABLE_RESTART)).isTrue();
        for (int i = 0; i < 20; i++) {
            a.send(SctpMessage.of(Loopback.pattern(i, 3000)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 3000));
        }
        a.shutdown();
    }
}
