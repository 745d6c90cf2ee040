package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two endpoints have at most one association between them (RFC 9260 section 1.3): the table
 * finds an association by its peer (address and SCTP port) with a hash lookup, and a second
 * connect to the same peer is refused with a clear error instead of making a twin the peer would
 * take for a collision.
 */
class OnePerPeerTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void aSecondConnectToTheSamePeerIsRefusedAndTheFirstGoesOn() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, new EventRecorder());
        SctpUdpAssociation first = client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS);

        assertThatThrownBy(() -> client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");

        assertThat(client.associations()).containsExactly(first);
        assertThat(serverEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        first.shutdown().get(T, TimeUnit.SECONDS);
        // Once it has closed, the peer may be connected to again.
        client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS);
        assertThat(client.associations()).hasSize(1);
    }

    @Test
    void peersAreTheSameWhetherSeenAsIpv4OrIpv4MappedIpv6() throws Exception {
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress mapped = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff,
                (byte) 0xff, 127, 0, 0, 1});
        InetAddress other = InetAddress.getByName("127.0.0.2");
        assertThat(AssociationTable.PeerKey.of(mapped, 7)).isEqualTo(AssociationTable.PeerKey.of(v4, 7));
        assertThat(AssociationTable.PeerKey.of(v4, 7)).isNotEqualTo(AssociationTable.PeerKey.of(v4, 8));
        assertThat(AssociationTable.PeerKey.of(other, 7)).isNotEqualTo(AssociationTable.PeerKey.of(v4, 7));
        assertThat(AssociationTable.sameHost(mapped, v4)).isTrue();
        assertThat(AssociationTable.sameHost(other, v4)).isFalse();
    }
}
