package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/** Data transfer and graceful shutdown between two associations on the simulated network. */
class TransferTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final AssociationConfig config = AssociationConfig.defaults();
    private final SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));

    private SimNetwork network(LinkProfile link) {
        return new SimNetwork(clientHost, serverHost, link, 99);
    }

    private static Bytes payload(int id, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (id * 31 + i * 7);
        }
        return Bytes.wrap(b);
    }

    private static List<ReceivedMessage> received(SimHost host) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message());
            }
        }
        return out;
    }

    private Association established(SimNetwork net) {
        Association client = clientHost.connect(7, 0);
        assertThat(net.runUntil(() -> client.state() == AssociationState.ESTABLISHED
                && !serverHost.associations().isEmpty(), 10 * S, 10_000)).isTrue();
        return client;
    }

    @Test
    void messagesOnSeveralStreamsArriveIntactAndInOrderThenBothSidesShutDown() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        for (int i = 0; i < 30; i++) {
            assertThat(client.send(OutgoingMessage.of(i % 3, 51, false, payload(i, 100 + i * 97)), net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        net.runUntil(() -> received(serverHost).size() == 30, 60 * S, 100_000);
        List<ReceivedMessage> got = received(serverHost);
        assertThat(got).hasSize(30);
        for (int stream = 0; stream < 3; stream++) {
            int s = stream;
            List<ReceivedMessage> onStream = got.stream().filter(m -> m.streamId() == s).toList();
            for (int k = 0; k < onStream.size(); k++) {
                int id = s + 3 * k;
                assertThat(onStream.get(k).payload()).isEqualTo(payload(id, 100 + id * 97));
                assertThat(onStream.get(k).ppid()).isEqualTo(51);
            }
        }
        client.shutdown(net.now());
        Association server = serverHost.associations().get(0);
        net.runUntil(() -> client.state() == AssociationState.CLOSED && server.state() == AssociationState.CLOSED,
                net.now() + 10 * S, 10_000);
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(server.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(clientHost.events()).extracting(SimHost.Event::event).contains(new AssociationEvent.ShutdownComplete());
        assertThat(serverHost.events()).extracting(SimHost.Event::event).contains(new AssociationEvent.ShutdownComplete());
        assertThat(client.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLargeMessageIsFragmentedToThePathMtuAndReassembled() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(5 * MS));
        Association client = established(net);
        Bytes big = payload(7, 200_000);
        client.send(OutgoingMessage.of(0, 0, false, big), net.now());
        net.runUntil(() -> received(serverHost).size() == 1, 60 * S, 100_000);
        assertThat(received(serverHost)).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(big));
    }

    @Test
    void lostDataIsRecoveredByFastRetransmitWithoutWaitingForTheTimer() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        // drop exactly one packet carrying DATA (chunk type 0 at offset 12)
        net.aToB().dropNext(1, p -> p.length > 12 && p[12] == 0);
        for (int i = 0; i < 20; i++) {
            client.send(OutgoingMessage.of(0, 0, false, payload(i, 1000)), net.now());
        }
        long start = net.now();
        net.runUntil(() -> received(serverHost).size() == 20, 60 * S, 100_000);
        assertThat(received(serverHost)).hasSize(20);
        assertThat(net.now() - start).as("recovered before the 1 s RTO").isLessThan(S);
    }

    @Test
    void aLostLastPacketIsRecoveredByTheRetransmissionTimer() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        net.aToB().dropNext(1, p -> p.length > 12 && p[12] == 0);
        client.send(OutgoingMessage.of(0, 0, false, payload(1, 500)), net.now());
        net.runUntil(() -> received(serverHost).size() == 1, 10 * S, 10_000);
        assertThat(received(serverHost)).hasSize(1);
    }

    @Test
    void aDeadPeerEndsTheAssociationAfterAssociationMaxRetrans() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        net.aToB().setProfile(LinkProfile.perfect().withLoss(1.0));
        client.send(OutgoingMessage.of(0, 0, false, payload(1, 500)), net.now());
        net.runUntil(() -> client.state() == AssociationState.CLOSED, 3600 * S, 100_000);
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(clientHost.events()).extracting(SimHost.Event::event).last()
                .isInstanceOf(AssociationEvent.CommunicationLost.class);
    }

    /** Found by {@link TransferProperties}: 29% loss, a 179 KB message among 53; recovery takes many backed-off timeouts. */
    @Test
    void heavyLossWithLargeMessagesStillDeliversEverything() {
        assertThat(TransferProperties.run(0L, 0.29, 0.0, 0, 53)).isEqualTo("all delivered");
    }

    @Test
    void aShutdownThePeerNeverAnswersEndsWithinTheShutdownGuard() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        net.bToA().setProfile(LinkProfile.perfect().withLoss(1.0));
        long start = net.now();
        client.shutdown(net.now());
        net.runUntil(() -> client.state() == AssociationState.CLOSED, net.now() + 3600 * S, 100_000);
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        // T5-shutdown-guard: 5 x RTO.Max = 300 s (RFC 9260 section 9.2)
        assertThat(net.now() - start).isLessThanOrEqualTo(300 * S + MS);
        assertThat(clientHost.events()).extracting(SimHost.Event::event).last()
                .isInstanceOf(AssociationEvent.CommunicationLost.class);
    }

    @Test
    void whenTheAssociationIsLostEveryUndeliveredMessageIsHandedBack() {
        SimNetwork net = network(LinkProfile.perfect().withDelay(10 * MS));
        Association client = established(net);
        net.aToB().setProfile(LinkProfile.perfect().withLoss(1.0));
        for (int i = 0; i < 50; i++) {
            client.send(OutgoingMessage.of(0, 0, false, payload(i, 1000)), net.now());
        }
        net.runUntil(() -> client.state() == AssociationState.CLOSED, net.now() + 3600 * S, 100_000);
        long sent = clientHost.events().stream().map(SimHost.Event::event)
                .filter(e -> e instanceof AssociationEvent.SendFailed f && f.sent()).count();
        long unsent = clientHost.events().stream().map(SimHost.Event::event)
                .filter(e -> e instanceof AssociationEvent.SendFailed f && !f.sent()).count();
        assertThat(sent + unsent).isEqualTo(50);
        assertThat(sent).isPositive();
        assertThat(unsent).isPositive();
    }

    /** Found by {@link SimHandshakeProperties}: retransmitted COOKIE ECHOs go stale and the handshake starts over. */
    @Test
    void aHandshakeWhoseCookieEchoesGoStaleStartsOverUntilItSucceedsOrGivesUp() {
        AssociationConfig c = AssociationConfig.defaults();
        SimHost a = new SimHost("client", new Endpoint(EndpointConfig.of(5000, c), new SeededRandomSource(3961679181866279196L), 0));
        SimHost b = new SimHost("server", new Endpoint(EndpointConfig.of(7, c), new SeededRandomSource(~3961679181866279196L), 0));
        SimNetwork net = new SimNetwork(a, b, LinkProfile.perfect().withDelay(15 * MS).withJitter(10 * MS).withLoss(0.22)
                .withDuplication(0.03), 3961679181866279196L);
        Association client = a.connect(7, 0);
        net.runUntil(() -> client.state() == AssociationState.ESTABLISHED || client.state() == AssociationState.CLOSED,
                6 * 3600 * S, 1_000_000);
        assertThat(client.state()).isIn(AssociationState.ESTABLISHED, AssociationState.CLOSED);
    }
}
