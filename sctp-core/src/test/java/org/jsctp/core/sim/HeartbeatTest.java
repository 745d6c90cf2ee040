package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.junit.jupiter.api.Test;

/** Heartbeats on an idle association (RFC 9260 sections 8.1 and 8.3). */
class HeartbeatTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private final AssociationConfig config = AssociationConfig.defaults();
    private final SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(2), 0));
    private final SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 3);

    private static boolean isHeartbeat(byte[] packet) {
        return packet.length > 12 && packet[12] == 4;
    }

    @Test
    void anIdleAssociationIsKeptAliveByAnsweredHeartbeats() {
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        long before = net.aToB().delivered();
        net.advance(10 * 60 * S, 100_000);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        // about one heartbeat per HB.interval + RTO from each side over ten minutes
        assertThat(net.aToB().delivered() - before).isBetween(30L, 50L);
        assertThat(client.events()).extracting(SimHost.Event::event)
                .noneMatch(e -> e instanceof AssociationEvent.CommunicationLost || e instanceof AssociationEvent.PeerAddressChange);
    }

    @Test
    void aPeerThatStopsAnsweringHeartbeatsIsDeclaredLost() {
        Association a = client.connect(7, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        net.bToA().setProfile(LinkProfile.perfect().withLoss(1.0)); // nothing comes back any more
        net.runUntil(() -> a.state() == AssociationState.CLOSED, net.now() + 3 * 3600 * S, 100_000);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(client.events()).extracting(SimHost.Event::event)
                .anyMatch(e -> e instanceof AssociationEvent.PeerAddressChange p && !p.reachable())
                .last().isInstanceOf(AssociationEvent.CommunicationLost.class);
    }
}
