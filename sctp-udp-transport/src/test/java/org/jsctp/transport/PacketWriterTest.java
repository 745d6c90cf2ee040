package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link PacketWriter} groups packets into segmented sends: what leaves the channel, in which
 * order, and byte for byte the same as one encoding per packet.
 */
class PacketWriterTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 9899);
    private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("127.0.0.2", 9899);

    private final List<Object> written = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void release() {
        written.forEach(ReferenceCountUtil::release);
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void equalPacketsToOnePeerLeaveAsOneSegmentedSendEndedByAShorterOne() {
        PacketWriter writer = writer(true, false);
        List<OutgoingPacket> packets = List.of(data(1, 1200), data(2, 1200), data(3, 1200), data(4, 700));

        packets.forEach(p -> writer.write(p, PEER));
        writer.endInput();

        assertThat(written).hasSize(1);
        SegmentedDatagramPacket sent = (SegmentedDatagramPacket) written.get(0);
        assertThat(sent.segmentSize()).isEqualTo(packets.get(0).encodedLength());
        assertThat(sent.recipient()).isEqualTo(PEER);
        assertThat(ByteBufUtil.getBytes(sent.content())).isEqualTo(concat(packets));
    }

    @Test
    void aPacketThatCannotJoinSendsTheRunFirstSoOrderIsKept() {
        PacketWriter writer = writer(true, false);
        OutgoingPacket sack = packet(SackChunk.of(new Tsn(7), 65536));

        writer.write(data(1, 1200), PEER);
        writer.write(data(2, 1200), PEER);
        writer.write(sack, PEER); // shorter: joins as the run's last segment
        writer.write(data(3, 1200), PEER); // the run is closed: a new one
        writer.write(data(4, 1200), OTHER_PEER); // another peer: another run
        writer.write(data(5, 1300), OTHER_PEER); // longer than the run's segments: a run of its own
        writer.endInput();

        assertThat(written).hasSize(4);
        SegmentedDatagramPacket first = (SegmentedDatagramPacket) written.get(0);
        assertThat(ByteBufUtil.getBytes(first.content())).isEqualTo(concat(List.of(data(1, 1200), data(2, 1200), sack)));
        assertThat(written.subList(1, 4)).allSatisfy(m -> assertThat(m).isNotInstanceOf(SegmentedDatagramPacket.class));
        assertThat(((DatagramPacket) written.get(1)).recipient()).isEqualTo(PEER);
        assertThat(((DatagramPacket) written.get(2)).recipient()).isEqualTo(OTHER_PEER);
        assertThat(((DatagramPacket) written.get(3)).content().readableBytes())
                .isEqualTo(data(5, 1300).encodedLength());
    }

    @Test
    void aTrainOfEqualSacksIsOneSegmentedSendToo() {
        PacketWriter writer = writer(true, false);
        List<OutgoingPacket> sacks = List.of(packet(SackChunk.of(new Tsn(2), 65536)),
                packet(SackChunk.of(new Tsn(4), 65536)), packet(SackChunk.of(new Tsn(6), 65536)));

        sacks.forEach(p -> writer.write(p, PEER));
        writer.endInput();

        assertThat(written).hasSize(1);
        assertThat(((SegmentedDatagramPacket) written.get(0)).segmentSize()).isEqualTo(sacks.get(0).encodedLength());
        assertThat(ByteBufUtil.getBytes(((DatagramPacket) written.get(0)).content())).isEqualTo(concat(sacks));
    }

    @Test
    void aRunStopsAtTheSegmentLimit() {
        PacketWriter writer = writer(true, false);
        int count = SegmentRun.MAX_SEGMENTS + 1;
        for (int i = 0; i < count; i++) {
            writer.write(data(i, 600), PEER); // 628-byte packets: the segment count binds before the byte limit
        }
        writer.endInput();

        assertThat(written).hasSize(2);
        assertThat(((DatagramPacket) written.get(0)).content().readableBytes())
                .isEqualTo(SegmentRun.MAX_SEGMENTS * data(0, 600).encodedLength());
        assertThat(written.get(1)).isNotInstanceOf(SegmentedDatagramPacket.class);
    }

    @Test
    void aShorterLastPacketThatWouldOverflowAFullRunStartsANewOne() {
        PacketWriter writer = writer(true, false);
        int length = data(0, 1200).encodedLength();
        int fit = SegmentRun.MAX_BYTES / length; // full-size segments one send can carry
        for (int i = 0; i < fit; i++) {
            writer.write(data(i, 1200), PEER);
        }
        OutgoingPacket shortOne = data(fit, 272); // fits the byte limit, not the run's buffer
        writer.write(shortOne, PEER);
        writer.endInput();

        assertThat(written).hasSize(2);
        assertThat(((DatagramPacket) written.get(0)).content().readableBytes()).isEqualTo(fit * length);
        assertThat(((DatagramPacket) written.get(1)).content().readableBytes()).isEqualTo(shortOne.encodedLength());
    }

    @Test
    void aRefusedSegmentedSendTurnsSegmentationOffForGood() {
        PacketWriter writer = writer(true, true);

        writer.write(data(1, 1200), PEER);
        writer.write(data(2, 1200), PEER);
        writer.endInput(); // refused by the channel
        writer.write(data(3, 1200), PEER);
        writer.write(data(4, 1200), PEER);
        writer.endInput();

        assertThat(written).hasSize(2);
        assertThat(written).allSatisfy(m -> assertThat(m).isNotInstanceOf(SegmentedDatagramPacket.class));
    }

    @Test
    void withoutOffloadEveryPacketIsADatagramOfItsOwn() {
        PacketWriter writer = writer(false, false);
        List<OutgoingPacket> packets = List.of(data(1, 1200), data(2, 1200));

        packets.forEach(p -> writer.write(p, PEER));
        writer.endInput();

        assertThat(written).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(written.get(i)).isNotInstanceOf(SegmentedDatagramPacket.class);
            assertThat(ByteBufUtil.getBytes(((DatagramPacket) written.get(i)).content()))
                    .isEqualTo(concat(packets.subList(i, i + 1)));
        }
    }

    @Test
    void aPacketMarkedForZeroChecksumLeavesWithZeroInTheChecksumFieldAloneAndInARun() {
        for (boolean segmentation : new boolean[] {false, true}) {
            written.forEach(ReferenceCountUtil::release);
            written.clear();
            TransportCounters counters = new TransportCounters();
            PacketWriter writer = writer(segmentation, false, counters);
            OutgoingPacket zero = withZeroChecksum(data(1, 1200));
            OutgoingPacket crc = data(2, 1200);

            writer.write(zero, PEER);
            writer.write(crc, PEER);
            writer.endInput();

            List<byte[]> datagrams = new ArrayList<>();
            for (Object o : written) {
                byte[] all = ByteBufUtil.getBytes(((DatagramPacket) o).content());
                for (int at = 0; at < all.length; at += zero.encodedLength()) {
                    datagrams.add(java.util.Arrays.copyOfRange(all, at, at + zero.encodedLength()));
                }
            }
            assertThat(datagrams).hasSize(2);
            assertThat(ByteBuffer.wrap(datagrams.get(0)).getInt(8)).as("RFC 9653: zero checksum").isZero();
            assertThat(ByteBuffer.wrap(datagrams.get(1)).getInt(8))
                    .isEqualTo(org.jsctp.core.packet.Crc32c.compute(datagrams.get(1), 0, datagrams.get(1).length));
            assertThat(counters.zeroChecksumSent()).isEqualTo(1);
            assertThat(counters.datagramsSent()).isEqualTo(2);
        }
    }

    private static OutgoingPacket withZeroChecksum(OutgoingPacket p) {
        return new OutgoingPacket(p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(), true);
    }

    private PacketWriter writer(boolean segmentation, boolean refuseSegmented) {
        return writer(segmentation, refuseSegmented, new TransportCounters());
    }

    /**
     * A writer on an embedded channel whose outbound end records what reaches it, refusing
     * segmented sends when {@code refuseSegmented}.
     */
    private PacketWriter writer(boolean segmentation, boolean refuseSegmented, TransportCounters counters) {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
        channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (refuseSegmented && msg instanceof SegmentedDatagramPacket) {
                    ReferenceCountUtil.release(msg);
                    promise.setFailure(new IOException("refused"));
                    return;
                }
                written.add(msg);
                promise.setSuccess();
            }
        });
        return new PacketWriter(channel, counters, segmentation);
    }

    private static OutgoingPacket data(int tsn, int length) {
        return packet(new DataChunk(false, false, true, true, new Tsn(tsn), 0, new Ssn(tsn), 0,
                Bytes.wrap(new byte[length])));
    }

    private static OutgoingPacket packet(Chunk chunk) {
        return new OutgoingPacket(5001, 5002, 0x1234, List.of(chunk));
    }

    private static byte[] concat(List<OutgoingPacket> packets) {
        ByteBuf all = Unpooled.buffer();
        try {
            for (OutgoingPacket p : packets) {
                byte[] one = new byte[p.encodedLength()];
                PacketEncoder.encode(ByteBuffer.wrap(one), p.sourcePort(), p.destinationPort(),
                        p.verificationTag(), p.chunks(), p.zeroChecksum());
                all.writeBytes(one);
            }
            return ByteBufUtil.getBytes(all);
        } finally {
            all.release();
        }
    }
}
