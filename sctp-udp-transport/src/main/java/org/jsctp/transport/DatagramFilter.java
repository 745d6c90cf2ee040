package org.jsctp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A test hook of the transport: which datagrams to drop as if the network lost them, by the
 * local address of the socket and the remote UDP address. Multi-homing tests use it to take one
 * address's paths down (RFC 9260 section 8.2) without touching the host's interfaces. Called on
 * the event loop for every datagram sent and received; {@link #NONE} (the default) drops nothing.
 */
@FunctionalInterface
interface DatagramFilter {

    DatagramFilter NONE = (local, remote, sending) -> false;

    /**
     * @param local the address the socket is bound to (the wildcard address for an unbound one)
     * @param remote the datagram's destination (sent) or source (received)
     * @param sending true for a datagram about to be sent, false for one received
     * @return true to drop the datagram
     */
    boolean drop(InetAddress local, InetSocketAddress remote, boolean sending);
}
