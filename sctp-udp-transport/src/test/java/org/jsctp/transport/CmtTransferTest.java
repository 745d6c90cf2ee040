package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * Concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath section 3) between two of our
 * endpoints, each bound to 127.0.0.1 and 127.0.0.2 on one UDP port: with CMT and NR-SACK on both
 * sides, once both paths are confirmed the sender's DATA goes to both peer addresses, and every
 * message is delivered once, in order.
 */
class CmtTransferTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");
    private static final long MS = 1_000_000L;
    private static final long TIMEOUT_S = Endpoints.TIMEOUT_S;

    private static AssociationConfig cmt(boolean on) {
        return AssociationConfig.defaults().toBuilder().rtoInitialNanos(100 * MS).rtoMinNanos(50 * MS)
                .rtoMaxNanos(400 * MS).heartbeatIntervalNanos(100 * MS).nrSackSupported(true).cmtEnabled(on)
                .sendBufferBytes(4 << 20).receiveBufferBytes(4 << 20).build();
    }

    private static UdpSctpEndpoint bind(Endpoints endpoints, int sctpPort, AssociationListener listener, boolean on)
            throws Exception {
        return endpoints.adopt(UdpSctpEndpoint.builder().bind(A1, A2).udpPort(0).sctpPort(sctpPort)
                .associationConfig(cmt(on)).listener(listener).bind().get(TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void withCmtTheDataGoesToBothPeerAddressesAndArrivesOnceInOrder() throws Exception {
        List<PathStatistics> paths = transfer(21410, true);
        assertThat(paths).hasSize(2);
        assertThat(paths).allSatisfy(p -> assertThat(p.dataPacketsSent()).as("DATA packets to %s", p.address())
                .isGreaterThan(200));
    }

    @Test
    void withoutCmtOnlyThePrimaryCarriesTheData() throws Exception {
        List<PathStatistics> paths = transfer(21420, false);
        // New data goes to the primary; the alternate sees retransmissions only (RFC 9260 section 6.4).
        long primary = paths.stream().filter(p -> A1.equals(p.address())).findFirst().orElseThrow().dataPacketsSent();
        long alternate = paths.stream().filter(p -> A2.equals(p.address())).findFirst().orElseThrow().dataPacketsSent();
        assertThat(primary).isGreaterThan(200);
        assertThat(alternate).isLessThan(primary / 10);
    }

    /** 2000 messages from client to server once both client paths are active; the client's paths after. */
    private static List<PathStatistics> transfer(int sctpPort, boolean on) throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        try (Endpoints endpoints = new Endpoints()) {
            UdpSctpEndpoint server = bind(endpoints, sctpPort, serverEvents, on);
            UdpSctpEndpoint client = bind(endpoints, sctpPort + 1, clientEvents, on);
            int port = server.localUdpPort();
            SctpUdpAssociation c = client.connect(List.of(new InetSocketAddress(A1, port),
                    new InetSocketAddress(A2, port)), sctpPort, null).get(TIMEOUT_S, TimeUnit.SECONDS);
            serverEvents.when(AssociationEvent.CommunicationUp.class).get(TIMEOUT_S, TimeUnit.SECONDS);
            // The second address is confirmed by a heartbeat (RFC 9260 section 5.4) before it carries DATA.
            // (Addresses the user gave to connect are confirmed already; the recorder keeps past events.)
            if (!c.pathStatistics().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                    .allMatch(p -> p.state() == org.jsctp.core.path.PathState.ACTIVE)) {
                clientEvents.when(r -> r.event() instanceof AssociationEvent.PeerAddressChange p
                        && A2.equals(p.address()) && p.state() == PeerAddressState.CONFIRMED)
                        .get(TIMEOUT_S, TimeUnit.SECONDS);
            }
            int total = 2000;
            for (int i = 0; i < total; i++) {
                assertThat(c.send(message(i)).get(TIMEOUT_S, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            }
            serverEvents.whenMessages(total).get(TIMEOUT_S, TimeUnit.SECONDS);
            List<Integer> received = new ArrayList<>();
            for (ReceivedMessage m : serverEvents.messages()) {
                received.add(ByteBuffer.wrap(m.payload().toByteArray()).getInt());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                expected.add(i);
            }
            assertThat(received).containsExactlyElementsOf(expected); // once each, in order
            return c.pathStatistics().get(TIMEOUT_S, TimeUnit.SECONDS);
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
