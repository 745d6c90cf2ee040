package org.jsctp.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.jsctp.core.assoc.PacketToSend;

/**
 * The sockets of one event loop, one per local address the endpoint is bound to (all on the same
 * UDP port), and the choice of the socket each datagram leaves from. An endpoint bound to one
 * address (or the wildcard) has one socket and the choice is trivial.
 *
 * <p>Why one socket per address rather than one wildcard socket: the source address of a datagram
 * is then the address of the path, chosen by us and not by the kernel's routing, which is what
 * RFC 9260 section 6.4 assumes when it speaks of the source address a packet is sent from; and an
 * address taken down (by a test's {@link DatagramFilter}, or by the host) affects exactly its own
 * paths. The cost is one socket per address and loop.
 *
 * <p>The socket for a destination: one bound to the same family and the same scope (loopback or
 * not) if there is one, else one of the same family, else the first. Read batches are shared: a
 * read on any socket of the loop defers the flushes of all until it ends, since a packet read on
 * one socket may be answered on another. Used on the event loop only.
 */
final class SocketRouter {

    private final List<InetAddress> locals;
    private final List<PacketWriter> writers;
    private final DatagramFilter filter;
    private final TransportCounters counters;
    private boolean reading;

    /**
     * @param locals the bound address of each writer's socket, in the same order; null or the
     *     wildcard address for a socket bound to the wildcard
     */
    SocketRouter(List<InetAddress> locals, List<PacketWriter> writers, DatagramFilter filter,
                 TransportCounters counters) {
        if (locals.size() != writers.size() || writers.isEmpty()) {
            throw new IllegalArgumentException("one local address per writer, at least one: " + locals + ", "
                    + writers.size() + " writers");
        }
        this.locals = new java.util.ArrayList<>(locals.stream().map(a -> a == null ? wildcard() : a).toList());
        this.writers = new java.util.ArrayList<>(writers); // sockets come and go with ASCONF (RFC 5061)
        this.filter = filter;
        this.counters = counters;
    }

    /** A router with one socket. */
    static SocketRouter single(InetAddress local, PacketWriter writer, TransportCounters counters) {
        return new SocketRouter(java.util.Collections.singletonList(local), List.of(writer), DatagramFilter.NONE,
                counters);
    }

    /** Encodes {@code packet} and writes it to {@code to} from the socket {@link #socketFor} picks. */
    void write(PacketToSend packet, InetSocketAddress to) {
        int i = socketFor(to.getAddress());
        if (filter.drop(locals.get(i), to, true)) {
            counters.onDiscarded();
            return;
        }
        writers.get(i).write(packet, to);
    }

    /**
     * As {@link #write(PacketToSend, InetSocketAddress)}, from one of the sockets bound to
     * {@code usable}, the association's addresses it may send from now (RFC 5061 section 5.3: not
     * one whose addition the peer has not acknowledged, nor one being deleted); from any socket when
     * none of them is bound here or the list is empty.
     */
    void write(PacketToSend packet, InetSocketAddress to, List<InetAddress> usable) {
        if (writers.size() == 1 || usable.isEmpty()) {
            write(packet, to);
            return;
        }
        int i = socketFor(to.getAddress(), usable);
        if (filter.drop(locals.get(i), to, true)) {
            counters.onDiscarded();
            return;
        }
        writers.get(i).write(packet, to);
    }

    /** {@link #socketFor(InetAddress)} among the sockets bound to {@code usable}, if any is. */
    int socketFor(InetAddress destination, List<InetAddress> usable) {
        boolean any = false;
        for (InetAddress l : locals) {
            any |= usable.contains(l);
        }
        if (!any) {
            return socketFor(destination);
        }
        InetAddress d = AssociationTable.normalize(destination);
        int best = -1;
        int bestPrefix = -1;
        int sameFamily = -1;
        int first = -1;
        for (int i = 0; i < locals.size(); i++) {
            InetAddress l = locals.get(i);
            if (!usable.contains(l)) {
                continue;
            }
            first = first < 0 ? i : first;
            InetAddress n = AssociationTable.normalize(l);
            if (!(n instanceof Inet4Address == d instanceof Inet4Address)) {
                continue;
            }
            sameFamily = sameFamily < 0 ? i : sameFamily;
            if (n.isLoopbackAddress() != d.isLoopbackAddress()) {
                continue;
            }
            int prefix = commonPrefix(n.getAddress(), d.getAddress());
            if (prefix > bestPrefix) {
                best = i;
                bestPrefix = prefix;
            }
        }
        return best >= 0 ? best : sameFamily >= 0 ? sameFamily : first;
    }

