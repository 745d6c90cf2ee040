package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PeerAddressState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.EventRecorder;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;

/**
 * Our endpoint, running for real on a loopback UDP port with a recorded listener: the system under
 * test. It both accepts associations and starts them; closing it aborts whatever is left at once.
 */
final class EndpointUnderTest implements AutoCloseable {

    /** Our SCTP port. */
    static final int SCTP_PORT = 5000;
    /** The SCTP port of the tester that checks the endpoint still serves a fresh association. */
    static final int FRESH_PORT = 7000;

    private final UdpSctpEndpoint endpoint;
    private final EventRecorder events;

    private EndpointUnderTest(UdpSctpEndpoint endpoint, EventRecorder events) {
        this.endpoint = endpoint;
        this.events = events;
    }

    static EndpointUnderTest start(AssociationConfig config) {
        return start(config, b -> b);
    }

    /** As {@link #start(AssociationConfig)}, with endpoint settings of the test's on top. */
    static EndpointUnderTest start(AssociationConfig config, UnaryOperator<UdpSctpEndpoint.Builder> settings) {
        EventRecorder events = new EventRecorder();
        UdpSctpEndpoint e = await(settings.apply(UdpSctpEndpoint.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .udpPort(0)
                .sctpPort(SCTP_PORT)
                .associationConfig(config)
                .listener(events)
                .closeTimeout(Duration.ZERO))
                .bind());
        return new EndpointUnderTest(e, events);
    }

    /** A tester talking to this endpoint from SCTP port {@code sctpPort}. */
    Tester newTester(int sctpPort) {
        return new Tester(endpoint.localAddress(), sctpPort, SCTP_PORT);
    }

    UdpSctpEndpoint endpoint() {
        return endpoint;
    }

    /** Our endpoint starts an association to the tester (it sends the INIT). */
    CompletableFuture<SctpUdpAssociation> connect(Tester t) {
        return endpoint.connect(t.address(), t.sctpPort());
    }

    /** Our side of the association with {@code t}, once it is up. */
    SctpUdpAssociation associationWith(Tester t) {
        return event(t, AssociationEvent.CommunicationUp.class).association();
    }

    /** The first event of {@code type} on an association with {@code t}, waiting for it if need be. */
    EventRecorder.Recorded event(Tester t, Class<? extends AssociationEvent> type) {
        return await(events.when(r -> type.isInstance(r.event()) && r.association().remoteSctpPort() == t.sctpPort()));
    }

    /** Waits for the event that {@code address} of {@code t} changed to {@code state}. */
    void awaitPeerAddress(Tester t, InetAddress address, PeerAddressState state) {
        await(events.when(r -> r.event() instanceof AssociationEvent.PeerAddressChange c
                && c.address().equals(address) && c.state() == state && r.association().remoteSctpPort() == t.sctpPort()));
    }

    /** Our endpoint starts an association to the tester at both its addresses, the first the primary. */
    CompletableFuture<SctpUdpAssociation> connectToBothAddresses(Tester t) {
        return endpoint.connect(List.of(t.address(), t.secondAddress()), t.sctpPort(), null);
    }

    /** Whether an event of {@code type} was seen on an association with {@code t}. */
    boolean saw(Tester t, Class<? extends AssociationEvent> type) {
        return events.events().stream()
                .anyMatch(r -> type.isInstance(r.event()) && r.association().remoteSctpPort() == t.sctpPort());
    }

    /** The messages our endpoint delivered from {@code t}, in order. */
    List<ReceivedMessage> messagesFrom(Tester t) {
        return events.events().stream()
                .filter(r -> r.event() instanceof AssociationEvent.MessageReceived
                        && r.association().remoteSctpPort() == t.sctpPort())
                .map(r -> ((AssociationEvent.MessageReceived) r.event()).message())
                .toList();
    }

    /** Waits until {@code count} messages from {@code t} were delivered; returns them all. */
    List<ReceivedMessage> awaitMessagesFrom(Tester t, int count) {
        int[] seen = {0};
        await(events.when(r -> r.event() instanceof AssociationEvent.MessageReceived
                && r.association().remoteSctpPort() == t.sctpPort() && ++seen[0] == count));
        return messagesFrom(t);
    }

    /** Our user sends {@code payload} on stream 0; the send queue must accept it. */
    static void send(SctpUdpAssociation a, Bytes payload) {
        send(a, 0, payload);
    }

    static void send(SctpUdpAssociation a, int stream, Bytes payload) {
        assertThat(await(a.send(OutgoingMessage.of(stream, 0, false, payload))))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }

    /**
     * The endpoint still works after whatever the test did to it: a new tester sets up an
     * association (answering a Stale Cookie error as RFC 9260 section 5.2.6 says, for tests that
     * made cookies short-lived), sends a message and gets it acknowledged and delivered, receives
     * one from our user and acknowledges it, and shuts the association down gracefully.
     */
    void assertStillServesFreshAssociation() {
        try (Tester fresh = newTester(FRESH_PORT)) {
            fresh.tolerateCrossedRetransmissions(true);
            TesterAssociation a = Handshakes.connectPatiently(fresh);
            SctpUdpAssociation ours = associationWith(fresh);

            DataChunk ping = TesterAssociation.immediately(a.data("fresh ping"));
            a.send(ping);
            assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(ping.tsn());
            assertThat(awaitMessagesFrom(fresh, 1).get(0).payload()).isEqualTo(ping.userData());

            send(ours, TesterAssociation.bytes("fresh pong"));
            assertThat(a.expect(DataChunk.class).userData()).isEqualTo(TesterAssociation.bytes("fresh pong"));
            a.send(a.sack());

            a.send(a.shutdown());
            a.expect(ShutdownAckChunk.class);
            a.send(new ShutdownCompleteChunk(false));
            await(ours.closeFuture());
            assertThat(event(fresh, AssociationEvent.ShutdownComplete.class)).isNotNull();
        }
    }

    /** Waits for {@code f} within the tester's patience. */
    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(Tester.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not done within " + Tester.PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        await(endpoint.close());
    }
}
