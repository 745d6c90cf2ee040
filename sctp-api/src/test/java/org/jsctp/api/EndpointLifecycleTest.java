package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listening, the accept backlog, and closing an endpoint. */
class EndpointLifecycleTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aListenerOnlyServerIsNotFilledUpByAssociationsThatClosedButOneWithUnreadDataStays() throws Exception {
        java.util.List<byte[]> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7)
                .listener(new SctpListener() {
                    @Override
                    public void onMessage(SctpReceivedMessage m) {
                        heard.add(m.toByteArray());
                    }
                }).build());
        server.listen(1);
        for (int i = 0; i < 4; i++) { // more than the backlog, one after the other
            SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
            a.send(SctpMessage.of(Loopback.pattern(i, 100)));
            a.shutdown();
            int seen = i + 1;
            Eventually.until("the closed association left the backlog", () -> heard.size() == seen
                    && server.waitingToBeAccepted() == 0);
        }
        assertThat(heard).hasSize(4);

        SctpEndpoint queued = net.adopt(net.endpoint().sctpPort(8).build()); // no listener: messages wait
        queued.listen(1);
        SctpAssociation a = net.client().connect(Loopback.addressOf(queued), 8);
        a.send(SctpMessage.of(Loopback.pattern(9, 100)));
        a.shutdown();
        SctpAssociation late = queued.accept(Loopback.TIMEOUT);
        late.onClose().get(Loopback.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(late.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(9, 100));
    }

    @Test
    void acceptRespectsTheBacklogAndAcceptingMakesRoomAgain() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        server.listen(1);
        SctpAssociation first = net.client().connect(Loopback.addressOf(server), 7);
        assertThatThrownBy(() -> net.client().connect(Loopback.addressOf(server), 7))
                .isInstanceOf(SctpConnectException.class)
                .hasMessageContaining("backlog full");
        SctpAssociation accepted = server.accept(Loopback.TIMEOUT);
        assertThat(accepted.remoteSctpPort()).isEqualTo(first.localSctpPort());
        SctpAssociation third = net.client().connect(Loopback.addressOf(server), 7);
        assertThat(server.accept(Loopback.TIMEOUT).remoteSctpPort()).isEqualTo(third.localSctpPort());
        assertThat(server.associations()).hasSize(2);
        assertThat(server.associations().get(0).id()).isNotEqualTo(server.associations().get(1).id());
    }

    @Test
    void acceptBeforeListenIsRefused() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).build());
        assertThatThrownBy(server::accept).isInstanceOf(IllegalStateException.class).hasMessageContaining("listen()");
    }

    @Test
    void closingAnEndpointShutsItsAssociationsDownOnBothSides() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        a.send(SctpMessage.of(new byte[] {42}));

        server.close();
        server.close(); // idempotent

        assertThat(b.state()).isEqualTo(SctpAssociationState.CLOSED);
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(42);
        assertThat(b.receive(Loopback.TIMEOUT)).isNull();
        assertThat(a.receive(Loopback.TIMEOUT)).as("the client sees a graceful end of data").isNull();
        a.onClose().get(20, TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(SctpAssociationState.CLOSED);
        assertThat(client.associations()).isEmpty();
        assertThatThrownBy(server::accept).isInstanceOf(SctpClosedException.class);
    }

    @Test
    void anEndpointOwningItsThreadsReleasesItsPortOnClose() throws Exception {
        SctpEndpoint first = net.endpoint().threads(2).build();
        int port = first.localAddress().getPort();
        first.close();
        SctpEndpoint again = net.adopt(net.endpoint().udpPort(port).build());
        assertThat(again.localAddress().getPort()).isEqualTo(port);
        assertThat(again.sctpPort()).isBetween(49152, 65535);
    }
}
