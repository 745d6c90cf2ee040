import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * A plain UDP echo server on one Netty epoll event loop: the floor that Netty and the JVM put
 * under bench/latency.sh's comparison (issue 6). Each datagram goes back to its sender from the
 * event loop that read it, flushed at the end of the read, as our SCTP echo server answers,
 * without any SCTP. Measured with bench/udp/udp_latency.c as the client. Run with the JDK's
 * single-file launcher and Netty on the class path:
 *
 * <pre>
 *   java -cp NETTY_JARS bench/udp/NettyUdpEcho.java PORT
 * </pre>
 *
 * It prints {@code netty udp echo server: ready} once bound and runs until killed.
 */
public final class NettyUdpEcho {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: NettyUdpEcho PORT");
            System.exit(2);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        Channel channel = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        ctx.write(new DatagramPacket(packet.content().retain(), packet.sender()));
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        ctx.flush();
                    }
                })
                .bind("127.0.0.1", Integer.parseInt(args[0])).sync().channel();
        System.out.println("netty udp echo server: ready");
        channel.closeFuture().sync();
    }
}
