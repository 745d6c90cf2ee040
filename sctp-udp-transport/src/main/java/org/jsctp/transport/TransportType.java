package org.jsctp.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * Which Netty transport carries the UDP socket: Linux's native epoll, Java NIO, or whichever of
 * the two is best here ({@link #AUTO}).
 */
public enum TransportType {
    /** Native epoll when {@link Epoll#isAvailable()}, NIO otherwise. */
    AUTO,
    /** Netty's native epoll transport (Linux only; needs the netty-transport-native-epoll jar). */
    EPOLL,
    /** Java NIO, available everywhere. */
    NIO;

    /**
     * The concrete transport this choice stands for when the endpoint creates its own event loop:
     * {@link #AUTO} becomes {@link #EPOLL} or {@link #NIO}.
     *
     * @throws IllegalStateException if {@link #EPOLL} is asked for but not available
     */
    TransportType resolve() {
        return switch (this) {
            case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("native epoll transport unavailable", Epoll.unavailabilityCause());
                }
                yield EPOLL;
            }
            case NIO -> NIO;
        };
    }

    /**
     * The concrete transport to use on a caller's event loop group, which must run I/O handlers
     * of that transport.
     *
     * @throws IllegalArgumentException if the group cannot serve the transport asked for
     */
    TransportType resolveFor(EventLoopGroup group) {
        boolean epollGroup = group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
        boolean nioGroup = !(group instanceof IoEventLoopGroup io) || io.isIoType(NioIoHandler.class);
        TransportType wanted = this == AUTO ? (epollGroup ? EPOLL : NIO) : this;
        if (wanted == EPOLL && !epollGroup) {
            throw new IllegalArgumentException("the event loop group given does not run epoll I/O");
        }
        if (wanted == NIO && !nioGroup) {
            throw new IllegalArgumentException("the event loop group given does not run NIO I/O");
        }
        return wanted;
    }

    /** The I/O handler factory for a group of this (resolved) transport. */
    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
            case AUTO -> throw new IllegalStateException("resolve AUTO first");
        };
    }

    /**
     * Lets several sockets bind the same address and port (SO_REUSEPORT), the kernel spreading
     * datagrams over them by their addresses and ports. Epoll only.
     */
    void reusePort(DatagramChannel channel) {
        if (this != EPOLL) {
            throw new IllegalStateException("SO_REUSEPORT needs the native epoll transport, not " + this);
        }
        channel.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
    }

    /**
     * A new, unregistered datagram channel of this (resolved) transport.
     *
     * @param family the socket's address family, or null for the platform's default (dual-stack
     *     where IPv6 is available)
     */
    DatagramChannel newChannel(SocketProtocolFamily family) {
        return switch (this) {
            case EPOLL -> family == null ? new EpollDatagramChannel() : new EpollDatagramChannel(family);
            case NIO -> family == null ? new NioDatagramChannel() : new NioDatagramChannel(family);
            case AUTO -> throw new IllegalStateException("resolve AUTO first");
        };
    }
}
