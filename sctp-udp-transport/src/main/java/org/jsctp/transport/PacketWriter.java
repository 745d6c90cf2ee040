package org.jsctp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jsctp.core.assoc.PacketToSend;
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
 * {@code channelReadComplete}; any other input (timer, user call) is flushed when it ends. With
 * UDP segmentation offload on, consecutive packets of one length to one destination are encoded
 * into one buffer ({@link SegmentRun}) and leave in one {@code sendmsg}; a packet that cannot join
 * the run sends it first, so datagrams keep their order. Should the kernel refuse a segmented send
 * (a device without the offload, a segment above the device MTU), the writer falls back to one
 * datagram per packet for good; SCTP retransmits what that send lost. Used on the event loop only.
 */
final class PacketWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PacketWriter.class);

    private final Channel channel;
    private final TransportCounters counters;
    private final SegmentRun run = new SegmentRun();
    private boolean segmentation;
    private final ChannelFutureListener onSegmentedSend = this::segmentedSendDone;
    private boolean reading;
    private boolean unflushed;

    /**
     * @param segmentation whether to send runs of packets with UDP segmentation offload; only for
     *     an epoll channel on a kernel that has it
     */
    PacketWriter(Channel channel, TransportCounters counters, boolean segmentation) {
        this.channel = channel;
        this.counters = counters;
        this.segmentation = segmentation;
    }

    /**
     * Encodes {@code packet} and writes it to {@code to}, without flushing. Nothing of the packet
     * is kept once this returns (it may be the core's reused view, {@link PacketToSend}).
     */
    void write(PacketToSend packet, InetSocketAddress to) {
        int length = packet.encodedLength();
        if (segmentation) {
            if (!run.accepts(length, to)) {
                sendRun();
                run.start(channel.alloc(), length, to);
            }
            encode(packet, run.buffer(), length); // on failure the run keeps what it had
            run.added(length);
        } else {
            sendRun();
            ByteBuf buf = channel.alloc().ioBuffer(length, length);
            try {
                encode(packet, buf, length);
            } catch (RuntimeException e) {
                buf.release();
                throw e;
            }
            channel.write(new DatagramPacket(buf, to), channel.voidPromise());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("send {} bytes to {}: vtag=0x{} {}", length, to, Integer.toHexString(packet.verificationTag()),
                    ChunkNames.of(packet.chunks()));
        }
        counters.onSent();
        if (packet.zeroChecksum()) {
            counters.onZeroChecksumSent();
        }
        unflushed = true;
    }

    /** Appends the encoding of {@code packet}, {@code length} bytes, at the buffer's writer index. */
    private static void encode(PacketToSend packet, ByteBuf buf, int length) {
        buf.ensureWritable(length);
        ByteBuffer out = buf.internalNioBuffer(buf.writerIndex(), length).order(ByteOrder.BIG_ENDIAN);
        int written = PacketEncoder.encode(out, packet.sourcePort(), packet.destinationPort(),
                packet.verificationTag(), packet.chunks(), packet.zeroChecksum()); // RFC 9653 section 5.2
        if (written != length) {
            throw new IllegalStateException("encoded " + written + " bytes of a " + length + "-byte packet");
        }
        buf.writerIndex(buf.writerIndex() + written);
    }

    private void segmentedSendDone(ChannelFuture f) {
        if (!f.isSuccess() && segmentation && f.channel().isOpen()) { // not a write failed by closing
            segmentation = false;
            LOG.warn("UDP segmentation offload refused on {}; sending one datagram per packet from now on",
                    f.channel(), f.cause());
        }
    }

    /** Writes the open run, if any: one datagram, or one segmented send of several. */
    private void sendRun() {
        if (run.isEmpty()) {
            return;
        }
        int segments = run.segments();
        if (segments == 0) {
            run.discard(); // its only packet failed to encode
            return;
        }
        int segmentLength = run.segmentLength();
        InetSocketAddress to = run.destination();
        ByteBuf buf = run.take();
        if (segments == 1) {
            channel.write(new DatagramPacket(buf, to), channel.voidPromise());
        } else {
            channel.write(new SegmentedDatagramPacket(buf, segmentLength, to), channel.newPromise()
                    .addListener(onSegmentedSend));
            counters.onSegmentedSend();
        }
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
        sendRun();
        if (unflushed) {
            unflushed = false;
            channel.flush();
        }
    }
}
