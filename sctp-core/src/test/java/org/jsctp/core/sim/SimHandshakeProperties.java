package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;

/**
 * The handshake on the simulated network: it completes under loss, duplication and reordering,
 * or the connecting side reports why it gave up.
 */
class SimHandshakeProperties {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Property(tries = 300)
    void theHandshakeCompletesOrFailsCleanlyUnderLossDuplicationAndReordering(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
            @ForAll @DoubleRange(min = 0, max = 0.2) double duplication) {
        AssociationConfig config = AssociationConfig.defaults();
        SimHost client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(seed), 0));
        SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(7, config), new SeededRandomSource(~seed), 0));
        LinkProfile link = LinkProfile.perfect().withDelay(15 * MS).withJitter(10 * MS).withLoss(loss).withDuplication(duplication);
        SimNetwork net = new SimNetwork(client, server, link, seed);
        Association a = client.connect(7, 0);

        // Long enough for the worst case: every COOKIE ECHO retransmitted until stale (T1 backs off
        // to RTO.Max = 60 s, the cookie lives 60 s), then a fresh INIT (RFC 9260 section 5.2.6), up
        // to Max.Init.Retransmits times.
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED || a.state() == AssociationState.CLOSED,
                6 * 3600 * S, 1_000_000);

        if (a.state() == AssociationState.ESTABLISHED) {
            // the server side is up too, or will be once its COOKIE ACK's repeat arrives
            net.runUntil(() -> server.associations().stream().anyMatch(s -> s.state() == AssociationState.ESTABLISHED),
                    net.now() + 60 * S, 100_000);
            assertThat(server.associations()).anyMatch(s -> s.state() == AssociationState.ESTABLISHED);
            assertThat(client.events()).extracting(SimHost.Event::event).hasAtLeastOneElementOfType(AssociationEvent.CommunicationUp.class);
        } else {
            assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
            assertThat(client.events()).extracting(SimHost.Event::event).last()
                    .isInstanceOf(AssociationEvent.CommunicationLost.class);
        }
        assertThat(client.undecodable() + server.undecodable()).isZero();
    }
}