    /** Whether a datagram received on the socket bound to {@code local} from {@code from} is dropped by the filter. */
    boolean dropsReceived(InetAddress local, InetSocketAddress from) {
        return filter.drop(local, from, false);
    }

    /**
     * Index of the socket to send to {@code destination} from: of the sockets of the
     * destination's family and scope (loopback or not), the one whose address shares the longest
     * prefix with it (as RFC 6724 section 5 rule 8 picks a source address; on a multi-homed host
     * that is the address on the destination's network), else one of the same family, else the
     * first. A wildcard socket takes every destination.
     */
    int socketFor(InetAddress destination) {
        if (writers.size() == 1) {
            return 0;
        }
        InetAddress d = AssociationTable.normalize(destination);
        int best = -1;
        int bestPrefix = -1;
        int sameFamily = -1;
        for (int i = 0; i < locals.size(); i++) {
            InetAddress l = AssociationTable.normalize(locals.get(i));
            if (l.isAnyLocalAddress()) {
                return i; // the kernel picks the source (a dual-stack IPv6 wildcard takes IPv4 too)
            }
            if (!(l instanceof Inet4Address == d instanceof Inet4Address)) {
                continue;
            }
            if (sameFamily < 0) {
                sameFamily = i;
            }
            if (l.isLoopbackAddress() != d.isLoopbackAddress()) {
                continue;
            }
            int prefix = commonPrefix(l.getAddress(), d.getAddress());
            if (prefix > bestPrefix) {
                best = i;
                bestPrefix = prefix;
            }
        }
        return best >= 0 ? best : sameFamily >= 0 ? sameFamily : 0;
    }

    /** How many leading bits two addresses of one family share. */
    static int commonPrefix(byte[] a, byte[] b) {
        int bits = 0;
        for (int i = 0; i < a.length; i++) {
            int x = (a[i] ^ b[i]) & 0xff;
            if (x != 0) {
                return bits + Integer.numberOfLeadingZeros(x) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    /** The local address of each socket. */
    List<InetAddress> locals() {
        return List.copyOf(locals);
    }

    /** How many sockets the router writes through: {@code locals().size()} without the copy (issue 6). */
    int localCount() {
        return locals.size();
    }

    /** A socket opened on {@code local} while the endpoint runs (RFC 5061: an address bound on a live association). */
    void add(InetAddress local, PacketWriter writer) {
        locals.add(local);
        writers.add(writer);
        if (reading) {
            writer.beginRead();
        }
    }

    /**
     * Forgets the socket bound to {@code local} (its address was deleted); never the last one.
     *
     * @return whether there was one
     */
    boolean remove(InetAddress local) {
        int i = locals.indexOf(local);
        if (i < 0 || writers.size() == 1) {
            return false;
        }
        PacketWriter w = writers.remove(i);
        locals.remove(i);
        if (reading) {
            w.endRead();
        }
        return true;
    }

    /** The local address of socket {@code i}. */
    InetAddress local(int i) {
        return locals.get(i);
    }

    /** A read batch begins on one of the sockets: flushes wait for {@link #endRead()}. */
    void beginRead() {
        if (!reading) {
            reading = true;
            writers.forEach(PacketWriter::beginRead);
        }
    }

    /** The read batch ended: flush what it wrote on every socket. */
    void endRead() {
        reading = false;
        writers.forEach(PacketWriter::endRead);
    }

    /** An input other than a read ended: flush every socket, unless a read batch is in progress. */
    void endInput() {
        writers.forEach(PacketWriter::endInput);
    }

    private static InetAddress wildcard() {
        return new InetSocketAddress(0).getAddress();
    }
}
