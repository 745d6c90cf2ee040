package org.jsctp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The UDP address each of an association's peer addresses is sent to. RFC 6951 section 5.4: the
 * remote UDP port is remembered per destination address, taken from packets from that address
 * that passed the verification tag check; until one arrives, a peer address is sent to the
 * association's initial remote UDP port (the configured one, or the COOKIE ECHO's source port
 * for an association a peer started). Used on the event loop only.
 */
final class PeerDestinations {

    private final int initialPort;
    /** By the address (IPv4-mapped taken as IPv4); values keep the address as the peer gave it. */
    private final Map<InetAddress, InetSocketAddress> byAddress = new HashMap<>();

    PeerDestinations(int initialPort) {
        this.initialPort = initialPort;
    }

    /** Where to send a packet for {@code address}; an address not seen before gets the initial port. */
    InetSocketAddress of(InetAddress address) {
        return byAddress.computeIfAbsent(AssociationTable.normalize(address),
                a -> new InetSocketAddress(address, initialPort));
    }

    /** Sets the UDP address of {@code address}'s IP address. */
    void set(InetSocketAddress address) {
        byAddress.put(AssociationTable.normalize(address.getAddress()), address);
    }

    /** Makes these addresses known (those already known keep their learnt port). */
    void know(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            of(a);
        }
    }

    /**
     * A packet that passed the tag check came from {@code sender}: if its address is known, its
     * port is the one to use from now on. Returns whether the address is known.
     */
    boolean learn(InetSocketAddress sender) {
        InetAddress key = AssociationTable.normalize(sender.getAddress());
        InetSocketAddress known = byAddress.get(key);
        if (known == null) {
            return false;
        }
        if (known.getPort() != sender.getPort()) {
            byAddress.put(key, new InetSocketAddress(known.getAddress(), sender.getPort()));
        }
        return true;
    }
}
