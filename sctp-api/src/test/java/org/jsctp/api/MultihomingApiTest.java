package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multi-homing calls of the API (RFC 6458 sctp_bindx, sctp_connectx, sctp_getpaddrs,
 * sctp_getladdrs, SCTP_PRIMARY_ADDR, SCTP_GET_PEER_ADDR_INFO, SCTP_PEER_ADDR_THLDS) on two
 * endpoints bound to 127.0.0.1 and 127.0.0.2 (both loopback on Linux, nothing to configure).
 */
class MultihomingApiTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void anAssociationBetweenTwoMultihomedEndpointsKnowsBothAddressesOfEachSide() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(A1, A2).build());
        assertThat(server.localAddresses()).extracting(InetSocketAddress::getAddress).containsExactly(A1, A2);

        SctpAssociation a = client.connect(server.localAddresses(), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);

        assertThat(a.peerAddresses()).containsExactlyInAnyOrder(A1, A2);
        assertThat(b.peerAddresses()).containsExactlyInAnyOrder(A1, A2);
        assertThat(a.localAddresses()).containsExactly(A1, A2);
        assertThat(a.primaryAddress()).isEqualTo(A1);
        assertThat(a.pathStatistics()).extracting(p -> p.address().getAddress()).containsExactlyInAnyOrder(A1, A2);
        assertThat(a.pathStatistics()).extracting(SctpPathStatistics::address)
                .containsExactlyInAnyOrderElementsOf(server.localAddresses()); // each with the server's UDP port

        a.setPrimary(A2);
        assertThat(a.primaryAddress()).isEqualTo(A2);
        a.send(SctpMessage.of(new byte[] {42}));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(42);
        a.shutdown();
    }

    @Test
    void settingAPrimaryThatIsNoPeerAddressIsRefused() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(A1, A2).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        assertThatThrownBy(() -> a.setPrimary(address("127.0.0.3"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.primaryAddress()).isEqualTo(A1);
    }

    @Test
    void thePotentiallyFailedThresholdIsAnOptionForTheEndpointAndLivePerAssociation() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.PEER_ADDR_THLDS, 3).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        assertThat(a.getOption(SctpOptions.PEER_ADDR_THLDS)).isEqualTo(3);
        a.setOption(SctpOptions.PEER_ADDR_THLDS, 1);
        assertThat(a.getOption(SctpOptions.PEER_ADDR_THLDS)).isEqualTo(1);
        assertThatThrownBy(() -> a.setOption(SctpOptions.PEER_ADDR_THLDS, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderRefusesTheWildcardAndDuplicatesAmongLocalAddresses() {
        assertThatThrownBy(() -> net.endpoint().localAddresses(A1, A1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> net.endpoint().localAddresses(List.of(address("0.0.0.0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
    }

    @Test
    void aSinglePathAddressChangeNotificationStillReadsAsAvailableOrUnreachable() {
        var up = new SctpNotification.PeerAddressChange(null, new InetSocketAddress(A1, 9899), true);
        var down = new SctpNotification.PeerAddressChange(null, new InetSocketAddress(A1, 9899), false);
        assertThat(up.state()).isEqualTo(SctpPeerAddressState.AVAILABLE);
        assertThat(down.state()).isEqualTo(SctpPeerAddressState.UNREACHABLE);
        // every state the core reports has its API counterpart (the API maps them by name)
        assertThat(java.util.Arrays.stream(SctpPeerAddressState.values()).map(Enum::name)).containsExactlyElementsOf(
                java.util.Arrays.stream(org.jsctp.core.assoc.PeerAddressState.values()).map(Enum::name).toList());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
