package org.jsctp.core.asconf;

import java.net.InetAddress;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AsconfChunk;

/**
 * How the association of a packet carrying an ASCONF is found (RFC 5061 section 5.2, rules L1 to
 * L4). The peer may send an ASCONF from an address the association does not know yet, e.g. the
 * one it is adding when its old address is going away; the normal lookup by the packet's
 * addresses, ports and tag (rule L1) then finds nothing, and rule L2 looks the association up by
 * the address in the ASCONF's Address Parameter, one the sender already has in the association,
 * with the packet's ports. What rule L2 finds still has to pass the verification tag check of
 * RFC 9260 section 8.5 (rule L4); a packet neither rule places is out of the blue (rule L3,
 * RFC 9260 section 8.4).
 *
 * <p>The lookup tables belong to the caller (the transport); this class only reads the packet.
 */
public final class AsconfLookup {

    private AsconfLookup() {
    }

    /**
     * The address rule L2 looks the packet's association up by: the Address Parameter of the
     * packet's first ASCONF chunk, wherever it is bundled (after an AUTH chunk, normally).
     *
     * @param packet a packet the normal lookup (rule L1) placed in no association
     * @return the address, or null if the packet carries no ASCONF or its Address Parameter is the
     *     wildcard address, which names no association
     */
    public static InetAddress lookupAddress(SctpPacket packet) {
        int n = packet.chunkCount(); // the packet's own accessors: no list per packet (issue 6)
        for (int i = 0; i < n; i++) {
            if (packet.chunk(i) instanceof AsconfChunk asconf) {
                InetAddress address = asconf.address();
                return address.isAnyLocalAddress() ? null : address;
            }
        }
        return null;
    }
}
