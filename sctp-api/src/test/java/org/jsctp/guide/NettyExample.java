package org.jsctp.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.netty.UdpSctpChannel;
import org.jsctp.api.netty.UdpSctpChannelOption;
import org.jsctp.api.netty.UdpSctpServerChannel;

/** The Netty part of the guide (docs/guide/netty.md): a Netty SCTP echo over UDP encapsulation. */
final class NettyExample {

    private NettyExample() {
    }

    /** Echoes {@code text} through a Netty server and client on our channels; returns the echo and its stream. */
    static String echo(String text) throws Exception {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            // tag::netty-server[]
            ServerBootstrap sb = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(UdpSctpServerChannel.class)              // instead of NioSctpServerChannel
                    .option(UdpSctpChannelOption.UDP_PORT, 0)         // default 9899; 0 picks a free port
                    .childHandler(new ChannelInitializer<SctpChannel>() {
                        @Override
                        protected void initChannel(SctpChannel ch) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ctx.writeAndFlush(msg);           // an SctpMessage, back on its stream
                                }
                            });
                        }
                    });
            UdpSctpServerChannel server = (UdpSctpServerChannel) sb.bind(7).sync().channel(); // SCTP port 7
            int serverUdpPort = server.sctpEndpoint().localAddress().getPort();
            // end::netty-server[]

            CompletableFuture<String> echoed = new CompletableFuture<>();
            // tag::netty-client[]
            Bootstrap cb = new Bootstrap()
                    .group(workers)
                    .channel(UdpSctpChannel.class)                    // instead of NioSctpChannel
                    .option(SctpChannelOption.SCTP_NODELAY, true)
                    .option(UdpSctpChannelOption.REMOTE_UDP_PORT, serverUdpPort) // the server's UDP port
                    .handler(new ChannelInitializer<SctpChannel>() {
                        @Override
                        protected void initChannel(SctpChannel ch) {
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<SctpMessage>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, SctpMessage m) {
                                    echoed.complete(m.content().toString(UTF_8) + " (stream "
                                            + m.streamIdentifier() + ")");
                                }
                            });
                        }
                    });
            Channel client = cb.connect("127.0.0.1", 7).sync().channel();       // SCTP port 7
            client.writeAndFlush(new SctpMessage(0, 1, Unpooled.copiedBuffer(text, UTF_8))); // PPID 0, stream 1
            // end::netty-client[]
            String result = echoed.get(10, TimeUnit.SECONDS);
            client.close().sync();
            server.close().sync();
            return result;
        } finally {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
