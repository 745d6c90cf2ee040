package org.jsctp.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationDirectory;
import org.jsctp.core.assoc.AssociationState;

/**
 * The endpoint's demultiplexing tables: associations by our verification tag, each checked
 * against the remote IP address it was made with, and by peer (remote IP address and SCTP port),
 * which identifies an association (RFC 9260 section 1.3: two endpoints have at most one between
 * them). Both are hash lookups, so no packet costs a walk over all associations. Thread-safe:
 * changed by the event loops that own the associations, read by any.
 */
final class AssociationTable {

    /** Identifies the peer of an association: its IP address (IPv4-mapped IPv6 taken as IPv4) and SCTP port. */
    record PeerKey(InetAddress host, int sctpPort) {
        static PeerKey of(InetAddress host, int sctpPort) {
            return new PeerKey(normalize(host), sctpPort);
        }
    }

    /** Read on every packet: keyed by the tag itself, not a boxed one (issue 6). */
    private final TagMap<SctpUdpAssociation> byLocalTag = new TagMap<>();
    private final Map<PeerKey, SctpUdpAssociation> byPeer = new ConcurrentHashMap<>();

    /**
     * Adds an association; false (and nothing changed) if its tag is taken or an association with
     * the same peer exists.
     */
    boolean add(SctpUdpAssociation a) {
        PeerKey peer = a.peerKey();
        if (byPeer.putIfAbsent(peer, a) != null) {
            return false;
        }
        if (byLocalTag.putIfAbsent(a.core().localTag(), a) != null) {
            byPeer.remove(peer, a);
            return false;
        }
        return true;
    }

    /** Moves an association that restarted (RFC 9260 section 5.2.4 case A) to its new tag. */
    void rekey(SctpUdpAssociation a, int previousLocalTag) {
        byLocalTag.remove(previousLocalTag, a);
        byLocalTag.put(a.core().localTag(), a);
    }

    /**
     * Registers the association under each of its peer's addresses too (RFC 9260 section 1.3: an
     * association is identified by the peer's transport addresses, any of them), so an INIT or
     * an ABORT from any of them finds it. An address another association holds stays with it.
     */
    void addPeerAddresses(SctpUdpAssociation a, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            PeerKey key = PeerKey.of(address, a.core().peerPort());
            if (byPeer.putIfAbsent(key, a) == null) {
                a.extraPeerKeys().add(key);
            }
        }
    }

    /** Removes the association, if it is the one registered under its tag and peer. */
    void remove(SctpUdpAssociation a) {
        byLocalTag.remove(a.core().localTag(), a);
        byPeer.remove(a.peerKey(), a);
        for (PeerKey key : a.extraPeerKeys()) {
            byPeer.remove(key, a);
        }
    }

    /**
     * The association with our tag {@code localTag} whose peer is at {@code from}, or null. A
     * multi-homed peer's packets are taken from any source address (usrsctp sends every path's
     * packets from one socket, the source picked by the kernel): the tag is the check (RFC 9260
     * section 8.5); a single-homed one's must come from its address.
     */
    SctpUdpAssociation byLocalTag(int localTag, InetAddress from) {
        SctpUdpAssociation a = byLocalTag.get(localTag);
        if (a == null) {
            return null;
        }
        return a.multihomed() || sameHost(a.remoteAddress().getAddress(), from) || a.isPeerAddress(from) ? a : null;
    }

    /** The association with the peer at {@code from}, SCTP port {@code peerPort}, or null. */
    SctpUdpAssociation byPeer(InetAddress from, int peerPort) {
        return byPeer.get(PeerKey.of(from, peerPort));
    }

    /**
     * The view the core's endpoint consults for a packet from {@code from}; every association it
     * finds is added to {@code touched}, so the caller drains its outputs afterwards.
     */
    AssociationDirectory directoryFor(InetAddress from, List<SctpUdpAssociation> touched) {
        return new AssociationDirectory() {
            @Override
            public Association find(int localTag, int peerPort) {
                SctpUdpAssociation a = byLocalTag(localTag, from);
                if (a == null || a.core().peerPort() != peerPort) {
                    return null;
                }
                touched.add(a);
                return a.core();
            }

            @Override
            public Association findByPeer(int peerPort) {
                SctpUdpAssociation a = byPeer(from, peerPort);
                if (a == null || a.core().state() == AssociationState.CLOSED) {
                    return null;
                }
                touched.add(a);
                return a.core();
            }

            @Override
            public int size() {
                return byLocalTag.size();
            }

            @Override
            public boolean localTagInUse(int localTag) {
                return byLocalTag.containsKey(localTag);
            }
        };
    }

    /** A copy of the current associations. */
    List<SctpUdpAssociation> snapshot() {
        return byLocalTag.values();
    }

    int size() {
        return byLocalTag.size();
    }

    /** Whether two addresses name the same host, taking IPv4-mapped IPv6 addresses as their IPv4 address. */
    static boolean sameHost(InetAddress a, InetAddress b) {
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /** The address itself, or for an IPv4-mapped IPv6 address the IPv4 address it carries. */
    static InetAddress normalize(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    throw new AssertionError(e); // four bytes are always a valid IPv4 address
                }
            }
        }
        return a;
    }
}
