package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PmtuConfig;
import org.jsctp.core.path.PmtuState;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PLPMTUD (RFC 8899) over real loopback UDP: HEARTBEAT+PAD probes of growing sizes are answered,
 * so the PLPMTU grows past 1500 up to what the loopback interface carries (its MTU less the IPv4
 * and UDP headers), and DATA then goes in packets of that size.
 */
class PlpmtudLoopbackTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    private static PathStatistics path(SctpUdpAssociation a) throws Exception {
        return a.call((core, now) -> core.statistics().paths().get(0)).get(T, TimeUnit.SECONDS);
    }

    @Test
    void thePlpmtuGrowsAbove1500TowardTheLoopbackInterfaceMtu() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        int interfaceMtu = NetworkInterface.getByInetAddress(host).getMTU();
        assumeTrue(interfaceMtu > 1600, "the loopback MTU here is only " + interfaceMtu);
        int limit = (Math.min(interfaceMtu, 65535) - 20 - 8) & ~3;
        // ask for more than any interface carries: the transport caps MAX_PLPMTU at the interface's
        AssociationConfig config = AssociationConfig.builder()
                .plpmtud(PmtuConfig.defaults().withMaxPlpmtu(PathConfig.MAX_MTU)).build();
        EventRecorder serverEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(host, 5000, serverEvents, TransportType.AUTO, config);
        UdpSctpEndpoint client = endpoints.bind(host, 5001, new EventRecorder(), TransportType.AUTO, config);
        SctpUdpAssociation c = client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS);

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        PathStatistics p = path(c);
        while (p.pmtuState() != PmtuState.SEARCH_COMPLETE && System.nanoTime() - giveUp < 0) {
            p = path(c); // each question is a round trip to the event loop, not a sleep
        }
        assertThat(p.pmtuState()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(p.mtu()).isGreaterThan(1500).isLessThanOrEqualTo(limit)
                .isGreaterThanOrEqualTo(limit - org.jsctp.core.path.PmtuSearch.GRANULARITY);

        Bytes big = Bytes.wrap(new byte[200_000]);
        CompletableFuture<EventRecorder.Recorded> got = serverEvents.whenMessages(1);
        c.send(OutgoingMessage.of(0, 0, false, big)).get(T, TimeUnit.SECONDS);
        got.get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.messages()).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(big));
        assertThat(serverEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(server.counters().undecodable()).isZero();
    }

    @Test
    void aFixedMtuIsLeftAlone() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        AssociationConfig config = AssociationConfig.builder().fixedMtu(1300).build();
        UdpSctpEndpoint server = endpoints.bind(host, 5000, new EventRecorder(), TransportType.AUTO, config);
        UdpSctpEndpoint client = endpoints.bind(host, 5001, new EventRecorder(), TransportType.AUTO, config);
        SctpUdpAssociation c = client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS);
        PathStatistics p = path(c);
        assertThat(p.pmtuState()).isEqualTo(PmtuState.DISABLED);
        assertThat(p.mtu()).isEqualTo(1300);
    }
}
