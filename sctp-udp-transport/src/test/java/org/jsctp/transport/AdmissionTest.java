package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission control refuses new associations with a reason the peer sees; attachments reach the listener first. */
class AdmissionTest {

    private static final long T = Endpoints.TIMEOUT_S;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    private UdpSctpEndpoint bind(int sctpPort, AssociationListener listener, AdmissionControl admission)
            throws Exception {
        return endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(InetAddress.getByName("127.0.0.1")).udpPort(0)
                .sctpPort(sctpPort).listener(listener).admission(admission).bind().get(T, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedInitIsAnsweredWithAnAbortCarryingTheReason() throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        UdpSctpEndpoint server = bind(7, serverEvents, (remote, port) -> "not listening on SCTP port 7");
        UdpSctpEndpoint client = endpoints.bind(5001, AssociationListener.IGNORE);

        assertThatThrownBy(() -> client.connect(Endpoints.addressOf(server, InetAddress.getByName("127.0.0.1")), 7)
                .get(T, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AssociationFailedException.class)
                .hasMessageContaining("aborted by the peer").hasMessageContaining("not listening on SCTP port 7");
        assertThat(server.associations()).isEmpty();
        assertThat(serverEvents.events()).isEmpty();
    }

    @Test
    void anAdmittedPeerGetsItsAssociationAndTheConnectorsAttachmentIsThereAtCommunicationUp() throws Exception {
        UdpSctpEndpoint server = bind(7, AssociationListener.IGNORE, AdmissionControl.ADMIT_ALL);
        AtomicReference<Object> seenAtUp = new AtomicReference<>();
        UdpSctpEndpoint client = endpoints.bind(InetAddress.getByName("127.0.0.1"), 5001, (a, e) -> {
            if (e instanceof AssociationEvent.CommunicationUp) {
                seenAtUp.set(a.attachment());
            }
        }, TransportType.AUTO, AssociationConfig.defaults());

        SctpUdpAssociation a = client.connect(Endpoints.addressOf(server, InetAddress.getByName("127.0.0.1")), 7,
                "mine").get(T, TimeUnit.SECONDS);
        assertThat(seenAtUp.get()).isEqualTo("mine");
        assertThat(a.attachment()).isEqualTo("mine");
        assertThat(a.sendBufferAvailable()).isEqualTo(AssociationConfig.defaults().sendBufferBytes());
        assertThat(a.call((core, now) -> core.outboundStreams()).get(T, TimeUnit.SECONDS)).isEqualTo(10);
    }
}
