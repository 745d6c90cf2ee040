package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** Initialization collisions and peer restarts (RFC 9260 sections 5.2.1, 5.2.2 and 5.2.4). */
class CollisionTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private final AssociationConfig config = AssociationConfig.defaults();

    private SimHost host(String name, int port, long seed) {
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static List<Association> open(SimHost h) {
        return h.associations().stream().filter(a -> a.state() != AssociationState.CLOSED).toList();
    }

    private static long received(SimHost h) {
        return h.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    @Test
    void bothSidesConnectingAtOnceEndUpWithOneAssociation() {
        SimHost a = host("a", 5000, 1);
        SimHost b = host("b", 7, 2);
        SimNetwork net = new SimNetwork(a, b, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association fromA = a.connect(7, 0);
        Association fromB = b.connect(5000, 0);
        net.runUntil(() -> fromA.state() == AssociationState.ESTABLISHED && fromB.state() == AssociationState.ESTABLISHED,
                30 * S, 100_000);
        assertThat(fromA.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(fromB.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(open(a)).containsExactly(fromA);
        assertThat(open(b)).containsExactly(fromB);
        assertThat(fromA.peerTag()).isEqualTo(fromB.localTag());
        assertThat(fromB.peerTag()).isEqualTo(fromA.localTag());

        fromA.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("01020304")), net.now());
        fromB.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("05060708")), net.now());
        net.runUntil(() -> received(a) == 1 && received(b) == 1, net.now() + 10 * S, 100_000);
        assertThat(received(a)).isEqualTo(1);
        assertThat(received(b)).isEqualTo(1);
    }

    @Test
    void aPeerThatRestartsIsRecognisedAndTheAssociationGoesOnWithItsNewTags() {
        SimHost server = host("server", 7, 2);
        SimHost firstClient = host("client", 5000, 1);
        SimNetwork net = new SimNetwork(firstClient, server, LinkProfile.perfect().withDelay(10 * MS), 3);
        Association before = firstClient.connect(7, 0);
        net.runUntil(() -> before.state() == AssociationState.ESTABLISHED && !open(server).isEmpty(), 10 * S, 10_000);
        Association serverSide = open(server).get(0);
        int oldTag = serverSide.localTag();

        // The client's host reboots: a new endpoint on the same port knows nothing of the old association.
        SimHost rebooted = host("client", 5000, 99);
        SimNetwork net2 = new SimNetwork(rebooted, server, LinkProfile.perfect().withDelay(10 * MS), 4);
        net2.advance(net.now(), 10);
        Association after = rebooted.connect(7, net2.now());
        net2.runUntil(() -> after.state() == AssociationState.ESTABLISHED, net2.now() + 10 * S, 10_000);

        assertThat(after.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(open(server)).containsExactly(serverSide);
        assertThat(serverSide.localTag()).isNotEqualTo(oldTag);
        assertThat(serverSide.peerTag()).isEqualTo(after.localTag());
        assertThat(server.events()).extracting(SimHost.Event::event)
                .hasAtLeastOneElementOfType(AssociationEvent.Restarted.class);

        after.send(OutgoingMessage.of(1, 0, false, Bytes.fromHex("aabb")), net2.now());
        net2.runUntil(() -> received(server) == 1, net2.now() + 10 * S, 10_000);
        ReceivedMessage m = server.events().stream().map(SimHost.Event::event)
                .filter(e -> e instanceof AssociationEvent.MessageReceived).map(e -> ((AssociationEvent.MessageReceived) e).message())
                .findFirst().orElseThrow();
        assertThat(m.payload()).isEqualTo(Bytes.fromHex("aabb"));
    }
}
