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
 * The endpoint's demultiplexing table: associations by our verification tag, each checked
 * against the remote IP address it was made with. Changed on the event loop only; the snapshot
 * and size may be read from any thread.
 */
final class AssociationTable {

    private final Map<Integer, SctpUdpAssociation> byLocalTag = new ConcurrentHashMap<>();

    /** Adds an association; false (and nothing changed) if its tag is taken. */
    boolean add(SctpUdpAssociation a) {
        return byLocalTag.putIfAbsent(a.core().localTag(), a) == null;
    }

    /** Moves an association that restarted (RFC 9260 section 5.2.4 case A) to its new tag. */
    void rekey(SctpUdpAssociation a, int previousLocalTag) {
        byLocalTag.remove(previousLocalTag, a);
        byLocalTag.put(a.core().localTag(), a);
    }

    /** Removes the association, if it is the one registered under its tag. */
    void remove(SctpUdpAssociation a) {
        byLocalTag.remove(a.core().localTag(), a);
    }

    /** The association with our tag {@code localTag} whose peer is at {@code from}, or null. */
    SctpUdpAssociation byLocalTag(int localTag, InetAddress from) {
        SctpUdpAssociation a = byLocalTag.get(localTag);
        return a != null && sameHost(a.remoteAddress().getAddress(), from) ? a : null;
    }

    /**
     * The association whose peer's tag is {@code peerTag} and whose peer is at {@code from}, or
     * null: for ABORT and SHUTDOWN COMPLETE with the T bit, which carry the sender's own tag
     * (RFC 9260 section 8.5.1). A linear search; such packets are rare.
     */
    SctpUdpAssociation byPeerTag(int peerTag, InetAddress from) {
        for (SctpUdpAssociation a : byLocalTag.values()) {
            if (a.core().peerTag() == peerTag && peerTag != 0 && sameHost(a.remoteAddress().getAddress(), from)) {
                return a;
            }
        }
        return null;
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
                for (SctpUdpAssociation a : byLocalTag.values()) {
                    if (a.core().peerPort() == peerPort && sameHost(a.remoteAddress().getAddress(), from)
                            && a.core().state() != AssociationState.CLOSED) {
                        touched.add(a);
                        return a.core();
                    }
                }
                return null;
            }

            @Override
            public int size() {
                return byLocalTag.size();
            }
        };
    }

    /** A copy of the current associations. */
    List<SctpUdpAssociation> snapshot() {
        return List.copyOf(byLocalTag.values());
    }

    int size() {
        return byLocalTag.size();
    }

    /** Whether two addresses name the same host, taking IPv4-mapped IPv6 addresses as their IPv4 address. */
    static boolean sameHost(InetAddress a, InetAddress b) {
        if (a.equals(b)) {
            return true; // the common case, and without copying address bytes
        }
        if ((a instanceof Inet6Address) == (b instanceof Inet6Address)) {
            return false; // same family, different addresses
        }
        return Arrays.equals(normalize(a).getAddress(), normalize(b).getAddress());
    }

    private static InetAddress normalize(InetAddress a) {
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
