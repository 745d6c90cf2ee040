package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * Several event loops on one UDP port (SO_REUSEPORT on epoll): associations spread over the
 * loops, each association's events come on its own loop, all of them work, also those whose
 * packets the kernel delivers to another loop than the owner's (ours connecting out); with NIO
 * the endpoint falls back to one loop.
 */
class ReusePortEventLoopsTest {

    private static final long T = 60;
    private static final int CLIENTS = 64;

    @Test
    void associationsSpreadOverTheLoopsAndAllWork() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        InetAddress host = InetAddress.getByName("127.0.0.1");
        AtomicInteger offLoop = new AtomicInteger();
        UdpSctpEndpoint server = UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(5000)
                .transportType(TransportType.EPOLL).eventLoops(2)
                .listener((a, e) -> {
                    if (!a.eventLoop().inEventLoop()) {
                        offLoop.incrementAndGet();
                    }
                    echo(a, e);
                })
                .bind().get(T, TimeUnit.SECONDS);
        Echoes echoes = new Echoes(CLIENTS);
        try (ClientFleet fleet = ClientFleet.bind(host, CLIENTS, 20_000, 1, AssociationConfig.defaults(), echoes)) {
            assertThat(server.eventLoopCount()).isEqualTo(2);
            InetSocketAddress to = new InetSocketAddress(host, server.localUdpPort());
            for (CompletableFuture<SctpUdpAssociation> c : fleet.connectAll(to, 5000, 16)) {
                c.get(T, TimeUnit.SECONDS).send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[] {1, 2, 3})));
            }
            echoes.all().get(T, TimeUnit.SECONDS);

            Set<EventLoop> loops = new HashSet<>();
            server.associations().forEach(a -> loops.add(a.eventLoop()));
            assertThat(server.associations()).hasSize(CLIENTS);
            assertThat(loops).as("loops the server's associations run on").hasSize(2);
            assertThat(offLoop).hasValue(0);
        } finally {
            server.close().get(T, TimeUnit.SECONDS);
        }
    }

    @Test
    void associationsWeStartWorkWhicheverLoopTheirPacketsReach() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        InetAddress host = InetAddress.getByName("127.0.0.1");
        int peers = 16;
        Echoes echoes = new Echoes(peers);
        UdpSctpEndpoint multi = UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(5000)
                .transportType(TransportType.EPOLL).eventLoops(2).listener(echoes).bind().get(T, TimeUnit.SECONDS);
        try (ClientFleet fleet = ClientFleet.bind(host, peers, 20_000, 1, AssociationConfig.defaults(),
                ReusePortEventLoopsTest::echo)) {
            List<SctpUdpAssociation> ours = new ArrayList<>();
            for (UdpSctpEndpoint peer : fleet.endpoints()) {
                ours.add(multi.connect(new InetSocketAddress(host, peer.localUdpPort()), peer.sctpPort())
                        .get(T, TimeUnit.SECONDS));
            }
            for (SctpUdpAssociation a : ours) {
                a.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[] {4, 5})));
            }
            echoes.all().get(T, TimeUnit.SECONDS);
            Set<EventLoop> loops = new HashSet<>();
            ours.forEach(a -> loops.add(a.eventLoop()));
            assertThat(loops).hasSize(2); // taken in turn
            for (SctpUdpAssociation a : ours) {
                a.shutdown().get(T, TimeUnit.SECONDS);
            }
            assertThat(multi.associations()).isEmpty();
        } finally {
            multi.close().get(T, TimeUnit.SECONDS);
        }
    }

    @Test
    void withNioTheEndpointUsesOneLoop() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        Echoes echoes = new Echoes(1);
        UdpSctpEndpoint server = UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(5000)
                .transportType(TransportType.NIO).eventLoops(4).listener(ReusePortEventLoopsTest::echo)
                .bind().get(T, TimeUnit.SECONDS);
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().bindAddress(host).udpPort(0).sctpPort(5001)
                .transportType(TransportType.NIO).listener(echoes).bind().get(T, TimeUnit.SECONDS);
        try {
            assertThat(server.eventLoopCount()).isEqualTo(1);
            client.connect(new InetSocketAddress(host, server.localUdpPort()), 5000).get(T, TimeUnit.SECONDS)
                    .send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[] {9})));
            echoes.all().get(T, TimeUnit.SECONDS);
        } finally {
            client.close().get(T, TimeUnit.SECONDS);
            server.close().get(T, TimeUnit.SECONDS);
        }
    }

    private static void echo(SctpUdpAssociation a, AssociationEvent e) {
        if (e instanceof AssociationEvent.MessageReceived m) {
            ReceivedMessage r = m.message();
            a.send(OutgoingMessage.of(r.streamId(), r.ppid(), false, r.payload()));
        }
    }

    /** Completes once {@code expected} messages have come back. */
    private static final class Echoes implements AssociationListener {
        private final AtomicInteger left;
        private final CompletableFuture<Void> all = new CompletableFuture<>();

        Echoes(int expected) {
            left = new AtomicInteger(expected);
        }

        @Override
        public void onEvent(SctpUdpAssociation a, AssociationEvent e) {
            if (e instanceof AssociationEvent.MessageReceived && left.decrementAndGet() == 0) {
                all.complete(null);
            }
        }

        CompletableFuture<Void> all() {
            return all;
        }
    }
}
