package org.jsctp.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The chunks of an encoded SCTP packet read from their headers alone, for tests that look at what
 * crosses the simulated wire: after the 12-byte common header, each chunk is a type, flags and a
 * 16-bit length, padded to 4 bytes (RFC 9260 section 3.2). A chunk whose length is below 4 is
 * the last one read.
 */
public final class ChunkWalk {

    private ChunkWalk() {
    }

    /** The type of every chunk, in order. */
    public static List<Integer> types(byte[] packet) {
        List<Integer> types = new ArrayList<>();
        carries(packet, type -> {
            types.add(type);
            return false;
        });
        return types;
    }

    /** Whether the packet carries a chunk of {@code type}. */
    public static boolean carries(byte[] packet, int type) {
        return carries(packet, t -> t == type);
    }

    /** Whether the packet carries a chunk whose type satisfies {@code type}, read in order up to the first. */
    public static boolean carries(byte[] packet, IntPredicate type) {
        int at = 12;
        while (at + 4 <= packet.length) {
            if (type.test(packet[at] & 0xFF)) {
                return true;
            }
            int length = ((packet[at + 2] & 0xFF) << 8) | (packet[at + 3] & 0xFF);
            if (length < 4) {
                return false;
            }
            at += (length + 3) & ~3;
        }
        return false;
    }
}
