package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.PacketEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TransmitDrain}: the core's packets leave the channel byte for byte as the records of
 * {@link Association#pollTransmit()} would encode, in order, to the address asked for, with every
 * buffer released (the leak detector runs at PARANOID), also when a write re-enters the drain.
 */
class TransmitDrainTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 9899);
    private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("127.0.0.2", 9899);
    private static final long S = 1_000_000_000L;

    private final List<DatagramPacket> written = new ArrayList<>();
    private Runnable onFirstWrite = () -> { };
    private EmbeddedChannel channel;

    @AfterEach
    void release() {
        written.forEach(ReferenceCountUtil::release);
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private TransmitDrain drain() throws Exception {
        channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                written.add((DatagramPacket) msg);
                promise.setSuccess();
                Runnable r = onFirstWrite;
                onFirstWrite = () -> { };
                r.run();
            }
        });
        TransportCounters counters = new TransportCounters();
        PacketWriter writer = new PacketWriter(channel, counters, false);
        return new TransmitDrain(SocketRouter.single(InetAddress.getByName("127.0.0.1"), writer, counters));
    }

    /** An association with two INITs queued: the first and its T1-init retransmission (RFC 9260 section 5.1). */
    private static Association twoInitsQueued(long seed) {
        AssociationConfig config = AssociationConfig.builder().plpmtudEnabled(false).build();
        Endpoint endpoint = new Endpoint(EndpointConfig.of(5000, config), new SeededRandomSource(seed), 0);
        Association a = endpoint.connect(7, 0);
        a.handleTimeout(10 * S);
        return a;
    }

    private static List<byte[]> encodedByPoll(Association a) {
        List<byte[]> out = new ArrayList<>();
        for (OutgoingPacket p; (p = a.pollTransmit()) != null; ) {
            ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
            PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(),
                    p.zeroChecksum());
            out.add(b.array());
        }
        return out;
    }

    @Test
    void everyQueuedPacketLeavesInOrderAsItsRecordWouldBeEncoded() throws Exception {
        TransmitDrain drain = drain();
        Association core = twoInitsQueued(1);
        List<byte[]> expected = encodedByPoll(twoInitsQueued(1)); // the same association, taken by records
        drain.drainTo(core, PEER);
        channel.flush();
        assertThat(expected).hasSize(2);
        assertThat(written).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(written.get(i).recipient()).isEqualTo(PEER);
            assertThat(ByteBufUtil.getBytes(written.get(i).content())).isEqualTo(expected.get(i));
        }
        assertThat(core.hasOutput()).isFalse();
        assertThat(core.statistics().packetsSent()).isEqualTo(2);
    }

    @Test
    void aDrainNestedInAWriteLeavesTheOuterDrainsDestinationAlone() throws Exception {
        TransmitDrain drain = drain();
        Association outer = twoInitsQueued(1);
        Association inner = twoInitsQueued(2);
        onFirstWrite = () -> drain.drainTo(inner, OTHER_PEER);
        drain.drainTo(outer, PEER);
        channel.flush();
        assertThat(written).extracting(DatagramPacket::recipient)
                .containsExactly(PEER, OTHER_PEER, OTHER_PEER, PEER);
        assertThat(outer.hasOutput()).isFalse();
        assertThat(inner.hasOutput()).isFalse();
    }
}
