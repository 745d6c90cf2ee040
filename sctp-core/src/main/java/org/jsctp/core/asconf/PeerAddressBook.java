package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.List;

/**
 * The peer's addresses, as the ASCONF receiver changes them (RFC 5061 section 5.2): the
 * multi-homing path set implements it (one path per address); {@link InMemoryPeerAddressBook}
 * stands in for it until then.
 */
public interface PeerAddressBook {

    /** What {@link #add} did. */
    enum AddOutcome {
        /** A new path, unconfirmed, whose verification by HEARTBEAT has started (RFC 5061 section 5.3 rule D1, RFC 9260 section 5.4). */
        ADDED,
        /** No resources for another path: answered with Operation Refused Due to Resource Shortage (RFC 5061 section 4.3.2). */
        NO_RESOURCES,
        /** Local policy refuses this address: answered with Request Refused - No Authorization (RFC 5061 section 4.3.5). */
        NOT_AUTHORIZED
    }

    /**
     * {@return whether {@code address} is one of the peer's addresses in the association}
     *
     * @param address an address
     */
    boolean contains(InetAddress address);

    /** {@return how many addresses the peer has in the association} */
    int size();

    /** {@return the peer's addresses, in a stable order} */
    List<InetAddress> addresses();

    /**
     * Adds {@code address} (not yet present) as a new, unconfirmed destination and starts verifying
     * it with HEARTBEATs (RFC 5061 section 5.3 rule D1; RFC 9260 section 5.4).
     *
     * @param address the peer's new address
     * @return {@link AddOutcome#ADDED}, or why it was refused
     */
    AddOutcome add(InetAddress address);

    /**
     * Removes {@code address} (present, and not the last one); data outstanding or queued toward it
     * goes to the other addresses (RFC 5061 section 5.3 rule D4 seen from the receiver).
     *
     * @param address one of the peer's addresses
     */
    void remove(InetAddress address);

    /**
     * Makes {@code address} (present) the primary destination (RFC 5061 section 5.4).
     *
     * @param address one of the peer's addresses
     */
    void setPrimary(InetAddress address);
}
