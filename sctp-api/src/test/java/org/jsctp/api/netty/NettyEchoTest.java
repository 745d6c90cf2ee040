package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.nio.sctp.AssociationChangeNotification;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Netty's SCTP echo example, unchanged but for the channel classes (and the UDP port options),
 * over UDP encapsulation on loopback: our server channel against our client channel.
 */
class NettyEchoTest {

    static final int PORT = 7;
    static final int SIZE = 256;

    private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());

    @AfterEach
    void shutDown() {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theEchoExampleRunsOverUdpWithOnlyTheChannelClassesChanged() throws Exception {
        // The server of Netty's SctpEchoServer.
        ServerBootstrap b = new ServerBootstrap();
        b.group(bossGroup, workerGroup)
                .channel(UdpSctpServerChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100)
                .option(UdpSctpChannelOption.UDP_PORT, 0) // a free UDP port instead of 9899 for the test
                // (the example's LoggingHandler is in netty-handler, which this module does not depend on)
                .childHandler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        ch.pipeline().addLast(new SctpEchoServerHandler());
                    }
                });
        ChannelFuture f = b.bind(PORT).sync();
        int udpPort = ((UdpSctpServerChannel) f.channel()).sctpEndpoint().localAddress().getPort();

        // The client of Netty's SctpEchoClient.
        byte[] first = new byte[SIZE];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) i;
        }
        SctpEchoClientHandler handler = new SctpEchoClientHandler(first, 20);
        Bootstrap c = new Bootstrap();
        c.group(clientGroup)
                .channel(UdpSctpChannel.class)
                .option(SctpChannelOption.SCTP_NODELAY, true)
                .option(UdpSctpChannelOption.REMOTE_UDP_PORT, udpPort)
                .handler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        ch.pipeline().addLast(handler);
                    }
                });
        ChannelFuture cf = c.connect("127.0.0.1", PORT).sync();
        SctpChannel ch = (SctpChannel) cf.channel();
        assertThat(ch.isActive()).isTrue();
        assertThat(ch.remoteAddress().getPort()).isEqualTo(PORT);
        assertThat(ch.allRemoteAddresses()).contains(new InetSocketAddress("127.0.0.1", PORT));
        assertThat(ch.association()).isNotNull();
        assertThat(ch.association().maxOutboundStreams()).isPositive();

        List<byte[]> echoes = handler.done.get(20, TimeUnit.SECONDS);
        assertThat(echoes).hasSize(20).allSatisfy(e -> assertThat(e).isEqualTo(first));
        assertThat(ch.closeFuture().await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(handler.userEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                AssociationChangeNotification.class,
                n -> assertThat(n.event()).isEqualTo(AssociationChangeNotification.AssocChangeEvent.COMM_UP)));

        Channel server = f.channel();
        server.close().sync();
        assertThat(server.isOpen()).isFalse();
    }
}
