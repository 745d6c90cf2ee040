package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SctpEndpoint.Builder#eventLoops(int)}: several event loops serve one UDP port (SO_REUSEPORT,
 * native epoll), the kernel spreads the peers over them, every association works, and each
 * association's listener runs on its own loop.
 */
class EventLoopsTest {

    private static final int CLIENTS = 16;

    private final Loopback net = new Loopback();
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    @AfterEach
    void close() throws Exception {
        net.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aLoopCountBelowOneIsRefused() {
        assertThatThrownBy(() -> SctpEndpoint.builder().eventLoops(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peersSpreadOverTheLoopsAndEveryAssociationEchoes() throws Exception {
        Set<Thread> serverThreads = ConcurrentHashMap.newKeySet();
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).eventLoops(2).listener(new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                serverThreads.add(Thread.currentThread());
                m.association().sendAsync(SctpMessage.of(m.toByteArray()));
            }
        }).build());
        assumeTrue(server.transportType() == SctpTransportType.EPOLL, "several loops on one port need native epoll");
        server.listen();
        List<SctpAssociation> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            SctpEndpoint c = net.adopt(net.endpoint().eventLoopGroup(clientGroup).transportType(SctpTransportType.NIO).build());
            clients.add(c.connect(Loopback.addressOf(server), 7));
        }
        for (int i = 0; i < CLIENTS; i++) {
            clients.get(i).send(SctpMessage.of(Loopback.pattern(i, 200)));
        }
        for (int i = 0; i < CLIENTS; i++) {
            assertThat(clients.get(i).receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(i, 200));
        }
        assertThat(server.transport().eventLoopCount()).isEqualTo(2);
        // 16 peers with their own UDP ports: all on one loop has a chance of 2^-15
        assertThat(serverThreads).as("threads the server's listener ran on").hasSize(2);
    }
}
