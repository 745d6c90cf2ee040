package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocking calls made on the endpoint's event-loop thread are refused with a message that says what to use. */
class EventLoopRefusalTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void aBlockingReceiveInsideAListenerIsRefusedAndTheListenerKeepsWorking() throws Exception {
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        CompletableFuture<Boolean> trySendWorked = new CompletableFuture<>();
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).listener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                try {
                    m.association().send(SctpMessage.of(new byte[] {1}));
                    refusal.complete(null);
                } catch (Throwable t) {
                    refusal.complete(t);
                }
                try {
                    trySendWorked.complete(m.association().trySend(SctpMessage.of(new byte[] {2})));
                } catch (Exception e) {
                    trySendWorked.completeExceptionally(e);
                }
            }
        }).build());
        server.listen();
        SctpAssociation a = net.client().connect(Loopback.addressOf(server), 7);
        a.send(SctpMessage.of(new byte[] {0}));

        Throwable t = refusal.get(20, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SctpAssociation.send() blocks")
                .hasMessageContaining("event-loop thread")
                .hasMessageContaining("use sendAsync() or trySend()");
        assertThat(trySendWorked.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(2);
    }

    @Test
    void aBlockingCallInAFuturesCallbackOnTheEventLoopIsRefused() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.client();
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        server.acceptAsync();
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        a.receiveAsync().whenComplete((m, e) -> {
            try {
                a.statistics();
                refusal.complete(null);
            } catch (Throwable x) {
                refusal.complete(x);
            }
        });
        SctpAssociation s = server.associations().get(0);
        s.send(SctpMessage.of(new byte[] {7}));
        assertThat(refusal.get(20, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("statisticsAsync()");
    }
}
