package org.jsctp.transport.impair;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay that impairs what it forwards, for fault-injection tests and benchmarks over real
 * UDP: side A sends to {@link #portFacing(Side) portFacing(A)}, and the relay forwards from its
 * socket facing B to B's configured address; B's answers arrive at that socket and go back to A
 * (whose address is learned from its datagrams, or configured) from the socket facing A. Each
 * direction has its own {@link Impairment} and seeded random source; {@link #rebind} (or
 * {@link Builder#rebindEvery}) moves the socket facing one side to a new port as a NAT would.
 * Everything runs on one event loop of the relay's own.
 */
public final class ImpairmentRelay implements AutoCloseable {

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Map<Side, Rebinder> sockets = new EnumMap<>(Side.class);
    private final Map<Side, DirectionCounters> counters = new EnumMap<>(Side.class);
    private final Map<Side, Impairer> impairers = new EnumMap<>(Side.class);
    private final Map<Side, DelayLine> lines = new EnumMap<>(Side.class);
    private final Map<Side, Long> sentTowards = new EnumMap<>(Side.class);
    private final Map<Side, InetSocketAddress> destinations = new EnumMap<>(Side.class);
    private final Map<Side, Boolean> learns = new EnumMap<>(Side.class);
    private final List<Waiter> waiters = new ArrayList<>();
    private final long seed;
    private final Map<Side, Long> rebindEvery;
    private int generation;

    private record Waiter(Side from, int atPort, CompletableFuture<InetSocketAddress> future) {
    }

    private ImpairmentRelay(Builder b) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("impairment-relay", true), io);
        this.loop = group.next();
        this.seed = b.seed;
        this.rebindEvery = new EnumMap<>(b.rebindEvery);
        for (Side s : Side.values()) {
            counters.put(s, new DirectionCounters());
            sentTowards.put(s, 0L);
            Bootstrap bootstrap = new Bootstrap().group(loop)
                    .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, b.socketBufferBytes)
                    .option(ChannelOption.SO_SNDBUF, b.socketBufferBytes)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65535))
                    .handler(new Inbound(s));
            sockets.put(s, new Rebinder(s, bootstrap, b.bindAddress));
        }
        destinations.put(Side.B, b.addressB);
        if (b.addressA != null) {
            destinations.put(Side.A, b.addressA);
        }
        learns.put(Side.A, b.addressA == null);
        learns.put(Side.B, false);
        for (Side from : Side.values()) {
            install(from, b.impairments.getOrDefault(from, Impairment.NONE));
        }
    }

    /** A builder; {@link Builder#forwardTo} (side B's address) is required. */
    public static Builder builder() {
        return new Builder();
    }

    private void install(Side from, Impairment impairment) {
        DirectionCounters c = counters.get(from);
        // Each direction, and each change of impairment, draws from its own stream of the seed.
        impairers.put(from, new Impairer(impairment, seed * 31 + from.ordinal() + 1000L * generation++, c));
        Side to = from.other();
        lines.put(from, new DelayLine(loop, impairment, c, bytes -> deliver(to, bytes)));
    }

    /**
     * Replaces the impairment of the datagrams coming from {@code from}; those already on their way
     * keep their fate. Completes once in force.
     */
    public CompletableFuture<Void> impair(Side from, Impairment impairment) {
        Objects.requireNonNull(impairment, "impairment");
        return onLoop(() -> {
            install(from, impairment);
            return null;
        });
    }

    /** The impairment in force for datagrams coming from {@code from}. */
    public Impairment impairment(Side from) {
        return impairers.get(from).impairment();
    }

    /** The port the relay's socket facing {@code side} has now: where that side sends to. */
    public int portFacing(Side side) {
        return sockets.get(side).port();
    }

    /** The address of the relay's socket facing {@code side}. */
    public InetSocketAddress addressFacing(Side side) {
        return new InetSocketAddress(sockets.get(side).bindAddress(), portFacing(side));
    }

    /** What happened to the datagrams coming from {@code from}. */
    public DirectionCounters counters(Side from) {
        return counters.get(from);
    }

    /** How often the socket facing {@code side} was rebound. */
    public long rebinds(Side side) {
        return sockets.get(side).rebinds();
    }

    /**
     * NAT rebinding towards {@code side}: the relay's socket facing it moves to a new port (the old
     * one is closed). Completes with the new port.
     */
    public CompletableFuture<Integer> rebind(Side side) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        loop.execute(() -> sockets.get(side).rebind().whenComplete((port, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(port);
            }
        }));
        return result;
    }

    /**
     * Completes with the sender of the first datagram, from now on, that {@code from} sends to the
     * relay's socket on {@code atPort}: e.g. after a rebinding, the proof that the side learned
     * the new port.
     */
    public CompletableFuture<InetSocketAddress> whenDatagramFrom(Side from, int atPort) {
        CompletableFuture<InetSocketAddress> f = new CompletableFuture<>();
        loop.execute(() -> waiters.add(new Waiter(from, atPort, f)));
        return f;
    }

    /** One line with both directions' counters and the rebinds. */
    public String describe() {
        return "A->B[" + counters.get(Side.A) + "] B->A[" + counters.get(Side.B) + "] rebinds A=" + rebinds(Side.A)
                + " B=" + rebinds(Side.B);
    }

    private void onDatagram(Side from, Channel channel, byte[] bytes, InetSocketAddress sender) {
        Rebinder socket = sockets.get(from);
        if (!socket.isCurrent(channel)) {
            return; // read on a mapping that was dropped just now
        }
        if (learns.get(from)) {
            destinations.put(from, sender);
        }
        if (!waiters.isEmpty()) {
            int port = socket.port();
            waiters.removeIf(w -> {
                if (w.from() == from && w.atPort() == port) {
                    w.future().complete(sender);
                    return true;
                }
                return false;
            });
        }
        DelayLine line = lines.get(from);
        for (Impairer.Delivery d : impairers.get(from).fates(bytes)) {
            line.send(d.bytes(), d.delayNanos());
        }
    }

    private void deliver(Side to, byte[] bytes) {
        InetSocketAddress destination = destinations.get(to);
        DirectionCounters c = counters.get(to.other());
        if (destination == null) {
            c.noDestination.incrementAndGet();
            return;
        }
        Rebinder socket = sockets.get(to);
        long n = sentTowards.merge(to, 1L, Long::sum);
        Long every = rebindEvery.get(to);
        if (every != null && n % every == 0 && !socket.isRebinding()) {
            socket.rebind(); // this datagram still leaves from the old port; the next ones from the new
        }
        c.forwarded.incrementAndGet();
        c.bytesForwarded.addAndGet(bytes.length);
        socket.send(bytes, destination);
    }

    private <T> CompletableFuture<T> onLoop(java.util.function.Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = onLoop(() -> {
            sockets.values().forEach(Rebinder::close);
            return null;
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Shared by every socket facing one side, old and new. */
    @ChannelHandler.Sharable
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Side side;

        Inbound(Side side) {
            this.side = side;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            onDatagram(side, ctx.channel(), bytes, packet.sender());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // e.g. ICMP port unreachable after a peer went away: a relay shrugs that off
        }
    }

    /** Settings of a relay; {@link #start()} binds it. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int portA;
        private int portB;
        private InetSocketAddress addressA;
        private InetSocketAddress addressB;
        private long seed = 1;
        private int socketBufferBytes = 4 * 1024 * 1024;
        private final Map<Side, Impairment> impairments = new EnumMap<>(Side.class);
        private final Map<Side, Long> rebindEvery = new EnumMap<>(Side.class);

        private Builder() {
        }

        /** The address the relay's sockets bind to. Default: the loopback address. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** The port side A sends to; 0 (the default) picks a free one. */
        public Builder portFacingA(int port) {
            this.portA = port;
            return this;
        }

        /** The port the relay sends to B from (and B answers to); 0 (the default) picks a free one. */
        public Builder portFacingB(int port) {
            this.portB = port;
            return this;
        }

        /** Side B's address, where A's datagrams go. Required. */
        public Builder forwardTo(InetSocketAddress b) {
            this.addressB = Objects.requireNonNull(b);
            return this;
        }

        /** Side A's address; without one (the default) it is learned from A's datagrams. */
        public Builder sideA(InetSocketAddress a) {
            this.addressA = a;
            return this;
        }

        /** The seed of every random decision. Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The impairment of datagrams coming from {@code from}. Default {@link Impairment#NONE}. */
        public Builder impair(Side from, Impairment impairment) {
            impairments.put(from, Objects.requireNonNull(impairment));
            return this;
        }

        /** The same impairment both ways. */
        public Builder impairBoth(Impairment impairment) {
            return impair(Side.A, impairment).impair(Side.B, impairment);
        }

        /** Rebinds the socket facing {@code side} after every {@code packets} datagrams sent towards it. */
        public Builder rebindEvery(Side side, long packets) {
            if (packets < 1) {
                throw new IllegalArgumentException("rebinding period must be at least 1 packet: " + packets);
            }
            rebindEvery.put(side, packets);
            return this;
        }

        /** SO_RCVBUF and SO_SNDBUF of the relay's sockets, so the relay itself does not drop. Default 4 MiB. */
        public Builder socketBufferBytes(int bytes) {
            this.socketBufferBytes = bytes;
            return this;
        }

        /** Binds both sockets; returns the running relay. */
        public ImpairmentRelay start() throws InterruptedException {
            if (addressB == null) {
                throw new IllegalStateException("forwardTo (side B's address) is required");
            }
            ImpairmentRelay relay = new ImpairmentRelay(this);
            try {
                relay.sockets.get(Side.A).bind(portA).sync();
                relay.sockets.get(Side.B).bind(portB).sync();
            } catch (RuntimeException | InterruptedException e) {
                relay.close();
                throw e;
            }
            return relay;
        }
    }
}
