package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.InitChunk;

/**
 * RFC 9653 (zero checksum) for one association: which of its packets may leave with a zero
 * checksum (section 5.2) and which received packets with one it takes (section 5.3).
 *
 * <p>Sending is decided per packet, when the association queues it. A zero checksum needs all of:
 * <ul>
 *   <li>the peer announced Zero Checksum Acceptable with the EDMID we use (section 5.2: "MUST NOT"
 *       otherwise); {@link org.jsctp.core.handshake.Capabilities#commonWith} keeps the EDMID only
 *       when both sides announced the same one, and a restart (RFC 9260 section 5.2.4 case A)
 *       takes the new handshake's outcome from its cookie;</li>
 *   <li>the handshake is complete: before our COOKIE ACK arrives the peer may hold no state for
 *       the association (the COOKIE ECHO may be lost, the peer may have restarted), so a packet we
 *       send may reach it out of the blue, where a zero checksum has no association to vouch for
 *       it (section 5.3 lets the receiver drop it);</li>
 *   <li>no INIT (section 5.2: the peer's announcement is not known yet), COOKIE ECHO (section 5.2:
 *       its receiver has no state yet) or ASCONF (section 5.2, RFC 5061) in the packet;</li>
 *   <li>no ABORT in the packet: an ABORT is what one sends when the two sides' views may
 *       disagree, so the peer may treat it as out of the blue; a CRC32C is always accepted
 *       (section 5.3), so a CRC32C ABORT costs one checksum and cannot be lost to the rule.</li>
 * </ul>
 * Replies to out-of-the-blue packets, INIT ACKs and the other answers the {@link Endpoint} gives
 * without an association always carry CRC32C (section 5.2).
 *
 * <p>Receiving: an association that announced Zero Checksum Acceptable in its INIT or INIT ACK
 * takes packets with a zero checksum as well as with a correct CRC32C (section 5.3); one that did
 * not takes only correct CRC32Cs. The transport's decoder accepts a zero checksum without a check
 * only when the endpoint announces it, and marks such packets ({@link SctpPacket#zeroChecksum()}).
 */
final class ZeroChecksumRules {

    private ZeroChecksumRules() {
    }

    /** Whether a packet of {@code chunks}, queued now, may carry a zero checksum (section 5.2). */
    static boolean maySendZero(Tcb tcb, List<Chunk> chunks) {
        if (!tcb.capabilities.zeroChecksum() || tcb.isHandshaking()) {
            return false;
        }
        for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet (issue 6)
            Chunk c = chunks.get(i);
            if (c instanceof InitChunk || c instanceof CookieEchoChunk || c instanceof AsconfChunk
                    || c instanceof AbortChunk) {
                return false;
            }
        }
        return true;
    }

    /** Whether the association takes {@code packet} as far as its checksum goes (section 5.3). */
    static boolean admits(Tcb tcb, SctpPacket packet) {
        return !packet.zeroChecksum() || announced(tcb);
    }

    /** Whether we announced Zero Checksum Acceptable in our INIT or INIT ACK. */
    static boolean announced(Tcb tcb) {
        return tcb.config.capabilities().zeroChecksum();
    }
}
