package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sides shutting down at about the same time (RFC 9260 section 9.2), as a daytime exchange
 * does: the server sends one message and shuts down as soon as the association is up, while the
 * client shuts down without sending anything. Swept over when each side acts, so the SHUTDOWNs
 * cross on the wire, or one arrives before the other side's message, or after it.
 */
class ShutdownCollisionTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long ONE_WAY = 10 * MS;
    private static final Bytes TIME = Bytes.wrap("Thu Dec  3 17:00:00 2026\n".getBytes(StandardCharsets.US_ASCII));

    private static final int DELAYED_ACK_MS = (int) (AssociationConfig.defaults().delayedAckNanos() / MS);

    private static final int ABORT = 6;
    private static final int SHUTDOWN = 7;
    private static final int SHUTDOWN_ACK = 8;

    /** The type of every chunk delivered, per receiving host. */
    private final Map<SimHost, List<Integer>> delivered = new HashMap<>();
    private final AssociationConfig config = AssociationConfig.defaults();
    private final SimHost clientHost = new SimHost("client", new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(1), 0));
    private final SimHost serverHost = new SimHost("server", new Endpoint(EndpointConfig.of(13, config), new SeededRandomSource(2), 0));

    /**
     * The server's delay after its CommunicationUp, and the client's after the COOKIE ACK reaches
     * it, in ms. The server's SHUTDOWN leaves once the client's delayed SACK reaches it, about
     * DELAYED_ACK_MS + 20 ms after it is up, so the client's delays cover both a SHUTDOWN well
     * before the server's and one crossing it.
     */
    static Stream<Arguments> delays() {
        IntStream client = IntStream.concat(IntStream.rangeClosed(0, 15).map(c -> 2 * c),
                IntStream.rangeClosed(-5, 15).map(c -> DELAYED_ACK_MS + 2 * c));
        int[] clientDelays = client.toArray();
        return IntStream.rangeClosed(0, 6).boxed()
                .flatMap(s -> IntStream.of(clientDelays).mapToObj(c -> Arguments.of(5 * s, c)));
    }

    @ParameterizedTest(name = "server acts {0} ms after it is up, client {1} ms after")
    @MethodSource("delays")
    void bothSidesCloseGracefullyAndTheMessageArrivesIfItWasSent(int serverDelayMs, int clientDelayMs) {
        run(serverDelayMs, clientDelayMs);
    }

    /**
     * The server's SHUTDOWN leaves when the client's delayed SACK of its message arrives,
     * DELAYED_ACK_MS + 20 ms after it is up, and arrives 10 ms later; the client's, sent 4 ms
     * after the server's, crosses it: each side answers the other's SHUTDOWN with a SHUTDOWN ACK
     * from SHUTDOWN-SENT (RFC 9260 section 9.2).
     */
    @Test
    void crossingShutdownsAreEachAnsweredWithShutdownAck() {
        run(0, DELAYED_ACK_MS + 14);
        for (List<Integer> types : List.of(chunkTypes(clientHost), chunkTypes(serverHost))) {
            assertThat(types).containsSubsequence(SHUTDOWN, SHUTDOWN_ACK).doesNotContain(ABORT);
        }
    }

    private void run(int serverDelayMs, int clientDelayMs) {
        SimNetwork net = new SimNetwork(clientHost, serverHost, LinkProfile.perfect().withDelay(ONE_WAY), 7);
        net.setTracer((now, to, packet) -> delivered.computeIfAbsent(to, h -> new ArrayList<>()).addAll(ChunkWalk.types(packet)));
        Association client = clientHost.connect(13, 0);
        assertThat(net.runUntil(() -> !serverHost.associations().isEmpty() && isUp(serverHost), 10 * S, 10_000)).isTrue();
        Association server = serverHost.associations().get(0);
        long serverAt = net.now() + serverDelayMs * MS;
        long clientAt = net.now() + ONE_WAY + clientDelayMs * MS; // the COOKIE ACK is one way behind
        boolean serverFirst = serverAt <= clientAt;

        boolean sent;
        if (serverFirst) {
            sent = serverSendsAndShutsDown(net, server, serverAt);
            clientShutsDown(net, client, clientAt);
        } else {
            clientShutsDown(net, client, clientAt);
            sent = serverSendsAndShutsDown(net, server, serverAt);
        }
        long lastAction = net.now();
        net.runUntil(() -> client.state() == AssociationState.CLOSED && server.state() == AssociationState.CLOSED,
                lastAction + 10 * S, 10_000);

        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(server.state()).isEqualTo(AssociationState.CLOSED);
        for (SimHost host : new SimHost[] {clientHost, serverHost}) {
            assertThat(host.events()).extracting(SimHost.Event::event).as(host.name())
                    .contains(new AssociationEvent.ShutdownComplete())
                    .noneMatch(e -> e instanceof AssociationEvent.CommunicationLost);
        }
        // On a lossless path nothing waits for T2-shutdown or T3-rtx, whose first expiry is RTO.Initial.
        assertThat(net.now() - lastAction).isLessThan(config.rtoInitialNanos());
        long times = clientHost.events().stream()
                .filter(e -> e.event() instanceof AssociationEvent.MessageReceived m && m.message().payload().equals(TIME))
                .count();
        assertThat(times).as("the time arrives once if the server could send it").isEqualTo(sent ? 1 : 0);
        assertThat(sent).as("a server acting before the client's SHUTDOWN reaches it can send")
                .isEqualTo(serverAt < clientAt + ONE_WAY);
    }

    private List<Integer> chunkTypes(SimHost host) {
        return delivered.getOrDefault(host, List.of());
    }

    private static boolean isUp(SimHost host) {
        return host.events().stream().anyMatch(e -> e.event() instanceof AssociationEvent.CommunicationUp);
    }

    /** The daytime server: the message, then shutdown; no message once the peer's SHUTDOWN arrived. */
    private static boolean serverSendsAndShutsDown(SimNetwork net, Association server, long at) {
        net.advance(at - net.now(), 10_000);
        boolean sent = false;
        if (server.state() == AssociationState.ESTABLISHED) {
            assertThat(server.send(OutgoingMessage.of(0, 0, false, TIME), net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            sent = true;
        }
        server.shutdown(net.now());
        return sent;
    }

    private static void clientShutsDown(SimNetwork net, Association client, long at) {
        net.advance(at - net.now(), 10_000);
        client.shutdown(net.now());
    }
}
