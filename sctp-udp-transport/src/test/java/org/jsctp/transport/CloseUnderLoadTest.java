package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An endpoint closed under load (issue 5): hundreds of associations keep messages flowing both
 * ways when the server endpoint is closed, gracefully (shutdowns, then aborts after the close
 * timeout) or at once (aborts). Every association on both sides ends with a clear event, every
 * send future completes (accepted, or failed with a typed error), nothing hangs, and no thread
 * or ByteBuf is left behind.
 */
class CloseUnderLoadTest {

    private static final int ASSOCIATIONS = Soak.pick(300, 2000);
    private static final int IN_FLIGHT_EACH = 4;
    private static final int ECHOES_BEFORE_CLOSE = Soak.pick(20, 200) * ASSOCIATIONS;
    private static final long T = 120;

    @ParameterizedTest(name = "graceful close: {0}")
    @ValueSource(booleans = {true, false})
    void everyAssociationEndsClearlyAndNothingHangs(boolean graceful) throws Exception {
        Set<Thread> threadsBefore = JvmResources.liveThreads();
        InetAddress host = InetAddress.getByName("127.0.0.1");
        AssociationConfig config = AssociationConfig.defaults();
        Endings serverEndings = new Endings();
        AtomicInteger echoed = new AtomicInteger();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        try (LeakWatch leaks = new LeakWatch()) {
            UdpSctpEndpoint server = UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(5000)
                    .closeTimeout(graceful ? Duration.ofSeconds(2) : Duration.ZERO)
                    .listener((a, e) -> {
                        serverEndings.onEvent(a, e);
                        if (e instanceof AssociationEvent.MessageReceived m) {
                            ReceivedMessage r = m.message();
                            a.send(OutgoingMessage.of(r.streamId(), r.ppid(), false, r.payload()));
                            if (echoed.incrementAndGet() == ECHOES_BEFORE_CLOSE) {
                                loaded.complete(null);
                            }
                        }
                    })
                    .bind().get(T, TimeUnit.SECONDS);
            Queue<CompletableFuture<SendQueue.OfferResult>> sends = new ConcurrentLinkedQueue<>();
            Endings clientEndings = new Endings();
            AssociationListener clients = (a, e) -> {
                clientEndings.onEvent(a, e);
                if (e instanceof AssociationEvent.MessageReceived m) {
                    sends.add(a.send(OutgoingMessage.of(0, 0, false, m.message().payload()))); // keep it going
                }
            };
            ClientFleet fleet = ClientFleet.bind(host, ASSOCIATIONS, 20_000, 1, config, clients);
            InetSocketAddress to = new InetSocketAddress(host, server.localUdpPort());
            List<SctpUdpAssociation> up = new ArrayList<>();
            for (CompletableFuture<SctpUdpAssociation> c : fleet.connectAll(to, 5000, 200)) {
                up.add(c.get(T, TimeUnit.SECONDS));
            }
            for (SctpUdpAssociation c : up) {
                for (int i = 0; i < IN_FLIGHT_EACH; i++) {
                    sends.add(c.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100 + 300 * i]))));
                }
            }
            loaded.get(T, TimeUnit.SECONDS);

            server.close().get(T, TimeUnit.SECONDS);

            assertThat(server.associations()).isEmpty();
            for (SctpUdpAssociation c : up) {
                c.closeFuture().get(T, TimeUnit.SECONDS);
            }
            assertThat(clientEndings.ended()).hasSize(ASSOCIATIONS);
            assertThat(serverEndings.ended()).hasSize(ASSOCIATIONS);
            if (!graceful) {
                assertThat(clientEndings.ended().values()).allSatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(AssociationEvent.CommunicationLost.class,
                                lost -> assertThat(lost.reason()).contains("aborted by the peer")));
            }
            int refused = 0;
            for (CompletableFuture<SendQueue.OfferResult> s; (s = sends.poll()) != null; ) {
                try {
                    s.get(T, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Sends after the peer's SHUTDOWN or the ABORT are refused with a typed error.
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                    refused++;
                }
            }
            System.out.printf("CloseUnderLoadTest(graceful=%s): %d echoes before the close, %d sends refused after it; "
                    + "client endings %s%n", graceful, echoed.get(), refused, clientEndings.kinds());
            fleet.close();
            assertThat(leaks.leaksAfterGc()).isEmpty();
        }
        assertThat(JvmResources.threadsLeftSince(threadsBefore, 30_000)).isEmpty();
    }

    /** The event each association ended with: ShutdownComplete or CommunicationLost, exactly once. */
    private static final class Endings implements AssociationListener {
        private final Map<SctpUdpAssociation, AssociationEvent> ended = new ConcurrentHashMap<>();
        private final AtomicInteger twice = new AtomicInteger();

        @Override
        public void onEvent(SctpUdpAssociation a, AssociationEvent e) {
            if ((e instanceof AssociationEvent.ShutdownComplete || e instanceof AssociationEvent.CommunicationLost)
                    && ended.putIfAbsent(a, e) != null) {
                twice.incrementAndGet();
            }
        }

        Map<SctpUdpAssociation, AssociationEvent> ended() {
            assertThat(twice.get()).as("associations that ended twice").isZero();
            return ended;
        }

        Map<String, Long> kinds() {
            Map<String, Long> out = new java.util.TreeMap<>();
            ended.values().forEach(e -> out.merge(e.getClass().getSimpleName(), 1L, Long::sum));
            return out;
        }
    }
}
