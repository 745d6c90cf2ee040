package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link LocalAddressBook} that only remembers which of our addresses the peer knows and which
 * may be a packet's source. For tests and until the multi-homing path set takes its place.
 */
public final class InMemoryLocalAddressBook implements LocalAddressBook {

    private final Set<InetAddress> known = new LinkedHashSet<>();
    private final Set<InetAddress> notSources = new HashSet<>();

    /** @param initial our addresses the peer learnt at setup (INIT or INIT ACK, or the packets' source) */
    public InMemoryLocalAddressBook(List<InetAddress> initial) {
        known.addAll(initial);
    }

    @Override
    public List<InetAddress> knownToPeer() {
        return List.copyOf(known);
    }

    @Override
    public void stopUsingAsSource(InetAddress address) {
        notSources.add(address);
    }

    @Override
    public void added(InetAddress address) {
        known.add(address);
        notSources.remove(address);
    }

    @Override
    public void deleted(InetAddress address) {
        known.remove(address);
        notSources.remove(address);
    }

    @Override
    public void deletionRefused(InetAddress address) {
        notSources.remove(address);
    }

    /**
     * Whether a packet other than one carrying an ASCONF may leave from {@code address}: it is
     * known to the peer and not being deleted (RFC 5061 section 5.3 rules D1, D2 and D4).
     */
    public boolean isUsableAsSource(InetAddress address) {
        return known.contains(address) && !notSources.contains(address);
    }
}
