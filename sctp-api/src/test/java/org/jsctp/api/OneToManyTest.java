package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One one-to-many server with three clients: messages name their association; implicit setup by sending. */
class OneToManyTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private static SctpMessage text(String s) {
        return SctpMessage.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(SctpReceivedMessage m) {
        return new String(m.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void threeClientsSetUpAssociationsImplicitlyAndTheServerTellsThemApartAndAnswersEach() throws Exception {
        SctpMultiEndpoint server = net.adopt(net.multiEndpoint().sctpPort(7).build());
        server.listen();
        List<SctpMultiEndpoint> clients = List.of(net.adopt(net.multiEndpoint().build()),
                net.adopt(net.multiEndpoint().build()), net.adopt(net.multiEndpoint().build()));

        Map<String, SctpAssociation> clientSide = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            SctpAssociation a = clients.get(i).send(Loopback.addressOf(server), 7, text("hello from " + i));
            clientSide.put("hello from " + i, a);
            assertThat(clients.get(i).associations()).containsExactly(a);
            // a second send to the same peer reuses the association
            assertThat(clients.get(i).send(Loopback.addressOf(server), 7, text("again from " + i))).isSameAs(a);
        }

        Map<Integer, String> firstByAssociation = new HashMap<>();
        for (int k = 0; k < 6; k++) {
            SctpReceivedMessage m = server.receive(Loopback.TIMEOUT);
            String t = text(m);
            firstByAssociation.putIfAbsent(m.association().id(), t);
            assertThat(server.association(m.association().id())).isSameAs(m.association());
            server.send(m.association(), text("re: " + t));
        }
        assertThat(server.associations()).hasSize(3);
        assertThat(firstByAssociation.values()).containsExactlyInAnyOrder("hello from 0", "hello from 1",
                "hello from 2");

        for (int i = 0; i < 3; i++) {
            SctpReceivedMessage first = clients.get(i).receive(Loopback.TIMEOUT);
            SctpReceivedMessage second = clients.get(i).receive(Loopback.TIMEOUT);
            assertThat(text(first)).isEqualTo("re: hello from " + i);
            assertThat(text(second)).isEqualTo("re: again from " + i);
            assertThat(first.association()).isSameAs(clientSide.get("hello from " + i));
        }
    }

    @Test
    void receivingOnAOneToManyAssociationIsRefusedWithAPointerToTheEndpoint() throws Exception {
        SctpMultiEndpoint server = net.adopt(net.multiEndpoint().sctpPort(7).build());
        server.listen();
        SctpMultiEndpoint client = net.adopt(net.multiEndpoint().build());
        SctpAssociation a = client.send(Loopback.addressOf(server), 7, text("x"));
        assertThatThrownBy(a::receive).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("receive on the SctpMultiEndpoint");
        assertThatThrownBy(a::poll).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aOneToManyEndpointThatDoesNotListenRefusesImplicitSetup() throws Exception {
        SctpMultiEndpoint server = net.adopt(net.multiEndpoint().sctpPort(7).build());
        SctpMultiEndpoint client = net.adopt(net.multiEndpoint().build());
        assertThatThrownBy(() -> client.send(Loopback.addressOf(server), 7, text("x")))
                .isInstanceOf(SctpConnectException.class)
                .hasMessageContaining("refused by peer")
                .hasMessageContaining("not listening");
        assertThat(client.sendAsync(Loopback.addressOf(server), 7, text("x")))
                .failsWithin(20, TimeUnit.SECONDS);
    }

    @Test
    void aListenerOnTheEndpointGetsEveryAssociationsMessagesAndSubscribedNotifications() throws Exception {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch twoMessages = new java.util.concurrent.CountDownLatch(2);
        SctpMultiEndpoint server = net.adopt(net.multiEndpoint().sctpPort(7).listener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                seen.add(text(m));
                twoMessages.countDown();
            }

            @Override
            public void onNotification(SctpNotification n) {
                seen.add(n.kind());
            }
        }).build());
        server.subscribe(NotificationKind.ASSOCIATION_CHANGE);
        server.listen();
        net.adopt(net.multiEndpoint().build()).send(Loopback.addressOf(server), 7, text("one"));
        net.adopt(net.multiEndpoint().build()).send(Loopback.addressOf(server), 7, text("two"));
        assertThat(twoMessages.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactlyInAnyOrder(NotificationKind.ASSOCIATION_CHANGE,
                NotificationKind.ASSOCIATION_CHANGE, "one", "two");
        assertThat(seen.indexOf("one")).isGreaterThan(seen.indexOf(NotificationKind.ASSOCIATION_CHANGE));
    }
}
