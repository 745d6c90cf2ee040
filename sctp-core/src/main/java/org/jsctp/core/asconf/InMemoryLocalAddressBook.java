package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Our addresses in one association, as RFC 5061 section 5.3 changes them: at first those listed
 * in INIT or INIT ACK; an added address joins once the peer acknowledged it (rule D2), a deleted
 * one stops being a source as soon as its deletion is queued (rule D4) and leaves once
 * acknowledged. The association keeps one (see {@code assoc/AddressReconfiguration}); the
 * transport asks {@link #usableAsSource()} which of its sockets may send for the association.
 */
public final class InMemoryLocalAddressBook implements LocalAddressBook {

    private final Set<InetAddress> known = new LinkedHashSet<>();
    private final Set<InetAddress> notSources = new HashSet<>();

    /**
     * A book that starts with {@code initial}.
     *
     * @param initial our addresses the peer learnt at setup (INIT or INIT ACK, or the packets' source)
     */
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
     * {@return whether a packet other than one carrying an ASCONF may leave from {@code address}: it is
     * known to the peer and not being deleted (RFC 5061 section 5.3 rules D1, D2 and D4)}
     *
     * @param address one of our addresses
     */
    public boolean isUsableAsSource(InetAddress address) {
        return known.contains(address) && !notSources.contains(address);
    }

    /** {@return our addresses packets (other than an ASCONF) may leave from now, in the order they became known} */
    public List<InetAddress> usableAsSource() {
        List<InetAddress> out = new ArrayList<>(known.size());
        for (InetAddress a : known) {
            if (!notSources.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
