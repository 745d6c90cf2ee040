package org.jsctp.core.packet;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * An SCTP packet (RFC 9260 section 3): the common header and its chunks, in order.
 *
 * @param header the common header
 * @param chunks the chunks, in order
 * @param zeroChecksum whether the packet arrived with a zero checksum that the decoder accepted
 *     without verifying it (RFC 9653 section 5.3, {@link DecoderOptions#acceptZeroChecksum()});
 *     false for packets whose CRC32C was checked and for packets built to be sent. The receiver
 *     still decides per association whether to take such a packet
 */
public record SctpPacket(CommonHeader header, List<Chunk> chunks, boolean zeroChecksum) {

    /** Copies the chunks. */
    public SctpPacket {
        chunks = List.copyOf(chunks);
    }

    /**
     * A packet with a verified (or to be computed) CRC32C.
     *
     * @param header the common header
     * @param chunks the chunks, in order
     */
    public SctpPacket(CommonHeader header, List<Chunk> chunks) {
        this(header, chunks, false);
    }

    /**
     * Size on the wire: header plus every chunk with its padding.
     *
     * @return the encoded length in bytes
     */
    public int encodedLength() {
        int total = CommonHeader.LENGTH;
        for (Chunk c : chunks) {
            total += c.encodedLength();
        }
        return total;
    }
}
