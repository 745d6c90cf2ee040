package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * Two of our endpoints, each bound to 127.0.0.1 and 127.0.0.2 on one UDP port (Linux routes all
 * of 127/8 to the loopback device, so no address has to be added): the association has two paths
 * on each side (RFC 9260 section 6.4), and when the primary address stops carrying datagrams in
 * the middle of a transfer (the transport's {@link DatagramFilter} drops everything to and from
 * it, on both endpoints), the data fails over to the other path (RFC 9260 section 6.4.1, RFC 7829)
 * and every message is delivered exactly once, in order.
 */
class MultihomedTransferTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");
    private static final long MS = 1_000_000L;
    private static final long TIMEOUT_S = Endpoints.TIMEOUT_S;

    /** Short timers so a dead path is noticed within a second or so of real time. */
    private static AssociationConfig quickPaths() {
        return AssociationConfig.defaults().toBuilder().rtoInitialNanos(100 * MS).rtoMinNanos(50 * MS)
                .rtoMaxNanos(200 * MS).pathMaxRetransmits(2).associationMaxRetransmits(30)
                .heartbeatIntervalNanos(200 * MS).build();
    }

    private static UdpSctpEndpoint bindBoth(Endpoints endpoints, int sctpPort, AssociationListener listener,
                                            DatagramFilter filter) throws Exception {
        return bind(endpoints, A1, A2, sctpPort, listener, filter);
    }

    private static UdpSctpEndpoint bind(Endpoints endpoints, InetAddress first, InetAddress second, int sctpPort,
                                        AssociationListener listener, DatagramFilter filter) throws Exception {
        return endpoints.adopt(UdpSctpEndpoint.builder().bind(first, second).udpPort(0).sctpPort(sctpPort)
                .associationConfig(quickPaths()).listener(listener).datagramFilter(filter).bind()
                .get(TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void anEndpointBoundToTwoAddressesHasASocketOnEachOnOnePort() throws Exception {
        try (Endpoints endpoints = new Endpoints()) {
            UdpSctpEndpoint e = bindBoth(endpoints, 5000, AssociationListener.IGNORE, DatagramFilter.NONE);
            assertThat(e.localAddresses()).extracting(InetSocketAddress::getAddress).containsExactly(A1, A2);
            assertThat(e.localAddresses()).extracting(InetSocketAddress::getPort).containsOnly(e.localUdpPort());
        }
    }

    @Test
    void bothSidesSeeTwoPeerAddressesAndTheDataFailsOverWhenThePrimaryDies() throws Exception {
        failOver(A1, A2, 5001);
    }

    @Test
    void anIpv4AndAnIpv6AddressMakeTwoPathsAndTheDataFailsOverFromOneFamilyToTheOther() throws Exception {
        failOver(A1, address("::1"), 5005);
    }

    /** Both endpoints bound to {@code primary} and {@code other}; {@code primary} dies mid-transfer. */
    private static void failOver(InetAddress primary, InetAddress other, int sctpPort) throws Exception {
        AtomicBoolean primaryDead = new AtomicBoolean();
        DatagramFilter killPrimary = (local, remote, sending) -> primaryDead.get()
                && (local.equals(primary) || remote.getAddress().equals(primary));
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        try (Endpoints endpoints = new Endpoints()) {
            UdpSctpEndpoint server = bind(endpoints, primary, other, sctpPort, serverEvents, killPrimary);
            UdpSctpEndpoint client = bind(endpoints, primary, other, sctpPort + 1, clientEvents, killPrimary);
            int port = server.localUdpPort();
            SctpUdpAssociation c = client.connect(List.of(new InetSocketAddress(primary, port),
                    new InetSocketAddress(other, port)), sctpPort, null).get(TIMEOUT_S, TimeUnit.SECONDS);
            SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class)
                    .get(TIMEOUT_S, TimeUnit.SECONDS).association();

            assertThat(c.peerAddresses()).containsExactlyInAnyOrder(primary, other);
            assertThat(s.peerAddresses()).containsExactlyInAnyOrder(primary, other);
            assertThat(c.primaryAddress()).isEqualTo(primary);
            assertThat(c.localAddresses()).containsExactly(primary, other);

            int total = 300;
            int before = 50;
            for (int i = 0; i < before; i++) {
                c.send(message(i)).get(TIMEOUT_S, TimeUnit.SECONDS);
            }
            serverEvents.whenMessages(before).get(TIMEOUT_S, TimeUnit.SECONDS);

            primaryDead.set(true); // the primary's address stops carrying anything, both ways
            for (int i = before; i < total; i++) {
                c.send(message(i)).get(TIMEOUT_S, TimeUnit.SECONDS);
            }
            serverEvents.whenMessages(total).get(TIMEOUT_S, TimeUnit.SECONDS);
            clientEvents.when(r -> r.event() instanceof AssociationEvent.PeerAddressChange p && primary.equals(p.address())
                    && (p.state() == PeerAddressState.POTENTIALLY_FAILED || p.state() == PeerAddressState.UNREACHABLE))
                    .get(TIMEOUT_S, TimeUnit.SECONDS);

            List<Integer> received = new ArrayList<>();
            for (ReceivedMessage m : serverEvents.messages()) {
                received.add(ByteBuffer.wrap(m.payload().toByteArray()).getInt());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                expected.add(i);
            }
            assertThat(received).containsExactlyElementsOf(expected); // once each, in order
            assertThat(c.state()).isEqualTo(org.jsctp.core.assoc.AssociationState.ESTABLISHED);
        }
    }

    @Test
    void aPeerAddressNotOfTheAssociationCannotBeMadePrimary() throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        try (Endpoints endpoints = new Endpoints()) {
            UdpSctpEndpoint server = bindBoth(endpoints, 5003, serverEvents, DatagramFilter.NONE);
            UdpSctpEndpoint client = bindBoth(endpoints, 5004, AssociationListener.IGNORE, DatagramFilter.NONE);
            int port = server.localUdpPort();
            SctpUdpAssociation c = client.connect(List.of(new InetSocketAddress(A1, port),
                    new InetSocketAddress(A2, port)), 5003, null).get(TIMEOUT_S, TimeUnit.SECONDS);
            c.setPrimary(A2).get(TIMEOUT_S, TimeUnit.SECONDS);
            assertThat(c.primaryAddress()).isEqualTo(A2);
            var failed = c.setPrimary(address("127.0.0.3"));
            assertThat(failed).failsWithin(TIMEOUT_S, TimeUnit.SECONDS).withThrowableThat()
                    .havingRootCause().isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static OutgoingMessage message(int i) {
        byte[] b = new byte[1000];
        ByteBuffer.wrap(b).putInt(i);
        return OutgoingMessage.of(0, 0, false, Bytes.wrap(b));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
