package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.cmt.CmtBufferSplitting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CMT_ENABLED (draft-tuexen-tsvwg-sctp-multipath section 3; usrsctp's SCTP_CMT_ON_OFF) through the
 * API: mapped onto the core's configuration and back, off by default, and a CMT association
 * between two endpoints bound to 127.0.0.1 and 127.0.0.2 sending DATA on both paths.
 */
class CmtOptionTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void theOptionMapsOntoTheCoreConfigurationAndBackAndIsOffByDefault() {
        AssociationConfig.Builder b = AssociationConfig.builder();
        OptionMapping.apply(b, SctpOptions.CMT_ENABLED, true);
        AssociationConfig c = b.build();
        assertThat(c.cmtEnabled()).isTrue();
        assertThat(OptionMapping.read(SctpOptions.CMT_ENABLED, c)).isEqualTo(true);
        assertThat(OptionMapping.read(SctpOptions.CMT_ENABLED, AssociationConfig.defaults())).isEqualTo(false);
        assertThat(SctpOptions.all()).contains(SctpOptions.CMT_ENABLED);
        assertThat(SctpOptions.CMT_ENABLED.name()).isEqualTo("SCTP_CMT_ON_OFF");
    }

    @Test
    void theCouplingMapsOntoTheCoreConfigurationAndBackAndIsUncoupledByDefault() {
        assertThat(OptionMapping.read(SctpOptions.CMT_CONGESTION_CONTROL, AssociationConfig.defaults()))
                .isEqualTo(SctpCmtCongestionControl.UNCOUPLED);
        for (SctpCmtCongestionControl v : SctpCmtCongestionControl.values()) {
            AssociationConfig.Builder b = AssociationConfig.builder();
            OptionMapping.apply(b, SctpOptions.CMT_CONGESTION_CONTROL, v);
            AssociationConfig c = b.build();
            assertThat(c.cmtCongestionControl().name()).isEqualTo(v.name());
            assertThat(OptionMapping.read(SctpOptions.CMT_CONGESTION_CONTROL, c)).isEqualTo(v);
        }
        assertThat(SctpOptions.all()).contains(SctpOptions.CMT_CONGESTION_CONTROL);
        assertThat(SctpOptions.CMT_CONGESTION_CONTROL.isLive()).isFalse();
    }

    @Test
    void theBufferSplittingMapsOntoTheCoreConfigurationAndBackAndIsOffByDefault() {
        assertThat(OptionMapping.read(SctpOptions.CMT_BUFFER_SPLITTING, AssociationConfig.defaults()))
                .isEqualTo(SctpCmtBufferSplitting.NONE);
        for (SctpCmtBufferSplitting v : SctpCmtBufferSplitting.values()) {
            AssociationConfig.Builder b = AssociationConfig.builder();
            OptionMapping.apply(b, SctpOptions.CMT_BUFFER_SPLITTING, v);
            AssociationConfig c = b.build();
            assertThat(c.cmtBufferSplitting().name()).isEqualTo(v.name());
            assertThat(OptionMapping.read(SctpOptions.CMT_BUFFER_SPLITTING, c)).isEqualTo(v);
        }
        assertThat(SctpCmtBufferSplitting.values()).hasSameSizeAs(CmtBufferSplitting.values());
        assertThat(SctpOptions.all()).contains(SctpOptions.CMT_BUFFER_SPLITTING);
        assertThat(SctpOptions.CMT_BUFFER_SPLITTING.isLive()).isFalse();
    }

    @Test
    void aCoupledCmtAssociationStillUsesBothPathsAndDeliversInOrder() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7)
                .option(SctpOptions.NR_SACK_SUPPORTED, true).option(SctpOptions.CMT_ENABLED, true).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(A1, A2)
                .option(SctpOptions.NR_SACK_SUPPORTED, true).option(SctpOptions.CMT_ENABLED, true)
                .option(SctpOptions.CMT_CONGESTION_CONTROL, SctpCmtCongestionControl.RP_V2).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.CMT_CONGESTION_CONTROL)).isEqualTo(SctpCmtCongestionControl.RP_V2);
        bothPathsCarryDataDeliveredInOrder(a, b);
    }

    @Test
    void aCmtAssociationSendsDataOnBothPathsAndDeliversItInOrder() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7)
                .option(SctpOptions.NR_SACK_SUPPORTED, true).option(SctpOptions.CMT_ENABLED, true).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(A1, A2)
                .option(SctpOptions.NR_SACK_SUPPORTED, true).option(SctpOptions.CMT_ENABLED, true).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.CMT_ENABLED)).isTrue();
        bothPathsCarryDataDeliveredInOrder(a, b);
    }

    /** 400 messages from {@code a} arrive at {@code b} in order, and both of {@code a}'s paths carried DATA. */
    private static void bothPathsCarryDataDeliveredInOrder(SctpAssociation a, SctpAssociation b) throws Exception {
        int count = 400;
        for (int i = 0; i < count; i++) {
            a.send(SctpMessage.of(Loopback.pattern(i, 1000)));
        }
        for (int i = 0; i < count; i++) {
            assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 1000));
        }
        assertThat(a.pathStatistics()).hasSize(2)
                .allSatisfy(p -> assertThat(p.dataPacketsSent()).as("DATA packets to %s", p.address()).isPositive());
        a.shutdown();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
