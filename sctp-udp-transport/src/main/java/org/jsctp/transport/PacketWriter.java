package org.jsctp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.packet.PacketEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the core's packets into datagrams and writes them, flushing once per batch of input.
 *
 * <p>Buffer ownership: each packet gets a buffer of exactly its encoded length from the channel's
 * (pooled) allocator. If encoding fails the buffer is released here; otherwise it is wrapped in a
 * {@link DatagramPacket} and handed to {@code Channel.write}, after which Netty owns it and
 * releases it once the datagram is sent or the write fails.
 *
 * <p>Batching: a read batch (every datagram of one {@code channelRead} burst) is flushed in
 * {@code channelReadComplete}; any other input (timer, user call) is flushed when it ends.
 * Used on the event loop only.
 */
final class PacketWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PacketWriter.class);

    private final Channel channel;
    private final TransportCounters counters;
    private boolean reading;
    private boolean unflushed;

    PacketWriter(Channel channel, TransportCounters counters) {
        this.channel = channel;
        this.counters = counters;
    }

    /** Encodes {@code packet} and writes it to {@code to}, without flushing. */
    void write(OutgoingPacket packet, InetSocketAddress to) {
        int length = packet.encodedLength();
        ByteBuf buf = channel.alloc().ioBuffer(length, length);
        try {
            ByteBuffer out = buf.nioBuffer(buf.writerIndex(), length).order(ByteOrder.BIG_ENDIAN);
            int written = PacketEncoder.encode(out, packet.sourcePort(), packet.destinationPort(),
                    packet.verificationTag(), packet.chunks(), false);
            if (written != length) {
                throw new IllegalStateException("encoded " + written + " bytes of a " + length + "-byte packet");
            }
            buf.writerIndex(buf.writerIndex() + written);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("send {} bytes to {}: vtag=0x{} {}", length, to, Integer.toHexString(packet.verificationTag()),
                    ChunkNames.of(packet.chunks()));
        }
        channel.write(new DatagramPacket(buf, to), channel.voidPromise());
        counters.onSent();
        unflushed = true;
    }

    /** A read batch begins: flushes wait for {@link #endRead()}. */
    void beginRead() {
        reading = true;
    }

    /** The read batch ended: flush what it wrote. */
    void endRead() {
        reading = false;
        flush();
    }

    /** An input other than a read ended: flush, unless a read batch is in progress. */
    void endInput() {
        if (!reading) {
            flush();
        }
    }

    private void flush() {
        if (unflushed) {
            unflushed = false;
            channel.flush();
        }
    }
}
