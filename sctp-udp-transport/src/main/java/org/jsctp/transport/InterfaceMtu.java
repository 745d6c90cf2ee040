package org.jsctp.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Enumeration;
import java.util.OptionalInt;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PmtuConfig;

/**
 * MAX_PLPMTU from the local interface MTU (RFC 8899 section 5.1.2: MAX_PLPMTU is at most the
 * local MTU): the largest SCTP packet, i.e. UDP payload, that leaves the interface unfragmented.
 * Probing beyond it would only have the local IP layer fragment the probe (Java cannot set DF on
 * a UDP socket before JDK 19), and so confirm a size the path does not carry whole.
 */
final class InterfaceMtu {

    private static final int UDP_HEADER = 8;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    /** The IP total-length field bounds every datagram. */
    private static final int IP_MAX = 65535;

    private InterfaceMtu() {
    }

    /**
     * The largest SCTP packet for a socket bound to {@code bindAddress}, from that address's
     * interface; for the wildcard (null) the largest MTU of the non-loopback interfaces that are
     * up (the loopback's 64 KiB would let probes to remote peers be fragmented locally), or the
     * loopback's if nothing else is up. Empty if no interface tells its MTU. IPv6 headers are
     * assumed unless the address is IPv4.
     */
    static OptionalInt maxSctpPacket(InetAddress bindAddress) {
        int mtu;
        try {
            mtu = bindAddress == null || bindAddress.isAnyLocalAddress() ? largestUpMtu() : mtuOf(bindAddress);
        } catch (SocketException e) {
            return OptionalInt.empty();
        }
        if (mtu <= 0) {
            return OptionalInt.empty();
        }
        int header = (bindAddress instanceof Inet4Address ? IPV4_HEADER : IPV6_HEADER) + UDP_HEADER;
        int packet = (Math.min(mtu, IP_MAX) - header) & ~3; // SCTP packets are multiples of 4 bytes
        return packet < PathConfig.MIN_MTU ? OptionalInt.empty() : OptionalInt.of(Math.min(packet, PathConfig.MAX_MTU));
    }

    /**
     * The configuration with MAX_PLPMTU capped at what the interface carries whole (and at
     * {@code maxDatagramBytes}, what this endpoint itself reads whole) when PLPMTUD is on: the
     * MAX_PLPMTU asked for ({@link PmtuConfig#effectiveMax}: the explicit one, else
     * {@code pathMtu}) is kept when it fits. Never below BASE_PLPMTU. A fixed MTU is left alone.
     */
    static AssociationConfig applyTo(AssociationConfig config, InetAddress bindAddress, int maxDatagramBytes) {
        PmtuConfig p = config.plpmtud();
        if (!p.enabled()) {
            return config;
        }
        OptionalInt local = maxSctpPacket(bindAddress);
        int cap = Math.min(local.orElse(PathConfig.MAX_MTU), maxDatagramBytes) & ~3;
        if (p.effectiveMax(config.pathMtu()) <= cap) {
            return config;
        }
        return config.toBuilder().plpmtud(p.withMaxPlpmtu(Math.max(p.basePlpmtu(), cap))).build();
    }

    private static int mtuOf(InetAddress address) throws SocketException {
        NetworkInterface ni = NetworkInterface.getByInetAddress(address);
        return ni == null ? -1 : ni.getMTU();
    }

    private static int largestUpMtu() throws SocketException {
        int best = -1;
        int loopback = -1;
        Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
        while (all != null && all.hasMoreElements()) {
            NetworkInterface ni = all.nextElement();
            if (!ni.isUp()) {
                continue;
            }
            if (ni.isLoopback()) {
                loopback = Math.max(loopback, ni.getMTU());
            } else {
                best = Math.max(best, ni.getMTU());
            }
        }
        return best > 0 ? best : loopback;
    }
}
