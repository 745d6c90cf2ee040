package org.jsctp.api;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.transport.UdpSctpEndpoint;

/**
 * The settings both endpoint styles share; {@link #build()} binds the endpoint's UDP socket.
 * Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <E> the endpoint it builds
 */
public abstract class SctpEndpointBuilder<B extends SctpEndpointBuilder<B, E>, E> {

    /** The UDP port IANA assigned to SCTP over UDP (RFC 6951 section 5.1). */
    public static final int SCTP_UDP_PORT = 9899;
    /** The first SCTP port picked when {@link #sctpPort(int)} is 0 (the IANA dynamic range). */
    static final int EPHEMERAL_FIRST = 49152;

    int udpPort = SCTP_UDP_PORT;
    InetAddress localAddress;
    int sctpPort;
    int remoteUdpPort = SCTP_UDP_PORT;
    EventLoopGroup group;
    int threads = 1;
    SctpTransportType transportType = SctpTransportType.AUTO;
    Duration closeTimeout = Duration.ofSeconds(3);
    SctpListener listener;
    int pendingSendLimit = 1024;
    int socketBufferBytes;
    Boolean segmentationOffload;
    Integer maxAssociations;
    Integer outOfTheBlueAnswersPerSecond;
    final OptionDefaults options = new OptionDefaults();
    java.util.List<InetAddress> localAddresses = java.util.List.of();

    SctpEndpointBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The local UDP port, 0..65535; 0 picks a free one. Default 9899 (RFC 6951 section 5.1).
     *
     * @param port the UDP port, 0..65535
     * @return this builder
     */
    public B udpPort(int port) {
        this.udpPort = port(port, 0, "UDP port");
        return self();
    }

    /**
     * The local address, IPv4 or IPv6. Default: the wildcard address (dual-stack where available).
     *
     * @param address the address to bind
     * @return this builder
     */
    public B localAddress(InetAddress address) {
        this.localAddress = Objects.requireNonNull(address, "address");
        return self();
    }

    /**
     * The local addresses of a multi-homed endpoint (RFC 9260 section 6.4; the {@code sctp_bindx}
     * of RFC 6458 section 9.1), all on the one UDP port: each gets a socket of its own, and with
     * two or more the associations list them in INIT and INIT ACK so the peer may use each as a
     * path. Replaces {@link #localAddress}; empty goes back to it.
     *
     * @throws IllegalArgumentException for the wildcard address or a duplicate
     * @param addresses the addresses to bind, none the wildcard
     * @return this builder
     */
    public B localAddresses(InetAddress... addresses) {
        return localAddresses(java.util.List.of(addresses));
    }

    /**
     * As {@link #localAddresses(InetAddress...)}.
     *
     * @param addresses the addresses to bind, none the wildcard
     * @return this builder
     */
    public B localAddresses(java.util.List<InetAddress> addresses) {
        UdpSctpEndpoint.builder().bind(addresses); // the same checks as the transport's, now
        this.localAddresses = java.util.List.copyOf(addresses);
        return self();
    }

    /**
     * Our SCTP port, 0..65535; 0 (the default) picks one from the dynamic range 49152..65535.
     *
     * @param port the SCTP port, 0..65535
     * @return this builder
     */
    public B sctpPort(int port) {
        this.sctpPort = port(port, 0, "SCTP port");
        return self();
    }

    /**
     * The peer's UDP port used when an address given to connect or send has port 0, until the
     * peer's packets tell the real one (RFC 6951 section 5.4). Default 9899.
     *
     * @param port the peer's UDP port, 1..65535
     * @return this builder
     */
    public B remoteUdpPort(int port) {
        this.remoteUdpPort = port(port, 1, "remote UDP port");
        return self();
    }

    /**
     * Runs the endpoint on one event loop of {@code group}, which the endpoint does not shut
     * down. Default: the endpoint creates a group of {@link #threads(int)} threads and shuts it
     * down on close.
     *
     * @param group the group to take an event loop from
     * @return this builder
     */
    public B eventLoopGroup(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
        return self();
    }

