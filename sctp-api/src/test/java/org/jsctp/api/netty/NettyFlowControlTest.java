package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.api.netty.Until.until;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure through the channels: with autoRead off a read() delivers one message (Netty's
 * allocators stop there), the rest wait in the association and close its receive window, so
 * the sender's send buffer fills and its channel turns unwritable.
 */
class NettyFlowControlTest {

    private static final int MESSAGES = 60;
    /** Two full DATA chunks of a 1452-byte packet: the receive window closes exactly (as in BackPressureTest). */
    private static final int SIZE = 2 * (1452 - 12 - 16);
    private static final int RECEIVE_BUFFER = 6 * SIZE;
    private static final int SEND_BUFFER = 2 * SIZE;

    /** Records each read's messages (sequence numbers) as one batch at channelReadComplete. */
    static final class OneReadAtATime extends ChannelInboundHandlerAdapter {
        final CompletableFuture<ChannelHandlerContext> ready = new CompletableFuture<>();
        final BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();
        final AtomicInteger requested = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger unasked = new AtomicInteger();
        private List<Integer> batch = new ArrayList<>();

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
            ready.complete(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            SctpMessage m = (SctpMessage) msg;
            try {
                if (delivered.incrementAndGet() > requested.get()) {
                    unasked.incrementAndGet(); // delivered without a read() asking for it
                }
                batch.add(m.content().getInt(0));
            } finally {
                m.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            batches.add(batch);
            batch = new ArrayList<>();
        }

        /** One read() on the channel's loop; returns that read's batch. */
        List<Integer> readOnce() throws Exception {
            ChannelHandlerContext ctx = ready.get(20, TimeUnit.SECONDS);
            ctx.executor().submit(() -> {
                requested.incrementAndGet();
                ctx.read();
            }).sync();
            List<Integer> b = batches.poll(20, TimeUnit.SECONDS);
            assertThat(b).as("a read() delivers something within 20 s").isNotNull();
            return b;
        }
    }

    /** Tracks the client channel's writability changes. */
    static final class Writability extends ChannelInboundHandlerAdapter {
        final BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            changes.add(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        boolean next() throws InterruptedException {
            Boolean b = changes.poll(20, TimeUnit.SECONDS);
            assertThat(b).as("a writability change within 20 s").isNotNull();
            return b;
        }
    }

    private static SctpMessage message(int seq) {
        ByteBuf b = Unpooled.buffer(SIZE);
        b.writeInt(seq);
        b.writeZero(SIZE - 4);
        return new SctpMessage(0, 0, b);
    }

    @Test
    void autoReadOffDeliversOneMessagePerReadAndTheSenderIsFlowControlled() throws Exception {
        OneReadAtATime reader = new OneReadAtATime();
        Writability writability = new Writability();
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER), () -> reader);
            UdpSctpChannel client = pair.client(Map.of(ChannelOption.SO_SNDBUF, SEND_BUFFER), writability);
            List<ChannelFuture> writes = new ArrayList<>();
            client.eventLoop().submit(() -> {
                for (int i = 0; i < MESSAGES; i++) {
                    writes.add(client.write(message(i)));
                }
                client.flush();
            }).sync();

            // nothing is read yet: the receiver's window and then the sender's buffer fill up
            assertThat(writability.next()).isFalse();
            assertThat(writes.stream().filter(ChannelFuture::isDone).count()).isLessThan(MESSAGES);
            // the unread messages wait in the receiver's association: its advertised window is 0
            until("the receiver's window is shut", () ->
                    client.sctpAssociation().statisticsAsync().get(20, TimeUnit.SECONDS).peerReceiverWindow() == 0);
            assertThat(reader.delivered).hasValue(0);

