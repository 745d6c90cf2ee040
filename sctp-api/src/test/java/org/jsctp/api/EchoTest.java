package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** One-to-one echo over loopback in the blocking, asynchronous and listener styles. */
class EchoTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    /** Echoes every message on its stream, ordered or not, until the end of data. */
    private static void echoUntilEnd(SctpAssociation a) throws Exception {
        for (SctpReceivedMessage m; (m = a.receive(Loopback.TIMEOUT)) != null; ) {
            a.send(SctpMessage.wrap(m.toByteArray()).withStream(m.stream()).withPpid(m.ppid())
                    .withUnordered(m.isUnordered()));
        }
        a.shutdown();
    }

    private void blockingEcho(ThreadFactory threads) throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        CompletableFuture<Void> served = new CompletableFuture<>();
        threads.newThread(() -> {
            try {
                echoUntilEnd(server.accept(Loopback.TIMEOUT));
                served.complete(null);
            } catch (Throwable t) {
                served.completeExceptionally(t);
            }
        }).start();

        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] p = Loopback.pattern(i, 1 + i * 211);
            sent.add(p);
            a.send(SctpMessage.of(p).withStream(i % 5).withPpid(51));
        }
        for (int i = 0; i < 50; i++) {
            SctpReceivedMessage m = a.receive(Loopback.TIMEOUT);
            assertThat(m.toByteArray()).isEqualTo(sent.get(i)); // one stream's order is kept; here all in order anyway
            assertThat(m.stream()).isEqualTo(i % 5);
            assertThat(m.ppid()).isEqualTo(51);
            assertThat(m.isComplete()).isTrue();
            assertThat(m.association()).isSameAs(a);
        }
        a.shutdown();
        assertThat(a.receive(Loopback.TIMEOUT)).as("end of data after a graceful shutdown").isNull();
        served.get(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(SctpAssociationState.CLOSED);
        assertThat(client.associations()).isEmpty();
    }

    @Test
    void blockingEchoOnPlatformThreads() throws Exception {
        blockingEcho(Thread::new);
    }

    @Test
    void blockingEchoOnVirtualThreads() throws Exception {
        ThreadFactory virtual;
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            virtual = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (NoSuchMethodException e) {
            Assumptions.abort("virtual threads need Java 21 or later; this is Java " + Runtime.version());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        virtual.newThread(() -> {
            try {
                blockingEcho(virtual);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }).start();
        done.get(Loopback.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
    }

    @Test
    void asynchronousEcho() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        server.acceptAsync().thenAccept(s -> echoAsync(s));

        SctpAssociation a = client.connectAsync(Loopback.addressOf(server), 7).get(20, TimeUnit.SECONDS);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(a.sendAsync(SctpMessage.wrap(Loopback.pattern(i, 100 + i)).withStream(i % 3)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            SctpReceivedMessage m = a.receiveAsync().get(20, TimeUnit.SECONDS);
            assertThat(m.toByteArray()).isEqualTo(Loopback.pattern(i, 100 + i));
        }
        a.shutdownAsync().get(20, TimeUnit.SECONDS);
        assertThat(a.receiveAsync().get(20, TimeUnit.SECONDS)).isNull();
        a.onClose().get(20, TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(SctpAssociationState.CLOSED);
    }

    private static void echoAsync(SctpAssociation s) {
        s.receiveAsync().thenAccept(m -> {
            if (m != null) {
                s.sendAsync(SctpMessage.wrap(m.toByteArray()).withStream(m.stream()));
                echoAsync(s);
            }
        });
    }

    @Test
    void listenerEchoWithTheListenerSetOnTheServersBuilder() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).listener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                m.association().sendAsync(SctpMessage.wrap(m.toByteArray()).withStream(m.stream()).unordered());
            }
        }).build());
        server.listen();
        SctpEndpoint client = net.client();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        List<SctpReceivedMessage> echoes = new ArrayList<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        a.setListener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                echoes.add(m);
                if (echoes.size() == 30) {
                    all.complete(null);
                }
            }
        });
        for (int i = 0; i < 30; i++) {
            a.sendAsync(SctpMessage.of(Loopback.pattern(i, 500)).withStream(i % 4));
        }
        all.get(20, TimeUnit.SECONDS);
        assertThat(echoes).allSatisfy(m -> assertThat(m.isUnordered()).isTrue());
        assertThat(echoes).extracting(SctpReceivedMessage::length).containsOnly(500);
        // unordered echoes may overtake each other, but every message came back once, intact
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(java.util.HexFormat.of().formatHex(Loopback.pattern(i, 500)));
        }
        assertThat(echoes).extracting(m -> java.util.HexFormat.of().formatHex(m.toByteArray()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
