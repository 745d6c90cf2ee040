package org.jsctp.transport;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.env.SecureRandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SCTP endpoint over UDP encapsulation (RFC 6951): one UDP port, one SCTP port, any number
 * of associations, driven on one Netty event loop, or on several with
 * {@link Builder#eventLoops(int)} (one socket per loop on the same port, SO_REUSEPORT, epoll).
 *
 * <p>Build and bind one with {@link #builder()}; start associations with {@link #connect};
 * associations peers start arrive as {@link org.jsctp.core.assoc.AssociationEvent.CommunicationUp}
 * events at the {@link AssociationListener}. Every method is thread-safe. Endpoints share no
 * global state: several may live in one JVM, on one event loop group or on their own.
 */
public final class UdpSctpEndpoint {

    /** The UDP port IANA assigned to SCTP over UDP (RFC 6951 section 5.1). */
    public static final int SCTP_UDP_PORT = 9899;

    private static final Logger LOG = LoggerFactory.getLogger(UdpSctpEndpoint.class);

    /** One event loop's sockets (one per local address, in the builder's order) and driver. */
    private record Shard(List<DatagramChannel> channels, List<InetAddress> locals, EndpointDriver driver,
                         SocketRouter router) {
        DatagramChannel channel() {
            return channels.get(0);
        }
    }

    private final List<Shard> shards;
    private final DatagramChannel channel;
    private final EndpointDriver driver;
    private final AtomicInteger nextShard = new AtomicInteger();
    private final TransportCounters counters;
    private final TransportType transportType;
    private final EventLoopGroup ownedGroup;
    private final int sctpPort;
    private final int defaultRemoteUdpPort;
    private final Duration closeTimeout;
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** How sockets are made, kept for those opened later ({@link #bindAddress}). */
    private final SocketSettings socketSettings;

    private UdpSctpEndpoint(List<Shard> shards, TransportCounters counters, TransportType transportType,
                            EventLoopGroup ownedGroup, Builder b) {
        this.shards = List.copyOf(shards);
        this.channel = shards.get(0).channel();
        this.driver = shards.get(0).driver();
        this.counters = counters;
        this.transportType = transportType;
        this.ownedGroup = ownedGroup;
        this.sctpPort = b.sctpPort;
        this.defaultRemoteUdpPort = b.remoteUdpPort;
        this.closeTimeout = b.closeTimeout;
        this.socketSettings = new SocketSettings(transportType, b.segmentationOffload && transportType.hasSegmentationOffload(),
                b.maxDatagramBytes, b.socketBufferBytes, shards.size() > 1);
    }

    /** What a socket of this endpoint is made with. */
    private record SocketSettings(TransportType type, boolean offload, int maxDatagramBytes, int socketBufferBytes,
                                  boolean reusePort) {

        DatagramChannel newChannel(InetAddress address) {
            SocketProtocolFamily family = address == null ? null
                    : address instanceof Inet4Address ? SocketProtocolFamily.INET : SocketProtocolFamily.INET6;
            DatagramChannel channel = type.newChannel(family);
            channel.config().setOption(ChannelOption.RCVBUF_ALLOCATOR,
                    new FixedRecvByteBufAllocator(offload ? 65535 : maxDatagramBytes));
            channel.config().setOption(ChannelOption.SO_RCVBUF, socketBufferBytes);
            channel.config().setOption(ChannelOption.SO_SNDBUF, socketBufferBytes);
            if (offload) {
                channel.config().setOption(EpollChannelOption.UDP_GRO, true);
            }
            if (reusePort) {
                type.reusePort(channel);
            }
            return channel;
        }
    }

    /**
     * Opens a socket on {@code address}, on the endpoint's UDP port, while the endpoint runs: for
     * an address to be added to a live association by ASCONF (RFC 5061; the transport side of
     * sctp_bindx SCTP_BINDX_ADD_ADDR, RFC 6458 section 9.1). New associations do not list it. A no-op
     * when a socket is bound to it already.
     *
     * @return completes once the socket is bound on every event loop, or fails with the bind error
     * @param address a local address, not the wildcard
     */
    public CompletableFuture<Void> bindAddress(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isAnyLocalAddress()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not the wildcard address"));
        }
        List<CompletableFuture<Void>> each = new ArrayList<>();
        for (Shard shard : shards) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            each.add(done);
            EventLoop loop = shard.driver().eventLoop();
            loop.execute(() -> {
                if (shard.router().locals().contains(address)) {
                    done.complete(null);
                    return;
                }
                DatagramChannel ch = socketSettings.newChannel(address);
                PacketWriter writer = new PacketWriter(ch, counters, socketSettings.offload());
                ch.pipeline().addLast(new DatagramHandler(shard.driver(), shard.router(), counters, address));
                loop.register(ch).addListener((ChannelFuture reg) -> {
                    if (!reg.isSuccess()) {
                        done.completeExceptionally(reg.cause());
                        return;
                    }
                    ch.bind(new InetSocketAddress(address, localUdpPort())).addListener((ChannelFuture bound) -> {
                        if (!bound.isSuccess()) {
                            ch.close();
                            done.completeExceptionally(bound.cause());
                            return;
                        }
                        shard.channels().add(ch);
                        shard.router().add(address, writer);
                        done.complete(null);
                    });
                });
            });
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
    }

    /**
     * Closes the socket on {@code address} that {@link #bindAddress} or the builder opened, once
     * its address left the association (RFC 5061 Delete IP Address acknowledged); the endpoint's
     * last socket stays. Associations that still use the address lose that source.
     *
     * @return completes once closed (or when there was nothing to close)
     * @param address an address opened by {@link #bindAddress} or the builder
     */
    public CompletableFuture<Void> unbindAddress(InetAddress address) {
        Objects.requireNonNull(address, "address");
        List<CompletableFuture<Void>> each = new ArrayList<>();
        for (Shard shard : shards) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            each.add(done);
            shard.driver().eventLoop().execute(() -> {
                DatagramChannel ch = null;
                for (DatagramChannel c : shard.channels()) {
                    if (c.localAddress() != null && address.equals(c.localAddress().getAddress())) {
                        ch = c;
                    }
                }
                if (ch == null || !shard.router().remove(address)) {
                    done.complete(null);
                    return;
                }
                shard.channels().remove(ch);
                closeChannel(ch, done);
            });
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
    }

    /**
     * A builder with the defaults: wildcard address, UDP port 9899, default association settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an association (RFC 9260 section 5.1). The future completes with its handle when it
     * is up (CommunicationUp), and fails with {@link AssociationFailedException} — naming the
     * remote address and the reason — if it is lost first (e.g. the INIT was never answered or the
     * peer aborted), or with {@link IllegalStateException} if the endpoint is closing.
     *
     * @param remoteUdpAddress where the peer's UDP socket is; port 0 means the builder's
     *     {@link Builder#remoteUdpPort remote UDP port}. The port is updated from the peer's
     *     answers (RFC 6951 section 5.4).
     * @param remoteSctpPort the peer's SCTP port
     * @return completes with the association once it is up
     */
    public CompletableFuture<SctpUdpAssociation> connect(InetSocketAddress remoteUdpAddress, int remoteSctpPort) {
        return connect(remoteUdpAddress, remoteSctpPort, null);
    }

    /**
     * As {@link #connect(InetSocketAddress, int)}, with {@code attachment} on the new
     * association's handle ({@link SctpUdpAssociation#attachment()}) before the listener sees any
     * of its events.
     *
     * @param remoteUdpAddress where the peer's UDP socket is; port 0 means the builder's remote UDP port
     * @param remoteSctpPort the peer's SCTP port
     * @param attachment the handle's first {@link SctpUdpAssociation#attachment()}, may be null
     * @return completes with the association once it is up
     */
    public CompletableFuture<SctpUdpAssociation> connect(InetSocketAddress remoteUdpAddress, int remoteSctpPort,
                                                         Object attachment) {
        Objects.requireNonNull(remoteUdpAddress, "remoteUdpAddress");
        return connect(List.of(remoteUdpAddress), remoteSctpPort, attachment);
    }

    /**
     * Starts an association to a multi-homed peer (RFC 9260 sections 5.1 and 6.4; sctp_connectx of
     * RFC 6458 section 9.9): {@code remoteUdpAddresses} are the peer's addresses, each with its
     * UDP port (0: the builder's {@link Builder#remoteUdpPort remote UDP port}), the first the
     * initial primary. The addresses are confirmed (RFC 9260 section 5.4); the peer's INIT ACK may
     * add more. Otherwise as {@link #connect(InetSocketAddress, int, Object)}.
     *
     * @throws IllegalArgumentException for an empty list, an unresolved or a duplicate address
     * @param remoteUdpAddresses the peer's addresses, the first the initial primary
     * @param remoteSctpPort the peer's SCTP port
     * @param attachment the handle's first {@link SctpUdpAssociation#attachment()}, may be null
     * @return completes with the association once it is up
     */
    public CompletableFuture<SctpUdpAssociation> connect(List<InetSocketAddress> remoteUdpAddresses,
                                                         int remoteSctpPort, Object attachment) {
        if (remoteUdpAddresses.isEmpty()) {
            throw new IllegalArgumentException("no peer address");
        }
        List<InetSocketAddress> remotes = new ArrayList<>(remoteUdpAddresses.size());
        for (InetSocketAddress remoteUdpAddress : remoteUdpAddresses) {
            Objects.requireNonNull(remoteUdpAddress, "remoteUdpAddress");
            if (remoteUdpAddress.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address: " + remoteUdpAddress);
            }
            for (InetSocketAddress earlier : remotes) {
                if (AssociationTable.sameHost(earlier.getAddress(), remoteUdpAddress.getAddress())) {
                    throw new IllegalArgumentException("peer address given twice: " + remoteUdpAddress);
                }
            }
            remotes.add(remoteUdpAddress.getPort() != 0 ? remoteUdpAddress
                    : new InetSocketAddress(remoteUdpAddress.getAddress(), defaultRemoteUdpPort));
        }
        if (remoteSctpPort < 1 || remoteSctpPort > 65535) {
            throw new IllegalArgumentException("SCTP port must be in 1..65535: " + remoteSctpPort);
        }
        CompletableFuture<SctpUdpAssociation> result = new CompletableFuture<>();
        // With several loops, new associations of ours take them in turn.
        EndpointDriver driver = shards.get(Math.floorMod(nextShard.getAndIncrement(), shards.size())).driver();
        try {
            driver.eventLoop().execute(() -> {
                try {
                    driver.connect(remotes, remoteSctpPort, attachment).established().whenComplete((a, e) -> {
                        if (e != null) {
                            result.completeExceptionally(e);
                        } else {
                            result.complete(a);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new IllegalStateException("the endpoint's event loop is shut down", e));
        }
        return result;
    }

    /**
     * Closes the endpoint: shuts every association down gracefully, aborts those not closed
     * within the builder's {@link Builder#closeTimeout close timeout}, closes the socket (releasing
     * the UDP port) and, if the endpoint created its event loop group, shuts that down. The
     * future completes when all of this is done. Calling it again returns the same future.
     *
     * @return completes when the endpoint is closed; the same future on every call
     */
    public CompletableFuture<Void> close() {
        if (!closeStarted.compareAndSet(false, true)) {
            return closed;
        }
        try {
            // The last association may close in the middle of a read batch, with its final packet
            // (SHUTDOWN COMPLETE, ABORT) written but not flushed: close the channel in a task of
            // its own, after that batch, and flush first.
            List<CompletableFuture<Void>> channelsClosed = new ArrayList<>();
            for (Shard shard : shards) {
                CompletableFuture<Void> shardClosed = new CompletableFuture<>();
                channelsClosed.add(shardClosed);
                EventLoop loop = shard.driver().eventLoop();
                loop.execute(() -> shard.driver().closeAll(closeTimeout)
                        .whenComplete((v, e) -> loop.execute(() -> closeChannels(shard.channels(), shardClosed))));
            }
            CompletableFuture.allOf(channelsClosed.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
                if (ownedGroup == null) {
                    closed.complete(null);
                } else {
                    ownedGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(g -> closed.complete(null));
                }
            });
        } catch (RuntimeException e) { // the caller's group is already shut down
            shards.forEach(s -> s.channels().forEach(DatagramChannel::close));
            closed.complete(null);
        }
        return closed;
    }

    private static void closeChannels(List<DatagramChannel> channels, CompletableFuture<Void> done) {
        List<CompletableFuture<Void>> each = new ArrayList<>();
        for (DatagramChannel channel : channels) {
            CompletableFuture<Void> c = new CompletableFuture<>();
            each.add(c);
            closeChannel(channel, c);
        }
        CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> done.complete(null));
    }

    private static void closeChannel(DatagramChannel channel, CompletableFuture<Void> done) {
        channel.flush();
        channel.close().addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("closing {} failed", channel, f.cause());
            }
            done.complete(null);
        });
    }

    /** {@return the bound socket address; its port is the one chosen when the builder asked for port 0} */
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    /**
     * {@return every bound socket address of the endpoint's first loop: one per address given to
     * {@link Builder#bind}, in that order, or the single one of {@link #localAddress()}}
     */
    public List<InetSocketAddress> localAddresses() {
        return shards.get(0).channels().stream().map(DatagramChannel::localAddress).toList();
    }

    /** {@return the bound UDP port} */
    public int localUdpPort() {
        return channel.localAddress().getPort();
    }

    /** {@return our SCTP port} */
    public int sctpPort() {
        return sctpPort;
    }

    /** {@return the transport in use: {@link TransportType#EPOLL} or {@link TransportType#NIO}} */
    public TransportType transportType() {
        return transportType;
    }

    /**
     * {@return the endpoint's (first) event loop; with one loop, the one every association runs on} With
     * {@link Builder#eventLoops(int) several}, each association runs on its own
     * ({@link SctpUdpAssociation#eventLoop()}).
     */
    public EventLoop eventLoop() {
        return driver.eventLoop();
    }

    /** {@return how many event loops (each with its socket on the endpoint's UDP port) serve the endpoint} */
    public int eventLoopCount() {
        return shards.size();
    }

    /**
     * {@return the bytes of the sockets' scratch arrays for view-free datagrams} Endpoint state that
     * outlives every association (for tests of the heap associations leave behind); call it on the
     * event loop, or after a task queued there has run.
     */
    long scratchBytes() {
        long sum = 0;
        for (Shard shard : shards) {
            for (DatagramChannel ch : shard.channels()) {
                DatagramHandler h = ch.pipeline().get(DatagramHandler.class);
                sum += h == null ? 0 : h.scratchBytes();
            }
        }
        return sum;
    }

    /** {@return the associations that exist now (closed ones are removed), as a snapshot} */
    public List<SctpUdpAssociation> associations() {
        return driver.table().snapshot();
    }

    /** {@return the datagram counters} */
    public TransportCounters counters() {
        return counters;
    }

    /**
     * Completes when {@link #close()} has finished.
     *
     * @return the future {@link #close()} returns
     */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    @Override
    public String toString() {
        return "UdpSctpEndpoint[" + channel.localAddress() + ", SCTP port " + sctpPort + ", " + transportType + "]";
    }

    /** Settings of an endpoint; {@link #bind()} creates it. Not thread-safe. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int udpPort = SCTP_UDP_PORT;
        private int sctpPort = -1;
        private AssociationConfig associationConfig = AssociationConfig.defaults();
        private RandomSource random;
        private int remoteUdpPort = SCTP_UDP_PORT;
        private TransportType transportType = TransportType.AUTO;
        private EventLoopGroup group;
        private AssociationListener listener = AssociationListener.IGNORE;
        private Duration closeTimeout = Duration.ofSeconds(3);
        private int socketBufferBytes = 2 * 1024 * 1024;
        private int maxDatagramBytes = 65535;
        private AdmissionControl admission = AdmissionControl.ADMIT_ALL;
        private boolean manualReadCredit;
        private int threads = 1;
        private boolean segmentationOffload = true;
        private int eventLoops = 1;
        private List<InetAddress> bindAddresses = List.of();
        private DatagramFilter datagramFilter = DatagramFilter.NONE;
        private int maxAssociations = EndpointConfig.DEFAULT_MAX_ASSOCIATIONS;
        private int outOfTheBlueAnswersPerSecond = EndpointConfig.DEFAULT_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND;

        private Builder() {
        }

        /**
         * The local addresses of a multi-homed endpoint (RFC 9260 section 6.4), all on the one UDP
         * port: one socket is bound to each (see {@link SocketRouter} for why), and with two or more
         * the associations list them in their INIT and INIT ACK (RFC 9260 section 5.1.2). IPv4 and
         * IPv6 may be mixed; the wildcard address is not allowed here. Replaces
         * {@link #bindAddress}; with no addresses the builder goes back to it.
         *
         * @throws IllegalArgumentException for a wildcard address or a duplicate
         * @param addresses the addresses, none the wildcard
         * @return this builder
         */
        public Builder bind(InetAddress... addresses) {
            return bind(List.of(addresses));
        }

        /**
         * As {@link #bind(InetAddress...)}.
         *
         * @param addresses the addresses, none the wildcard
         * @return this builder
         */
        public Builder bind(List<InetAddress> addresses) {
            List<InetAddress> list = List.copyOf(addresses);
            for (InetAddress a : list) {
                if (a.isAnyLocalAddress()) {
                    throw new IllegalArgumentException("a multi-homed endpoint binds addresses, not the wildcard: "
                            + a.getHostAddress());
                }
            }
            if (list.stream().map(AssociationTable::normalize).distinct().count() != list.size()) {
                throw new IllegalArgumentException("duplicate local address in " + list);
            }
            this.bindAddresses = list;
            return this;
        }

        /** Test hook: datagrams to drop as if lost (see {@link DatagramFilter}). */
        Builder datagramFilter(DatagramFilter filter) {
            this.datagramFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * The local address to bind; IPv4 or IPv6. Default: the wildcard address (dual-stack where
         * the platform supports it).
         *
         * @param address the address
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /**
         * The local UDP port; 0 picks a free one (see {@link UdpSctpEndpoint#localUdpPort()}). Default 9899.
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder udpPort(int port) {
            this.udpPort = requirePort(port, 0, "UDP port");
            return this;
        }

        /**
         * Our SCTP port, 1..65535. Required.
         *
         * @param port 1..65535
         * @return this builder
         */
        public Builder sctpPort(int port) {
            this.sctpPort = requirePort(port, 1, "SCTP port");
            return this;
        }

        /**
         * The settings of every association. Its {@code pathMtu} is the size of the SCTP packet,
         * which is the UDP payload: the UDP header (8 bytes) and IP header are already excluded,
         * so the default 1452 fits an Ethernet MTU of 1500 over IPv6 (1500 - 40 - 8).
         *
         * @param config the settings
         * @return this builder
         */
        public Builder associationConfig(AssociationConfig config) {
            this.associationConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Randomness for tags, initial TSNs and cookie secrets. Default: a new {@link SecureRandomSource}.
         *
         * @param random the source
         * @return this builder
         */
        public Builder randomSource(RandomSource random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The peer's UDP port used by {@link UdpSctpEndpoint#connect} when the address given has
         * port 0, until the peer's answers tell the real one (RFC 6951 section 5.4). Default 9899.
         *
         * @param port the peer's UDP port
         * @return this builder
         */
        public Builder remoteUdpPort(int port) {
            this.remoteUdpPort = requirePort(port, 1, "remote UDP port");
            return this;
        }

        /**
         * Native epoll, NIO, or {@link TransportType#AUTO} (the default).
         *
         * @param type the socket implementation
         * @return this builder
         */
        public Builder transportType(TransportType type) {
            this.transportType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * An event loop group to run on; the endpoint takes one loop of it and does not shut it
         * down. Its I/O type must match the transport type ({@code AUTO} follows the group).
         * Default: the endpoint creates a one-thread group of its own and shuts it down on close.
         *
         * @param group the group
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /**
         * Which peers may set up associations with this endpoint. Default: {@link AdmissionControl#ADMIT_ALL}.
         *
         * @param admission the policy
         * @return this builder
         */
        public Builder admission(AdmissionControl admission) {
            this.admission = Objects.requireNonNull(admission, "admission");
            return this;
        }

        /**
         * With {@code true}, a message delivered to the listener keeps its bytes counted against
         * the receive window until {@link SctpUdpAssociation#onUserRead} reports it read, so the
         * window follows the application rather than the listener (RFC 9260 section 6.2). Default
         * false: the window opens as the listener is handed each message.
         *
         * @param manual true for manual read credit
         * @return this builder
         */
        public Builder manualReadCredit(boolean manual) {
            this.manualReadCredit = manual;
            return this;
        }

        /**
         * Threads of the event loop group the endpoint creates when none is given with
         * {@link #eventLoopGroup}; the endpoint runs on one of them, or on {@link #eventLoops} of
         * them. Default 1.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How many event loops serve the endpoint's UDP port, each with a socket of its own bound
         * to it with SO_REUSEPORT, so the kernel spreads the peers (by addresses and ports)
         * over the loops. Each association is owned by one loop and only touched there; a packet
         * that reaches another loop is handed to the owner's. Native epoll only: with NIO the
         * endpoint uses one loop. The endpoint's own group gets at least this many threads;
         * a group given with {@link #eventLoopGroup} lends this many of its loops. Default 1.
         *
         * @param loops at least 1
         * @return this builder
         */
        public Builder eventLoops(int loops) {
            if (loops < 1) {
                throw new IllegalArgumentException("event loops must be at least 1: " + loops);
            }
            this.eventLoops = loops;
            return this;
        }

        /**
         * Receives every association's events, on the event loop. Default: ignores them.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(AssociationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long {@link UdpSctpEndpoint#close()} waits for graceful shutdowns before aborting;
         * zero aborts at once. Default 3 s.
         *
         * @param timeout zero or positive
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("negative close timeout: " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * SO_RCVBUF and SO_SNDBUF of the socket (the kernel may cap them). Default 2 MiB.
         *
         * @param bytes positive
         * @return this builder
         */
        public Builder socketBufferBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("socket buffer must be positive: " + bytes);
            }
            this.socketBufferBytes = bytes;
            return this;
        }

        /**
         * Whether to use Linux's UDP segmentation offloads where the epoll transport has them
         * (default on): runs of equal-length packets to one peer leave in one {@code sendmsg}
         * ({@code UDP_SEGMENT}), and datagrams the kernel coalesced arrive in one {@code recvmsg}
         * ({@code UDP_GRO}, which reads into 64 KiB buffers whatever {@link #maxDatagramBytes}
         * says). Off, or on NIO, every datagram is its own system call.
         *
         * @param on true to use the offloads
         * @return this builder
         */
        public Builder segmentationOffload(boolean on) {
            this.segmentationOffload = on;
            return this;
        }

        /**
         * How many associations the endpoint holds at most; a COOKIE ECHO that would make one more
         * is answered with an ABORT (Out of Resource). Default 65,536
         * ({@link EndpointConfig#DEFAULT_MAX_ASSOCIATIONS}).
         *
         * @param associations at least 1
         * @return this builder
         */
        public Builder maxAssociations(int associations) {
            this.maxAssociations = EndpointConfig.checkMaxAssociations(associations);
            return this;
        }

        /**
         * How many packets of no association (out of the blue, RFC 9260 section 8.4) are answered
         * with an ABORT or SHUTDOWN COMPLETE per second at most, in bursts of up to one second's
         * worth; beyond it they are discarded, so spoofed floods are not reflected one for one.
         * Default 200 ({@link EndpointConfig#DEFAULT_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND}).
         *
         * @param perSecond 0 (answer none) to 1,000,000
         * @return this builder
         */
        public Builder outOfTheBlueAnswersPerSecond(int perSecond) {
            this.outOfTheBlueAnswersPerSecond = EndpointConfig.checkOutOfTheBlueAnswersPerSecond(perSecond);
            return this;
        }

        /**
         * The largest datagram read whole; longer ones are truncated (and fail to decode). Default 65535.
         *
         * @param bytes from {@link AssociationConfig#MIN_PATH_MTU} to 65535
         * @return this builder
         */
        public Builder maxDatagramBytes(int bytes) {
            if (bytes < AssociationConfig.MIN_PATH_MTU || bytes > 65535) {
                throw new IllegalArgumentException("max datagram size must be in " + AssociationConfig.MIN_PATH_MTU
                        + "..65535: " + bytes);
            }
            this.maxDatagramBytes = bytes;
            return this;
        }

        /**
         * Creates the endpoint and binds its socket. The future completes with the endpoint once it
         * is bound, or fails with the bind error (after releasing what was created).
         *
         * @throws IllegalStateException if no SCTP port was set or the transport is unavailable
         * @return completes with the bound endpoint
         */
        public CompletableFuture<UdpSctpEndpoint> bind() {
            if (sctpPort < 0) {
                throw new IllegalStateException("sctpPort is required");
            }
            TransportType type = group == null ? transportType.resolve() : transportType.resolveFor(group);
            int loops = type == TransportType.EPOLL ? eventLoops : 1;
            if (loops < eventLoops) {
                LOG.info("{} event loops asked for, but SO_REUSEPORT needs native epoll: one loop on {}", eventLoops,
                        type);
            }
            EventLoopGroup owned = group == null
                    ? new MultiThreadIoEventLoopGroup(Math.max(threads, loops),
                            new DefaultThreadFactory("jsctp-udp-" + udpPort, true), type.ioHandlerFactory())
                    : null;
            TransportCounters counters = new TransportCounters();
            boolean offload = segmentationOffload && type.hasSegmentationOffload();
            List<InetAddress> locals = localAddresses();
            // RFC 8899 section 5.1.2: MAX_PLPMTU at most the local interface MTU (less IP and UDP headers)
            AssociationConfig config = InterfaceMtu.applyTo(associationConfig, bindAddress, maxDatagramBytes);
            EndpointConfig endpointConfig = EndpointConfig.of(sctpPort, MultihomedConfig.withLocalAddresses(config, locals))
                    .withMaxAssociations(maxAssociations).withOutOfTheBlueAnswersPerSecond(outOfTheBlueAnswersPerSecond);
            Endpoint core = new Endpoint(endpointConfig, random != null ? random : new SecureRandomSource(),
                    System.nanoTime());
            AssociationTable table = new AssociationTable();
            List<Shard> shards = new ArrayList<>(loops);
            for (int i = 0; i < loops; i++) {
                EventLoop loop = (group == null ? owned : group).next();
                List<DatagramChannel> channels = new ArrayList<>(locals.size());
                List<PacketWriter> writers = new ArrayList<>(locals.size());
                SocketSettings settings = new SocketSettings(type, offload, maxDatagramBytes, socketBufferBytes, loops > 1);
                for (InetAddress address : locals) {
                    DatagramChannel channel = settings.newChannel(address);
                    channels.add(channel);
                    writers.add(new PacketWriter(channel, counters, offload));
                }
                SocketRouter router = new SocketRouter(locals, writers, datagramFilter, counters);
                EndpointDriver driver = new EndpointDriver(core, table, loop, router, counters, listener, admission,
                        manualReadCredit);
                for (int j = 0; j < channels.size(); j++) {
                    channels.get(j).pipeline().addLast(new DatagramHandler(driver, router, counters, router.local(j)));
                }
                shards.add(new Shard(channels, locals, driver, router));
            }
            UdpSctpEndpoint endpoint = new UdpSctpEndpoint(shards, counters, type, owned, this);

            List<Binding> bindings = new ArrayList<>();
            for (Shard shard : shards) {
                for (int j = 0; j < shard.channels().size(); j++) {
                    bindings.add(new Binding(shard.channels().get(j), shard.driver().eventLoop(),
                            shard.locals().get(j)));
                }
            }
            CompletableFuture<UdpSctpEndpoint> result = new CompletableFuture<>();
            bindNext(bindings, 0, udpPort, endpoint, result, shards, owned);
            return result;
        }

        /** The addresses to bind, one socket each: those of {@link #bind}, else the one of {@link #bindAddress} (null: the wildcard). */
        private List<InetAddress> localAddresses() {
            return bindAddresses.isEmpty() ? java.util.Collections.singletonList(bindAddress) : bindAddresses;
        }

        /** One socket to register on its loop and bind. */
        private record Binding(DatagramChannel channel, EventLoop loop, InetAddress address) {
        }

        /**
         * Registers and binds socket {@code i}, then the next ones to the port the first got (which
         * matters when port 0 asked for an ephemeral one); completes {@code result} after the last.
         */
        private static void bindNext(List<Binding> bindings, int i, int port, UdpSctpEndpoint endpoint,
                                     CompletableFuture<UdpSctpEndpoint> result, List<Shard> shards,
                                     EventLoopGroup owned) {
            Binding b = bindings.get(i);
            DatagramChannel channel = b.channel();
            InetSocketAddress local = b.address() == null ? new InetSocketAddress(port)
                    : new InetSocketAddress(b.address(), port);
            b.loop().register(channel).addListener((ChannelFuture reg) -> {
                if (!reg.isSuccess()) {
                    fail(result, reg.cause(), shards, owned);
                    return;
                }
                channel.bind(local).addListener((ChannelFuture bound) -> {
                    if (!bound.isSuccess()) {
                        fail(result, bound.cause(), shards, owned);
                    } else if (i + 1 < bindings.size()) {
                        bindNext(bindings, i + 1, channel.localAddress().getPort(), endpoint, result, shards, owned);
                    } else {
                        LOG.debug("bound {}", endpoint);
                        result.complete(endpoint);
                    }
                });
            });
        }

        private static void fail(CompletableFuture<UdpSctpEndpoint> result, Throwable cause, List<Shard> shards,
                                 EventLoopGroup owned) {
            List<CompletableFuture<Void>> closes = new ArrayList<>();
            for (Shard shard : shards) {
                CompletableFuture<Void> c = new CompletableFuture<>();
                closes.add(c);
                closeChannels(shard.channels(), c);
            }
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
                if (owned == null) {
                    result.completeExceptionally(cause);
                } else {
                    owned.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(g -> result.completeExceptionally(cause));
                }
            });
        }

        private static int requirePort(int port, int min, String what) {
            if (port < min || port > 65535) {
                throw new IllegalArgumentException(what + " must be in " + min + "..65535: " + port);
            }
            return port;
        }
    }
}
