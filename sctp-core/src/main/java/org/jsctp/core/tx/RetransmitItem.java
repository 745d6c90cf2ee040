package org.jsctp.core.tx;

import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.seq.Tsn;

/**
 * One DATA or I-DATA chunk handed out by {@link OutstandingData#takeRetransmissions} to be sent
 * again, unchanged, with its original TSN (RFC 9260 section 6.3.3 E3 and section 7.2.4).
 *
 * @param tsn the chunk's TSN
 * @param chunk the chunk exactly as first sent
 * @param payloadBytes the bytes this chunk counts for in the flight size, as given to {@code add}
 * @param pathId the path this retransmission is recorded on (the one passed to
 *               {@code takeRetransmissions}, or the chunk's previous path)
 * @param fastRetransmit whether the chunk was marked by Fast Retransmit (section 7.2.4) rather
 *                       than by a T3-rtx expiry (section 6.3.3)
 * @param transmissions how many times the chunk has now been sent, this retransmission included
 * @param message the caller's message object given to {@code add}
 */
public record RetransmitItem(Tsn tsn, Chunk chunk, int payloadBytes, int pathId, boolean fastRetransmit,
                             int transmissions, Object message) {
}
