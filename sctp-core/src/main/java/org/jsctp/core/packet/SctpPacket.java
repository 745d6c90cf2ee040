package org.jsctp.core.packet;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * An SCTP packet (RFC 9260 section 3): the common header and its chunks, in order.
 */
public record SctpPacket(CommonHeader header, List<Chunk> chunks) {

    public SctpPacket {
        chunks = List.copyOf(chunks);
    }

    /** Size on the wire: header plus every chunk with its padding. */
    public int encodedLength() {
        int total = CommonHeader.LENGTH;
        for (Chunk c : chunks) {
            total += c.encodedLength();
        }
        return total;
    }
}
