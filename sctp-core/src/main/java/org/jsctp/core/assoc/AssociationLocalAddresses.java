package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.core.asconf.LocalAddressBook;

/**
 * Our addresses in one association, as RFC 5061 section 5.3 changes them: at first those of
 * {@link AssociationConfig#localAddresses()} (listed in INIT or INIT ACK); an added address
 * joins once the peer acknowledged it (rule D2), a deleted one stops being a source as soon as its
 * deletion is queued (rule D4) and leaves once acknowledged. The transport asks
 * {@link #usableAsSource()} which of its sockets may send for the association.
 */
final class AssociationLocalAddresses implements LocalAddressBook {

    private final Set<InetAddress> known = new LinkedHashSet<>();
    private final Set<InetAddress> notSources = new HashSet<>();

    AssociationLocalAddresses(List<InetAddress> initial) {
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

    /** Our addresses packets (other than an ASCONF) may leave from now: known to the peer, not being deleted. */
    List<InetAddress> usableAsSource() {
        List<InetAddress> out = new ArrayList<>(known.size());
        for (InetAddress a : known) {
            if (!notSources.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
