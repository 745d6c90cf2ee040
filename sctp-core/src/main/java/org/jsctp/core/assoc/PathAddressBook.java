package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import java.util.function.IntConsumer;
import org.jsctp.core.asconf.PeerAddressBook;

/**
 * The peer's addresses as the ASCONF receiver changes them (RFC 5061 section 5.2), backed by the
 * association's paths: an Add makes a new unconfirmed path that a HEARTBEAT verifies (section
 * 5.3 rule D1 seen from the receiver, RFC 9260 section 5.4), a Delete takes the path out of use and
 * has the data last sent on it retransmitted to the others, a Set Primary moves the primary path
 * (RFC 5061 section 5.4). Each change is a {@link AssociationEvent.PeerAddressChange}.
 */
final class PathAddressBook implements PeerAddressBook {

    private final PathSupervisor paths;
    private final IntConsumer retransmitFromPath;

    /**
     * @param paths the association's paths
     * @param retransmitFromPath called with the id of a removed path: its outstanding data is to go elsewhere
     */
    PathAddressBook(PathSupervisor paths, IntConsumer retransmitFromPath) {
        this.paths = paths;
        this.retransmitFromPath = retransmitFromPath;
    }

    @Override
    public boolean contains(InetAddress address) {
        return paths.set().find(address) != null;
    }

    @Override
    public int size() {
        return paths.set().inUse();
    }

    @Override
    public List<InetAddress> addresses() {
        return paths.peerAddresses();
    }

    @Override
    public AddOutcome add(InetAddress address) {
        return paths.addByAsconf(address) == null ? AddOutcome.NO_RESOURCES : AddOutcome.ADDED;
    }

    @Override
    public void remove(InetAddress address) {
        int id = paths.removeByAsconf(address);
        if (id >= 0) {
            retransmitFromPath.accept(id);
        }
    }

    @Override
    public void setPrimary(InetAddress address) {
        paths.setPrimary(address);
    }
}
