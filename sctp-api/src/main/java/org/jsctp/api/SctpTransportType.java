package org.jsctp.api;

/** Which Netty transport carries an endpoint's UDP socket. */
public enum SctpTransportType {
    /** Native epoll where available (Linux), NIO otherwise. */
    AUTO,
    /** Netty's native epoll transport (Linux only). */
    EPOLL,
    /** Java NIO. */
    NIO
}
