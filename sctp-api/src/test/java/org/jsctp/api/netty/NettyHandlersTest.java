package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpMessage;
import io.netty.handler.codec.sctp.SctpInboundByteStreamHandler;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import io.netty.handler.codec.sctp.SctpMessageToMessageDecoder;
import io.netty.handler.codec.sctp.SctpOutboundByteStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsctp.api.SctpOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Netty's own SCTP handlers (io.netty.handler.codec.sctp) in pipelines over our channels. */
class NettyHandlersTest {

    private final NettyPair pair = new NettyPair();

    @AfterEach
    void close() {
        pair.close();
    }

    /** Passes messages on, remembering whether each was complete (RFC 6458 section 8.1.20's pieces). */
    static final class Pieces extends ChannelInboundHandlerAdapter {
        final List<Boolean> complete = new CopyOnWriteArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            complete.add(((SctpMessage) msg).isComplete());
            ctx.fireChannelRead(msg);
        }
    }

    @Test
    void completionHandlerJoinsTheWholeMessageDeliveredInPieces() throws Exception {
        Pieces pieces = new Pieces();
        Collector got = new Collector();
        pair.server(Map.of(UdpSctpChannelOption.PARTIAL_DELIVERY_POINT, 4096), () -> pieces,
                SctpMessageCompletionHandler::new, () -> got);
        UdpSctpChannel client = pair.client(Map.of());
        byte[] big = pattern(200_000);
        client.writeAndFlush(new SctpMessage(51, 1, Unpooled.wrappedBuffer(big))).sync();

        Collector.Received r = (Collector.Received) got.next();
        assertThat(r.bytes()).isEqualTo(big);
        assertThat(r.stream()).isEqualTo(1);
        assertThat(r.ppid()).isEqualTo(51);
        assertThat(r.complete()).isTrue();
        assertThat(pieces.complete).hasSizeGreaterThan(1).last().isEqualTo(true);
        assertThat(pieces.complete.subList(0, pieces.complete.size() - 1)).containsOnly(false);
        assertThat(got.items).isEmpty();
    }

    /** Decodes stream 3's messages as UTF-8 text. */
    static final class TextDecoder extends SctpMessageToMessageDecoder {
        @Override
        public boolean acceptInboundMessage(Object msg) throws Exception {
            return super.acceptInboundMessage(msg) && ((SctpMessage) msg).streamIdentifier() == 3;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, SctpMessage msg, List<Object> out) {
            out.add(msg.content().toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void byteStreamHandlersAndAMessageDecoderSeeTheirStreamsAndPpids() throws Exception {
        Collector got = new Collector();
        pair.server(Map.of(), SctpMessageCompletionHandler::new, () -> new SctpInboundByteStreamHandler(52, 2),
                TextDecoder::new, () -> got);
        UdpSctpChannel client = pair.client(Map.of(), new SctpOutboundByteStreamHandler(2, 52));

        client.writeAndFlush(Unpooled.copiedBuffer("as a byte stream", StandardCharsets.UTF_8)).sync();
        assertThat(got.next()).isEqualTo("as a byte stream".getBytes(StandardCharsets.UTF_8));

        client.writeAndFlush(new SctpMessage(53, 3, true, Unpooled.copiedBuffer("text", StandardCharsets.UTF_8)))
                .sync();
        assertThat(got.next()).isEqualTo("text");

        client.writeAndFlush(new SctpMessage(54, 4, true, Unpooled.wrappedBuffer(new byte[] {9}))).sync();
        Collector.Received other = (Collector.Received) got.next();
        assertThat(other.stream()).isEqualTo(4);
        assertThat(other.ppid()).isEqualTo(54);
        assertThat(other.unordered()).isTrue();
        assertThat(other.bytes()).containsExactly(9);
    }

    @Test
    void anAcceptedChannelHasTheServersOptionsAndTakesLiveOnes() throws Exception {
        Collector got = new Collector();
        pair.server(Map.of(ChannelOption.SO_RCVBUF, 256 * 1024), () -> got);
        UdpSctpChannel client = pair.client(Map.of());
        client.writeAndFlush(new SctpMessage(0, 0, Unpooled.wrappedBuffer(new byte[] {1}))).sync();
        got.next();
        UdpSctpChannel child = (UdpSctpChannel) got.channel;

        assertThat(child.parent()).isSameAs(pair.server);
        assertThat(child.config().getReceiveBufferSize()).isEqualTo(256 * 1024);
        assertThat(child.sctpAssociation().getOption(SctpOptions.RECEIVE_BUFFER)).isEqualTo(256 * 1024);
        assertThat(child.association().associationID()).isEqualTo(child.sctpAssociation().id());
        assertThat(child.localAddress().getPort()).isEqualTo(NettyPair.PORT);
        assertThat(child.remoteAddress()).isEqualTo(new java.net.InetSocketAddress("127.0.0.1",
                client.localAddress().getPort()));

        child.config().setSctpNoDelay(true); // live (RFC 6458 section 8.1.5)
        assertThat(child.sctpAssociation().getOption(SctpOptions.NODELAY)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> child.config().setReceiveBufferSize(4096))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SO_RCVBUF");
    }

    @Test
    void writesBeyondAFullSendBufferWaitAndAllArriveInOrder() throws Exception {
        Collector got = new Collector();
        pair.server(Map.of(), () -> got);
        UdpSctpChannel client = pair.client(Map.of(ChannelOption.SO_SNDBUF, 8192));
        io.netty.channel.ChannelFuture last = null;
        for (int i = 0; i < 100; i++) {
            byte[] b = pattern(4000);
            b[0] = (byte) i;
            last = client.write(new SctpMessage(0, 1, Unpooled.wrappedBuffer(b)));
        }
        client.flush();
        assertThat(last.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(last.isSuccess()).isTrue();
        for (int i = 0; i < 100; i++) {
            Collector.Received r = (Collector.Received) got.next();
            assertThat(r.bytes()).hasSize(4000);
            assertThat(r.bytes()[0]).isEqualTo((byte) i);
        }
    }

    @Test
    void aPeersShutdownReachesTheAcceptedChannelAsANotificationAndClosesIt() throws Exception {
        Collector got = new Collector();
        pair.server(Map.of(), () -> got);
        UdpSctpChannel client = pair.client(Map.of());
        client.writeAndFlush(new SctpMessage(0, 0, Unpooled.wrappedBuffer(new byte[] {1}))).sync();
        got.next();
        io.netty.channel.Channel child = got.channel;
        assertThat(got.nextEvent()).isInstanceOfSatisfying(com.sun.nio.sctp.AssociationChangeNotification.class,
                n -> assertThat(n.event()).isEqualTo(
                        com.sun.nio.sctp.AssociationChangeNotification.AssocChangeEvent.COMM_UP));

        client.close().sync();
        assertThat(child.closeFuture().await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(got.events).anySatisfy(e -> assertThat(e).isInstanceOf(com.sun.nio.sctp.ShutdownNotification.class));
        assertThat(client.isOpen()).isFalse();
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
