package org.jsctp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's only handler: turns received datagrams into byte arrays for the driver and
 * marks read batches for the writer.
 *
 * <p>Buffer ownership: the received {@link DatagramPacket} belongs to this handler; its bytes are
 * copied into a fresh {@code byte[]} and the packet is released at once, before decoding. The copy
 * is needed because the core's decoded packet, and the messages it delivers, share the array
 * they were decoded from; decoding straight from a pooled buffer and copying only user data would
 * save it (a later optimisation).
 */
final class DatagramHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);

    private final EndpointDriver driver;
    private final SocketRouter writer;
    private final TransportCounters counters;
    /** The address the channel is bound to (for the router's {@link DatagramFilter}). */
    private final InetAddress local;

    DatagramHandler(EndpointDriver driver, SocketRouter writer, TransportCounters counters, InetAddress local) {
        this.driver = driver;
        this.writer = writer;
        this.counters = counters;
        this.local = local;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        writer.beginRead();
        byte[] bytes;
        InetSocketAddress sender;
        try {
            ByteBuf content = datagram.content();
            bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            sender = datagram.sender();
        } finally {
            datagram.release();
        }
        if (writer.dropsReceived(local, sender)) {
            counters.onDiscarded();
            return;
        }
        driver.onDatagram(bytes, sender);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writer.endRead();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.onIoError();
        LOG.warn("error on {}", ctx.channel(), cause);
    }
}
