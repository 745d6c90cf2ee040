package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ABORT from either side, a handshake nobody answers, and closing an endpoint with live associations. */
class AbortTest {

    private static final long T = Endpoints.TIMEOUT_S;

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder serverEvents = new EventRecorder();
    private final EventRecorder clientEvents = new EventRecorder();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void abortFromTheClientIsNoticedByTheServer() throws Exception {
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        SctpUdpAssociation c = connect(client, server);

        c.abort("client says bye").get(T, TimeUnit.SECONDS);

        AssociationEvent.CommunicationLost lost = lostAt(serverEvents);
        assertThat(lost.reason()).contains("User-Initiated Abort").contains("client says bye");
        assertThat(lost.causes()).singleElement().isInstanceOf(UserInitiatedAbortCause.class);
        assertThat(lostAt(clientEvents).reason()).contains("client says bye");
        assertThat(c.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(client.associations()).isEmpty();
        assertThat(server.associations()).isEmpty();
    }

    @Test
    void abortFromTheServerIsNoticedByTheClient() throws Exception {
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        connect(client, server);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();

        s.abort("server says bye").get(T, TimeUnit.SECONDS);

        AssociationEvent.CommunicationLost lost = lostAt(clientEvents);
        assertThat(lost.reason()).contains("User-Initiated Abort").contains("server says bye");
        assertThat(lost.causes()).singleElement().isInstanceOf(UserInitiatedAbortCause.class);
        assertThat(client.associations()).isEmpty();
        assertThat(server.associations()).isEmpty();
    }

    @Test
    void sendingAfterAbortFails() throws Exception {
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        SctpUdpAssociation c = connect(client, server);
        c.abort("done").get(T, TimeUnit.SECONDS);

        assertThatThrownBy(() -> c.send(org.jsctp.core.tx.OutgoingMessage.of(0, 0, false,
                org.jsctp.core.packet.Bytes.wrap(new byte[] {1}))).get(T, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnansweredInitFailsTheConnectWithTheAddressAndReason() throws Exception {
        AssociationConfig quick = AssociationConfig.builder()
                .rtoInitialNanos(50_000_000).rtoMinNanos(50_000_000).maxInitRetransmits(1).build();
        UdpSctpEndpoint client = endpoints.bind(InetAddress.getByName("127.0.0.1"), 5001, clientEvents,
                TransportType.AUTO, quick);
        int silentPort;
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            silentPort = silent.getLocalPort();
            InetSocketAddress nowhere = new InetSocketAddress("127.0.0.1", silentPort);
            assertThatThrownBy(() -> client.connect(nowhere, 5000).get(T, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(AssociationFailedException.class)
                    .hasMessageContaining(nowhere.toString())
                    .hasMessageContaining("INIT");
        }
        assertThat(client.associations()).isEmpty();
    }

    @Test
    void closingTheEndpointShutsItsAssociationsDownGracefully() throws Exception {
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = endpoints.bind(5001, clientEvents);
        SctpUdpAssociation c = connect(client, server);

        client.close().get(T, TimeUnit.SECONDS);

        assertThat(c.closeFuture()).isDone();
        clientEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        serverEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(server.associations()).isEmpty();
        assertThatThrownBy(() -> client.connect(Endpoints.addressOf(server, InetAddress.getByName("127.0.0.1")), 5000)
                .get(T, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void closingTheEndpointAbortsWhatDoesNotShutDownInTime() throws Exception {
        EventRecorder deafEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(InetAddress.getByName("127.0.0.1")).udpPort(0)
                .sctpPort(5001).listener(deafEvents).closeTimeout(Duration.ZERO).bind().get(T, TimeUnit.SECONDS);
        SctpUdpAssociation c = client.connect(Endpoints.addressOf(server, InetAddress.getByName("127.0.0.1")), 5000)
                .get(T, TimeUnit.SECONDS);

        client.close().get(T, TimeUnit.SECONDS);

        assertThat(c.closeFuture()).isDone();
        assertThat(lostAt(deafEvents).reason()).contains("endpoint closing");
        serverEvents.when(r -> r.event() instanceof AssociationEvent.CommunicationLost
                || r.event() instanceof AssociationEvent.ShutdownComplete).get(T, TimeUnit.SECONDS);
    }

    private SctpUdpAssociation connect(UdpSctpEndpoint client, UdpSctpEndpoint server) throws Exception {
        return client.connect(Endpoints.addressOf(server, InetAddress.getByName("127.0.0.1")), 5000)
                .get(T, TimeUnit.SECONDS);
    }

    private static AssociationEvent.CommunicationLost lostAt(EventRecorder events) throws Exception {
        return (AssociationEvent.CommunicationLost) events.when(AssociationEvent.CommunicationLost.class)
                .get(T, TimeUnit.SECONDS).event();
    }
}
