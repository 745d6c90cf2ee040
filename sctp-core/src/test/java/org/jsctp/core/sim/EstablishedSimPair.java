package org.jsctp.core.sim;

import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;

/**
 * A client and a server on a perfect simulated link with an association ESTABLISHED by a real
 * handshake: the fixture that tests crafting packets against a live association start from.
 *
 * @param peer the client's association
 * @param target the server's association
 */
public record EstablishedSimPair(SimHost client, SimHost server, SimNetwork net, Association peer,
                                 Association target) {

    public static final int CLIENT_PORT = 5000;
    public static final int SERVER_PORT = 7;
    private static final long S = 1_000_000_000L;

    /** Runs the handshake from the client; the server's random source is seeded with {@code ~seed}. */
    public static EstablishedSimPair establish(AssociationConfig clientConfig, AssociationConfig serverConfig,
                                               long seed) {
        SimHost client = new SimHost("client",
                new Endpoint(EndpointConfig.of(CLIENT_PORT, clientConfig), new SeededRandomSource(seed), 0));
        SimHost server = new SimHost("server",
                new Endpoint(EndpointConfig.of(SERVER_PORT, serverConfig), new SeededRandomSource(~seed), 0));
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect(), seed);
        Association peer = client.connect(SERVER_PORT, 0);
        net.runUntil(() -> peer.state() == AssociationState.ESTABLISHED
                && server.associations().stream().anyMatch(a -> a.state() == AssociationState.ESTABLISHED), 10 * S, 10_000);
        Association target = server.associations().get(0);
        if (peer.state() != AssociationState.ESTABLISHED || target.state() != AssociationState.ESTABLISHED) {
            throw new IllegalStateException("handshake on a perfect link failed: " + peer.state() + "/" + target.state());
        }
        return new EstablishedSimPair(client, server, net, peer, target);
    }
}
