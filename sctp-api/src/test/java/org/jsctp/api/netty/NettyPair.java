package org.jsctp.api.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A server channel and a client channel on loopback UDP (free ports), closed with their loops at the end. */
final class NettyPair implements AutoCloseable {

    static final int PORT = 7;

    final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    final EventLoopGroup clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    UdpSctpServerChannel server;
    /** Addresses the server binds besides 127.0.0.1 (bindAddress before bind). */
    final java.util.List<java.net.InetAddress> serverExtraAddresses = new java.util.ArrayList<>();
    /** The client's local addresses (the first bound, the others added with bindAddress before connect); none: any. */
    final java.util.List<java.net.InetAddress> clientAddresses = new java.util.ArrayList<>();

    /** Binds a server on 127.0.0.1, SCTP port 7, a free UDP port, each child getting {@code handlers}. */
    @SafeVarargs
    final UdpSctpServerChannel server(Map<ChannelOption<?>, Object> options, Supplier<ChannelHandler>... handlers)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(UdpSctpServerChannel.class)
                .option(UdpSctpChannelOption.UDP_PORT, 0)
                .handler(new ChannelInitializer<UdpSctpServerChannel>() {
                    @Override
                    public void initChannel(UdpSctpServerChannel ch) {
                        serverExtraAddresses.forEach(ch::bindAddress);
                    }
                })
                .childHandler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        for (Supplier<ChannelHandler> h : handlers) {
                            ch.pipeline().addLast(h.get());
                        }
                    }
                });
        options.forEach((k, v) -> option(b, k, v));
        server = (UdpSctpServerChannel) b.bind("127.0.0.1", PORT).sync().channel();
        return server;
    }

    int serverUdpPort() {
        return server.sctpEndpoint().localAddress().getPort();
    }

    /** Connects a client channel to the server. */
    UdpSctpChannel client(Map<ChannelOption<?>, Object> options, ChannelHandler... handlers) throws InterruptedException {
        Bootstrap b = new Bootstrap().group(clients).channel(UdpSctpChannel.class)
                .option(UdpSctpChannelOption.REMOTE_UDP_PORT, serverUdpPort())
                .handler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        clientAddresses.stream().skip(1).forEach(ch::bindAddress);
                        ch.pipeline().addLast(handlers);
                    }
                });
        options.forEach((k, v) -> option(b, k, v));
        if (!clientAddresses.isEmpty()) {
            b.localAddress(new java.net.InetSocketAddress(clientAddresses.get(0), 0));
        }
        return (UdpSctpChannel) b.connect("127.0.0.1", PORT).sync().channel();
    }

    @SuppressWarnings("unchecked")
    private static <T> void option(io.netty.bootstrap.AbstractBootstrap<?, ?> b, ChannelOption<T> k, Object v) {
        b.option(k, (T) v);
    }

    @Override
    public void close() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