    /**
     * Threads of the event loop group the endpoint creates and owns (without
     * {@link #eventLoopGroup}); the endpoint's socket and associations run on one of them, so more
     * than one helps only listeners that hand work on. Default 1.
     *
     * @param threads at least 1
     * @return this builder
     */
    public B threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        return self();
    }

    /**
     * Native epoll, NIO, or whichever is best here ({@link SctpTransportType#AUTO}, the default).
     *
     * @param type the socket implementation
     * @return this builder
     */
    public B transportType(SctpTransportType type) {
        this.transportType = Objects.requireNonNull(type, "type");
        return self();
    }

    /**
     * An option's value for every association of the endpoint (they can be changed per
     * association where {@link SctpOption#isLive()}). Later settings of the same option win.
     *
     * @throws IllegalArgumentException if the value is out of the option's range
     * @param <T> the option's value type
     * @param option one of {@link SctpOptions}
     * @param value its value for new associations
     * @return this builder
     */
    public <T> B option(SctpOption<T> option, T value) {
        options.set(Objects.requireNonNull(option, "option"), value);
        return self();
    }

    /**
     * How long {@code close()} waits for graceful shutdowns of the associations before aborting
     * them; zero aborts at once. Default 3 s.
     *
     * @param timeout zero or positive
     * @return this builder
     */
    public B closeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative close timeout: " + timeout);
        }
        this.closeTimeout = timeout;
        return self();
    }

    /**
     * A listener every association of the endpoint has from its start (accepted ones included),
     * so no message or notification can reach a queue before it is set.
     *
     * @param listener the listener
     * @return this builder
     */
    public B listener(SctpListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * How many {@code sendAsync} messages may wait per association for room in a full send
     * buffer before further ones fail with {@link SctpSendBufferFullException}. Default 1024.
     *
     * @param messages zero or more
     * @return this builder
     */
    public B pendingSendLimit(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("pendingSendLimit must not be negative: " + messages);
        }
        this.pendingSendLimit = messages;
        return self();
    }

    /**
     * SO_RCVBUF and SO_SNDBUF of the endpoint's UDP socket, in bytes (the kernel caps them at
     * {@code net.core.rmem_max} / {@code wmem_max}). Too small a receive buffer overflows in
     * bursts, which SCTP sees as loss. Default 2 MiB.
     *
     * @param bytes the buffer size in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public B socketBufferBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("socket buffer must be positive: " + bytes);
        }
        this.socketBufferBytes = bytes;
        return self();
    }

    /**
     * Whether Linux's UDP segmentation offloads are used where the epoll transport has them
     * (default on): runs of equal-length packets to one peer leave in one system call, and the
     * kernel may hand several received datagrams over at once. Off, every datagram is a system
     * call of its own, and a capture on the sending host shows each packet as the peer gets it.
     *
     * @param on whether to use the offloads
     * @return this builder
     */
    public B segmentationOffload(boolean on) {
        this.segmentationOffload = on;
        return self();
    }

    /**
     * How many associations the endpoint holds at most; a peer's COOKIE ECHO that would make one
     * more is answered with an ABORT (Out of Resource, RFC 9260 section 3.3.10.4). Default 65,536.
     *
     * @param associations at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public B maxAssociations(int associations) {
        this.maxAssociations = EndpointConfig.checkMaxAssociations(associations);
        return self();
    }

    /**
     * How many packets of no association (out of the blue, RFC 9260 section 8.4) the endpoint
     * answers with an ABORT or SHUTDOWN COMPLETE per second at most, in bursts of up to one
     * second's worth; the rest go unanswered, so the endpoint cannot be made to reflect a spoofed
     * flood one for one. Default 200.
     *
     * @param perSecond 0 (answer none) to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public B outOfTheBlueAnswersPerSecond(int perSecond) {
        this.outOfTheBlueAnswersPerSecond = EndpointConfig.checkOutOfTheBlueAnswersPerSecond(perSecond);
        return self();
    }

    /**
     * Creates the endpoint and binds its UDP socket; the future completes with the endpoint, or
     * fails with the reason (e.g. a {@link java.net.BindException}).
     *
     * @throws IllegalArgumentException if the options contradict each other
     * @return completes with the bound endpoint
     */
    public abstract CompletableFuture<E> buildAsync();

    /**
     * Creates the endpoint and binds its UDP socket, waiting until it is bound.
     *
     * @throws IOException if the socket could not be bound (e.g. the port is taken)
     * @throws IllegalArgumentException if the options contradict each other
     * @return the bound endpoint
     */
    public E build() throws IOException {
        if (group != null) {
            new EventLoopGuard(group).refuseBlocking("build()", "buildAsync()");
        }
        try {
            return buildAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while binding");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("could not bind the endpoint: " + c.getMessage(), c);
        }
    }

    /** The transport endpoint's builder with these settings. */
    UdpSctpEndpoint.Builder transportBuilder() {
        int port = sctpPort != 0 ? sctpPort : ThreadLocalRandom.current().nextInt(EPHEMERAL_FIRST, 65536);
        UdpSctpEndpoint.Builder b = UdpSctpEndpoint.builder().udpPort(udpPort).sctpPort(port)
                .remoteUdpPort(remoteUdpPort).transportType(CoreTypes.transportType(transportType))
                .closeTimeout(closeTimeout).threads(threads);
        if (localAddress != null) {
            b.bindAddress(localAddress);
        }
        if (!localAddresses.isEmpty()) {
            b.bind(localAddresses);
        }
        if (group != null) {
            b.eventLoopGroup(group);
        }
        if (socketBufferBytes > 0) {
            b.socketBufferBytes(socketBufferBytes);
        }
        if (segmentationOffload != null) {
            b.segmentationOffload(segmentationOffload);
        }
        if (maxAssociations != null) {
            b.maxAssociations(maxAssociations);
        }
        if (outOfTheBlueAnswersPerSecond != null) {
            b.outOfTheBlueAnswersPerSecond(outOfTheBlueAnswersPerSecond);
        }
        return b;
    }

    private static int port(int port, int min, String what) {
        if (port < min || port > 65535) {
            throw new IllegalArgumentException(what + " must be in " + min + "..65535: " + port);
        }
        return port;
    }
}
