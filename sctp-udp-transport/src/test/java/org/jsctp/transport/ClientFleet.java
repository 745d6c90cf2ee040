package org.jsctp.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;

/**
 * Many client endpoints of ours, one per association, sharing one event loop group: each has its
 * own SCTP port (two endpoints have at most one association between them, RFC 9260 section 1.3)
 * and its own UDP port, as many separate clients would. For load tests and benchmarks.
 */
public final class ClientFleet implements AutoCloseable {

    /** The thread-name prefix of the fleet's event loop threads. */
    public static final String THREAD_PREFIX = "fleet";

    private final EventLoopGroup group;
    private final List<UdpSctpEndpoint> endpoints;

    private ClientFleet(EventLoopGroup group, List<UdpSctpEndpoint> endpoints) {
        this.group = group;
        this.endpoints = endpoints;
    }

    /**
     * Binds {@code count} endpoints on {@code host}, SCTP ports {@code firstSctpPort} onwards,
     * ephemeral UDP ports, on a group of {@code threads} event loops.
     */
    public static ClientFleet bind(InetAddress host, int count, int firstSctpPort, int threads,
                                   AssociationConfig config, AssociationListener listener) throws Exception {
        if (firstSctpPort + count - 1 > 65535) {
            throw new IllegalArgumentException("not enough SCTP ports from " + firstSctpPort + " for " + count);
        }
        TransportType type = TransportType.AUTO.resolve();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true),
                type.ioHandlerFactory());
        List<CompletableFuture<UdpSctpEndpoint>> binds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            binds.add(UdpSctpEndpoint.builder()
                    .bindAddress(host)
                    .udpPort(0)
                    .sctpPort(firstSctpPort + i)
                    .associationConfig(config)
                    .eventLoopGroup(group)
                    .socketBufferBytes(256 * 1024)
                    .listener(listener)
                    .bind());
        }
        List<UdpSctpEndpoint> endpoints = new ArrayList<>(count);
        try {
            for (CompletableFuture<UdpSctpEndpoint> b : binds) {
                endpoints.add(b.get(60, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            new ClientFleet(group, endpoints).close();
            throw e;
        }
        return new ClientFleet(group, endpoints);
    }

    /** How many endpoints the fleet has. */
    public int size() {
        return endpoints.size();
    }

    /** The fleet's endpoints. */
    public List<UdpSctpEndpoint> endpoints() {
        return endpoints;
    }

    /**
     * Connects every endpoint to {@code server} (SCTP port {@code serverSctpPort}), at most
     * {@code window} handshakes at a time; the attachment of association {@code i} is {@code i}.
     * Returns the futures in endpoint order; they fail as {@link UdpSctpEndpoint#connect} says.
     */
    public List<CompletableFuture<SctpUdpAssociation>> connectAll(InetSocketAddress server, int serverSctpPort,
                                                                   int window) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        List<CompletableFuture<SctpUdpAssociation>> out = new ArrayList<>(endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            slots.acquire();
            CompletableFuture<SctpUdpAssociation> f = endpoints.get(i).connect(server, serverSctpPort, i);
            f.whenComplete((a, e) -> slots.release());
            out.add(f);
        }
        return out;
    }

    /** Closes every endpoint, then the group; waits for all of it. */
    @Override
    public void close() throws Exception {
        List<CompletableFuture<Void>> closes = new ArrayList<>(endpoints.size());
        for (UdpSctpEndpoint e : endpoints) {
            closes.add(e.close());
        }
        CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    }
}
