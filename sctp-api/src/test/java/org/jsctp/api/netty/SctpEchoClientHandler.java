package org.jsctp.api.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.sctp.SctpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The client handler of Netty's SCTP echo example: sends a first message when the channel is
 * active and writes back whatever comes; unlike the example (which ping-pongs forever) it closes
 * after {@code rounds} echoes and completes {@link #done} with the payloads it received.
 */
final class SctpEchoClientHandler extends ChannelInboundHandlerAdapter {

    final CompletableFuture<List<byte[]>> done = new CompletableFuture<>();
    final List<Object> userEvents = new ArrayList<>();
    private final byte[] first;
    private final int rounds;
    private final List<byte[]> received = new ArrayList<>();

    SctpEchoClientHandler(byte[] first, int rounds) {
        this.first = first;
        this.rounds = rounds;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new SctpMessage(0, 0, Unpooled.wrappedBuffer(first)));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        SctpMessage m = (SctpMessage) msg;
        ByteBuf content = m.content();
        received.add(ByteBufUtil.getBytes(content));
        if (received.size() < rounds) {
            ctx.write(msg);
        } else {
            m.release();
            done.complete(List.copyOf(received));
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        userEvents.add(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.completeExceptionally(cause);
        ctx.close();
    }
}
