package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * A packet the core wants sent: its header fields and chunks, already bundled to fit the path
 * MTU. The I/O layer encodes it ({@link PacketEncoder}) into a buffer of its own.
 */
public record OutgoingPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {

    public OutgoingPacket {
        chunks = List.copyOf(chunks);
    }

    /** Size on the wire. */
    public int encodedLength() {
        return PacketEncoder.encodedLength(chunks);
    }
}
