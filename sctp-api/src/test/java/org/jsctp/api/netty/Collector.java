package org.jsctp.api.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.sctp.SctpMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a test pipeline: records what reaches it (an {@link SctpMessage} as a
 * {@link Received}, a ByteBuf as its bytes, anything else as it is) and releases it.
 */
final class Collector extends ChannelInboundHandlerAdapter {

    /** What an SctpMessage carried. */
    record Received(int stream, int ppid, boolean unordered, boolean complete, byte[] bytes) {
    }

    final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    volatile io.netty.channel.Channel channel;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof SctpMessage m) {
                items.add(new Received(m.streamIdentifier(), m.protocolIdentifier(), m.isUnordered(), m.isComplete(),
                        ByteBufUtil.getBytes(m.content())));
            } else if (msg instanceof ByteBuf b) {
                items.add(ByteBufUtil.getBytes(b));
            } else {
                items.add(msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        items.add(cause);
    }

    /** The next item, waiting at most 20 s (reached only when something is broken). */
    Object next() throws InterruptedException {
        Object o = items.poll(20, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("nothing arrived in 20 s");
        }
        if (o instanceof Throwable t) {
            throw new AssertionError("the pipeline failed", t);
        }
        return o;
    }

    Object nextEvent() throws InterruptedException {
        Object o = events.poll(20, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("no event in 20 s");
        }
        return o;
    }
}
