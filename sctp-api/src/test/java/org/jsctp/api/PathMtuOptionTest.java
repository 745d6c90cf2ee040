package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SctpOptions.PATH_MTU (RFC 6458 spp_pathmtu, SPP_PMTUD_ENABLE / SPP_PMTUD_DISABLE) and the per-path MTU state. */
class PathMtuOptionTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aFixedMtuTurnsDiscoveryOffAndReadsBack() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(1300))
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.PATH_MTU)).isEqualTo(PathMtuParameters.fixed(1300));
        SctpPathStatistics p = a.statistics().paths().get(0);
        assertThat(p.mtuState()).isEqualTo(SctpPathMtuState.DISABLED);
        assertThat(p.mtu()).isEqualTo(1300);
    }

    @Test
    void discoveryIsOnByDefaultAndCompletesUpToThePathMtu() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.PATH_MTU)).isEqualTo(new PathMtuParameters(true, 1452));
        Eventually.until("the search completes",
                () -> a.statistics().paths().get(0).mtuState() == SctpPathMtuState.SEARCH_COMPLETE);
        assertThat(a.statistics().paths().get(0).mtu()).isEqualTo(1452);
    }

    @Test
    void discoveryUpToTheInterfaceReadsBackAsZero() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.PATH_MTU, PathMtuParameters.discover())
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.PATH_MTU)).isEqualTo(PathMtuParameters.discover());
        assertThat(a.statistics().paths().get(0).mtuState()).isNotEqualTo(SctpPathMtuState.DISABLED);
    }

    @Test
    void sizesOutOfRangeAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.PATH_MTU, PathMtuParameters.fixed(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SCTP_PEER_ADDR_PARAMS spp_pathmtu (SPP_PMTUD_DISABLE) must be in 1232..65535: 100");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.PATH_MTU, new PathMtuParameters(true, 1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPP_PMTUD_ENABLE");
    }
}
