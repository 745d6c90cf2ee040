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
 * save it (a later optimisation). Datagrams of SACK chunks only, whose decoded packet keeps no view
 * of the bytes, are copied into one reused scratch array instead ({@link ViewFreeDatagram}).
 */
final class DatagramHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);
    /** Until the first view-free datagram: no scratch array yet. */
    private static final byte[] NO_SCRATCH = new byte[0];
    /** The scratch array's first size: a SACK of many gap blocks fits. */
    private static final int FIRST_SCRATCH_BYTES = 2048;

    private final EndpointDriver driver;
    private final SocketRouter writer;
    private final TransportCounters counters;
    /** The address the channel is bound to (for the router's {@link DatagramFilter}). */
    private final InetAddress local;
    /**
     * Reused for datagrams whose decoded packet keeps no view of its bytes
     * ({@link ViewFreeDatagram}); the handler runs on its channel's one event loop, and the
     * driver is done with the bytes when {@code onDatagram} returns. Made at the first such
     * datagram, not with the handler: a client endpoint that only sets up associations keeps
     * none (its idle heap, issue 6).
     */
    private byte[] scratchArray = NO_SCRATCH;

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
        int length;
        boolean scratch;
        InetSocketAddress sender;
        try {
            ByteBuf content = datagram.content();
            length = content.readableBytes();
            // A SACK-only datagram decodes into a packet that keeps no view of its bytes, so it
            // may share one scratch array (issue 6); any other gets an array of its own.
            scratch = ViewFreeDatagram.holdsOnlyViewFreeChunks(content);
            if (scratch) {
                if (scratchArray.length < length) {
                    scratchArray = new byte[Math.max(length, Math.max(FIRST_SCRATCH_BYTES, 2 * scratchArray.length))];
                }
                bytes = scratchArray;
            } else {
                bytes = new byte[length];
            }
            content.getBytes(content.readerIndex(), bytes, 0, length);
            sender = datagram.sender();
        } finally {
            datagram.release();
        }
        if (writer.dropsReceived(local, sender)) {
            counters.onDiscarded();
            return;
        }
        if (scratch) {
            driver.onDatagram(bytes, length, sender);
        } else {
            driver.onDatagram(bytes, sender);
        }
    }

    /** {@return the size of the scratch array, 0 before the first view-free datagram} On the event loop. */
    int scratchBytes() {
        return scratchArray.length;
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
