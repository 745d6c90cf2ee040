package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * Builds the immutable chunk list of one outgoing packet straight from the bundling scratch list,
 * so that {@link OutgoingPacket}'s defensive copy finds an immutable list and keeps it: a packet
 * of one or two chunks (DATA, or a SACK with DATA, RFC 9260 section 6.10) costs one small list
 * object instead of a buffer, its copy and the copy's array.
 */
final class PacketChunks {

    private PacketChunks() {
    }

    /**
     * The chunks {@code first} (if not null) and then {@code rest}, in that order.
     *
     * @param first a control chunk bundled before the rest (a SACK), or null
     * @param rest the other chunks; not kept
     * @return an immutable list of them
     */
    static List<Chunk> of(Chunk first, List<Chunk> rest) {
        int n = rest.size();
        if (first == null) {
            return switch (n) {
                case 1 -> List.of(rest.get(0));
                case 2 -> List.of(rest.get(0), rest.get(1));
                default -> List.copyOf(rest);
            };
        }
        if (n == 0) {
            return List.of(first);
        }
        if (n == 1) {
            return List.of(first, rest.get(0));
        }
        Chunk[] all = new Chunk[n + 1];
        all[0] = first;
        for (int i = 0; i < n; i++) {
            all[i + 1] = rest.get(i);
        }
        return List.of(all);
    }
}
