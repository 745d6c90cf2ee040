package org.jsctp.transport.impair;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's socket facing one side, which a NAT would call the mapping: datagrams for that side
 * leave from it, and the side's datagrams arrive at it. {@link #rebind} plays a NAT that drops
 * the mapping and makes a new one: a new socket on a new port takes over, and the old one is
 * closed, so whatever the side still sends to the old port is lost (RFC 6951 section 5.4: the
 * peer must learn the new port from the packets it receives). Used on the relay's event loop,
 * except for the read-only getters.
 */
final class Rebinder {

    private final Side side;
    private final Bootstrap bootstrap;
    private final InetAddress bindAddress;
    private final AtomicLong rebinds = new AtomicLong();
    private volatile Channel current;
    private boolean rebinding;

    /** @param bootstrap bootstraps a datagram channel whose handler reports reads to the relay */
    Rebinder(Side side, Bootstrap bootstrap, InetAddress bindAddress) {
        this.side = side;
        this.bootstrap = bootstrap;
        this.bindAddress = bindAddress;
    }

    /** Binds the first socket, on {@code port} (0: any free one). */
    ChannelFuture bind(int port) {
        ChannelFuture f = bootstrap.bind(new InetSocketAddress(bindAddress, port));
        current = f.channel();
        return f;
    }

    /** Sends {@code bytes} to {@code to} from the current socket. */
    void send(byte[] bytes, InetSocketAddress to) {
        current.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), to), current.voidPromise());
    }

    /** Whether {@code channel} is the current socket (datagrams read on an old one are stale). */
    boolean isCurrent(Channel channel) {
        return channel == current;
    }

    /**
     * Moves to a new socket on a fresh ephemeral port; the old one keeps sending until the new one
     * is bound, then closes. Completes with the new port; a rebind asked for while one is under
     * way completes with that one's port.
     */
    CompletableFuture<Integer> rebind() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        if (rebinding) {
            result.completeExceptionally(new IllegalStateException("a rebinding of side " + side + " is under way"));
            return result;
        }
        rebinding = true;
        bootstrap.bind(new InetSocketAddress(bindAddress, 0)).addListener((ChannelFuture f) -> {
            rebinding = false;
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            Channel old = current;
            current = f.channel();
            rebinds.incrementAndGet();
            old.close();
            result.complete(port());
        });
        return result;
    }

    /** The local port of the current socket. */
    int port() {
        return ((InetSocketAddress) current.localAddress()).getPort();
    }

    InetAddress bindAddress() {
        return bindAddress;
    }

    long rebinds() {
        return rebinds.get();
    }

    boolean isRebinding() {
        return rebinding;
    }

    void close() {
        if (current != null) {
            current.close();
        }
    }
}
