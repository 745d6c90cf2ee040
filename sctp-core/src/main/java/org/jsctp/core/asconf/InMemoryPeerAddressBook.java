package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link PeerAddressBook} that only remembers: addresses in order, which are unconfirmed, the
 * primary, and addresses local policy refuses. For tests and until the multi-homing path set
 * takes its place.
 */
public final class InMemoryPeerAddressBook implements PeerAddressBook {

    private final Set<InetAddress> addresses = new LinkedHashSet<>();
    private final Set<InetAddress> unconfirmed = new HashSet<>();
    private final Set<InetAddress> refused = new HashSet<>();
    private final int capacity;
    private InetAddress primary;

    /**
     * A book that starts with the peer's {@code initial} addresses.
     *
     * @param capacity how many addresses fit before {@link AddOutcome#NO_RESOURCES}
     * @param initial the peer's confirmed addresses at setup; the first is the primary
     */
    public InMemoryPeerAddressBook(int capacity, List<InetAddress> initial) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        for (InetAddress a : initial) {
            addresses.add(Objects.requireNonNull(a, "address"));
        }
        this.primary = addresses.isEmpty() ? null : addresses.iterator().next();
    }

    /**
     * Local policy: adding {@code address} is refused with {@link AddOutcome#NOT_AUTHORIZED}.
     *
     * @param address the address to refuse
     */
    public void refuse(InetAddress address) {
        refused.add(address);
    }

    @Override
    public boolean contains(InetAddress address) {
        return addresses.contains(address);
    }

    @Override
    public int size() {
        return addresses.size();
    }

    @Override
    public List<InetAddress> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public AddOutcome add(InetAddress address) {
        if (refused.contains(address)) {
            return AddOutcome.NOT_AUTHORIZED;
        }
        if (addresses.size() >= capacity) {
            return AddOutcome.NO_RESOURCES;
        }
        addresses.add(address);
        unconfirmed.add(address);
        if (primary == null) {
            primary = address;
        }
        return AddOutcome.ADDED;
    }

    @Override
    public void remove(InetAddress address) {
        addresses.remove(address);
        unconfirmed.remove(address);
        if (address.equals(primary)) {
            primary = addresses.isEmpty() ? null : addresses.iterator().next();
        }
    }

    @Override
    public void setPrimary(InetAddress address) {
        if (!addresses.contains(address)) {
            throw new IllegalArgumentException("not a peer address: " + address);
        }
        primary = address;
    }

    /** {@return the primary destination, or null when there is no address} */
    public InetAddress primary() {
        return primary;
    }

    /**
     * {@return whether {@code address} was added by ASCONF and not yet confirmed by a HEARTBEAT ACK}
     *
     * @param address one of the peer's addresses
     */
    public boolean isUnconfirmed(InetAddress address) {
        return unconfirmed.contains(address);
    }

    /** {@return the unconfirmed addresses, in no particular order} */
    public List<InetAddress> unconfirmed() {
        return new ArrayList<>(unconfirmed);
    }
}
