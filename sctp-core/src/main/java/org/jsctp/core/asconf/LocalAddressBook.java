package org.jsctp.core.asconf;

import java.net.InetAddress;
import java.util.List;

/**
 * Our own addresses as the ASCONF sender sees them (RFC 5061 section 5.3): which ones the peer
 * knows, and which ones may be the source of our packets. The multi-homing path set implements
 * it; {@link InMemoryLocalAddressBook} stands in for it until then.
 *
 * <p>The sender calls it at the moments section 5.3 names: an added address is not a source of
 * packets other than ASCONFs until the peer acknowledges it (rule D1, D2); an address being
 * deleted stops being a source at once but still receives until the ASCONF-ACK (rule D4).
 */
public interface LocalAddressBook {

    /**
     * {@return our addresses that are part of the association as the peer sees it: those of the handshake
     * and those whose addition the peer acknowledged, including any whose deletion is not yet
     * acknowledged} In a stable order; the first is preferred for the ASCONF's Address Parameter.
     */
    List<InetAddress> knownToPeer();

    /**
     * RFC 5061 section 5.3 rule D4: a Delete IP Address for {@code address} is queued; stop sending from it.
     *
     * @param address one of our addresses
     */
    void stopUsingAsSource(InetAddress address);

    /**
     * RFC 5061 section 5.3 rule D2: the peer acknowledged the addition; {@code address} may now be any packet's source.
     *
     * @param address one of our addresses
     */
    void added(InetAddress address);

    /**
     * The peer acknowledged the deletion: {@code address} is no longer part of the association.
     *
     * @param address one of our addresses
     */
    void deleted(InetAddress address);

    /**
     * The peer refused the deletion (or the association could not ask): {@code address} is a source again.
     *
     * @param address one of our addresses
     */
    void deletionRefused(InetAddress address);
}
