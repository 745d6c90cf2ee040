package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SctpAssociation#negotiatedExtensions()}: what both sides offered is in use, what only
 * one side offered is not, whatever that side's own options say; before setup nothing is.
 */
class NegotiatedExtensionsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void extensionsBothSidesOfferedAreInUse() throws Exception {
        SctpEndpoint server = net.adopt(offering(net.endpoint().sctpPort(7)).build());
        server.listen();
        SctpEndpoint client = net.adopt(offering(net.endpoint()).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        SctpNegotiatedExtensions expected = new SctpNegotiatedExtensions(true, true, true, true, true, true, false,
                true, true);
        assertThat(a.negotiatedExtensions()).isEqualTo(expected);
        assertThat(b.negotiatedExtensions()).isEqualTo(expected);
    }

    @Test
    void anExtensionOnlyOneSideOfferedIsNotInUseThoughItsOptionIsOn() throws Exception {
        SctpEndpoint server = net.server(); // the defaults: PR-SCTP only
        SctpEndpoint client = net.adopt(offering(net.endpoint()).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.NR_SACK_SUPPORTED)).isTrue();
        assertThat(a.getOption(SctpOptions.DISABLE_RESTART)).isTrue();
        SctpNegotiatedExtensions used = a.negotiatedExtensions();
        assertThat(used.nrSack()).isFalse();
        assertThat(used.interleaving()).isFalse();
        assertThat(used.auth()).isFalse();
        assertThat(used.asconf()).isFalse();
        assertThat(used.zeroChecksum()).isFalse();
        assertThat(used.disableRestart()).as("Disable Restart is in force once either side sent it").isTrue();
        assertThat(used.partialReliability()).isTrue();
    }

    private static SctpEndpoint.Builder offering(SctpEndpoint.Builder b) {
        return b.option(SctpOptions.INTERLEAVING_SUPPORTED, true)
                .option(SctpOptions.ENABLE_STREAM_RESET, true)
                .option(SctpOptions.ASCONF_ENABLED, true)
                .option(SctpOptions.NR_SACK_SUPPORTED, true)
                .option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, 1)
                .option(SctpOptions.DISABLE_RESTART, true);
    }
}
