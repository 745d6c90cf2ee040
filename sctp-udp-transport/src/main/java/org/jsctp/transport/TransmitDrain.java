package org.jsctp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.PacketToSend;
import org.jsctp.core.assoc.TransmitSink;

/**
 * Writes the packets an association's core has queued through the event loop's
 * {@link SocketRouter}, taking each with {@link Association#transmitNext(TransmitSink)}: the core
 * hands its reused view of the packet, the router encodes it into a buffer of its own at once,
 * and no object is made per packet (issue 6). One per driver, used on its event loop only; what
 * it drains for is saved and put back around each drain, so a drain nested in another (a write
 * that re-enters the driver) does not disturb the outer one.
 */
final class TransmitDrain implements TransmitSink {

    private final SocketRouter router;
    /** The association drained now, or null while draining to {@link #to}. */
    private SctpUdpAssociation association;
    /** With no association: where every packet goes. */
    private InetSocketAddress to;
    /** RFC 5061 section 5.3: the association's addresses it may send from now; empty for any socket. */
    private List<InetAddress> usable = List.of();

    TransmitDrain(SocketRouter router) {
        this.router = router;
    }

    /**
     * Sends every packet of {@code a} to the address of the path its core chose (RFC 9260 section
     * 6.4), from a socket it may use (RFC 5061 section 5.3).
     */
    void drain(SctpUdpAssociation a) {
        Association core = a.core();
        if (!core.hasPacketToSend()) {
            return; // events alone: no addresses to ask for
        }
        // Asked once per drain, before the take (the sink calls nothing of the core); a copy only
        // when several sockets make the choice matter.
        List<InetAddress> sources = router.localCount() > 1 ? core.usableLocalAddresses() : List.of();
        run(core, a, null, sources);
    }

    /** Sends every packet of {@code core} to {@code destination}, whatever path the core chose. */
    void drainTo(Association core, InetSocketAddress destination) {
        run(core, null, destination, List.of());
    }

    private void run(Association core, SctpUdpAssociation a, InetSocketAddress destination,
                     List<InetAddress> sources) {
        SctpUdpAssociation outerAssociation = association;
        InetSocketAddress outerTo = to;
        List<InetAddress> outerUsable = usable;
        association = a;
        to = destination;
        usable = sources;
        try {
            while (core.transmitNext(this)) {
                // each packet is written by transmit
            }
        } finally {
            association = outerAssociation;
            to = outerTo;
            usable = outerUsable;
        }
    }

    @Override
    public void transmit(PacketToSend packet) {
        if (association == null) {
            router.write(packet, to);
        } else {
            router.write(packet, association.destinationOf(packet.destination()), usable);
        }
    }
}