            for (int i = 0; i < MESSAGES; i++) {
                assertThat(reader.readOnce()).as("read " + i).containsExactly(i);
                if (i == MESSAGES / 4) {
                    // 8 messages fit in the two buffers: the rest still wait
                    long done = client.eventLoop().submit(() -> writes.stream().filter(ChannelFuture::isDone).count())
                            .get(20, TimeUnit.SECONDS);
                    assertThat(done).isLessThan(MESSAGES);
                }
            }
            for (ChannelFuture w : writes) {
                assertThat(w.await(20, TimeUnit.SECONDS)).isTrue();
                assertThat(w.isSuccess()).as("write %s", w.cause()).isTrue();
            }
            assertThat(reader.unasked).as("messages delivered without a read()").hasValue(0);
            assertThat(reader.delivered).hasValue(MESSAGES);
            assertThat(client.isWritable()).isTrue();
        }
    }

    /** With autoRead off, asks for the next message from channelRead itself, the tightest loop a handler can make. */
    static final class ReadsFromChannelRead extends ChannelInboundHandlerAdapter {
        final BlockingQueue<Integer> got = new LinkedBlockingQueue<>();
        final AtomicInteger depth = new AtomicInteger();
        final AtomicInteger deepest = new AtomicInteger();

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            SctpMessage m = (SctpMessage) msg;
            deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
            try {
                got.add(m.content().getInt(0));
                ctx.read();
            } finally {
                m.release();
                depth.decrementAndGet();
            }
        }
    }

    @Test
    void aReadFromChannelReadDoesNotRecurse() throws Exception {
        ReadsFromChannelRead reader = new ReadsFromChannelRead();
        CompletableFuture<UdpSctpChannel> sender = new CompletableFuture<>();
        try (NettyPair pair = new NettyPair()) {
            // the server's accepted channel sends; the client, whose endpoint shares its loop, reads
            pair.server(Map.of(), () -> new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    for (int i = 0; i < MESSAGES; i++) {
                        ctx.write(message(i));
                    }
                    ctx.flush();
                    sender.complete((UdpSctpChannel) ctx.channel());
                    ctx.fireChannelActive();
                }
            });
            UdpSctpChannel client = pair.client(Map.of(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER), reader);
            UdpSctpChannel s = sender.get(20, TimeUnit.SECONDS);
            until("messages wait in the reader's association", () ->
                    s.sctpAssociation().statisticsAsync().get(20, TimeUnit.SECONDS).peerReceiverWindow() == 0);
            client.eventLoop().execute(client::read);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(reader.got.poll(20, TimeUnit.SECONDS)).as("message %d", i).isEqualTo(i);
            }
            // each read() delivers in a task of its own, as after a kernel socket's read
            assertThat(reader.deepest).hasValue(1);
        }
    }

    @Test
    void writabilityFollowsTheSendBuffer() throws Exception {
        OneReadAtATime reader = new OneReadAtATime();
        Writability writability = new Writability();
        try (NettyPair pair = new NettyPair()) {
            pair.server(Map.of(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER), () -> reader);
            UdpSctpChannel client = pair.client(Map.of(ChannelOption.SO_SNDBUF, SEND_BUFFER), writability);
            // the way Netty code writes: while the channel is writable
            int written = client.eventLoop().submit(() -> {
                int n = 0;
                while (client.isWritable() && n < 10_000) {
                    client.writeAndFlush(message(n++));
                }
                return n;
            }).get(20, TimeUnit.SECONDS);
            assertThat(written).isLessThan(10_000);
            assertThat(writability.next()).isFalse();
            long pending = client.eventLoop().submit(() -> client.unsafe().outboundBuffer().totalPendingWriteBytes())
                    .get(20, TimeUnit.SECONDS);
            // unwritable because our send buffer is full, not because of Netty's own high-water mark
            assertThat(pending).isLessThan(client.config().getWriteBufferHighWaterMark());

            ChannelHandlerContext ctx = reader.ready.get(20, TimeUnit.SECONDS);
            ctx.executor().submit(() -> {
                reader.requested.set(Integer.MAX_VALUE);
                ctx.channel().config().setAutoRead(true);
            }).sync();
            assertThat(writability.next()).isTrue();
            for (int i = 0; i < written; ) {
                i += reader.batches.poll(20, TimeUnit.SECONDS).size();
            }
            assertThat(reader.delivered).hasValue(written);
        }
    }
}
