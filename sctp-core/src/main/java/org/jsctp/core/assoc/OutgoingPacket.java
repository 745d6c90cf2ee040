package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * A packet the core wants sent: its header fields and chunks, already bundled to fit the path
 * MTU. The I/O layer encodes it ({@link PacketEncoder}) into a buffer of its own, with a zero
 * checksum when {@link #zeroChecksum()} says so and CRC32C otherwise.
 *
 * @param sourcePort our SCTP port
 * @param destinationPort the peer's SCTP port
 * @param verificationTag the common header's verification tag
 * @param chunks the chunks, in order
 * @param zeroChecksum whether the checksum field is to be left zero (RFC 9653 section 5.2): the
 *     core sets it only for packets of an association whose peer announced Zero Checksum
 *     Acceptable with our error detection method, and never for the packets that section keeps
 *     on CRC32C ({@link ZeroChecksumRules})
 */
public record OutgoingPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks,
                             boolean zeroChecksum) {

    /** Copies the chunks. */
    public OutgoingPacket {
        chunks = List.copyOf(chunks);
    }

    /**
     * A packet to be sent with a CRC32C checksum.
     *
     * @param sourcePort our SCTP port
     * @param destinationPort the peer's SCTP port
     * @param verificationTag the common header's verification tag
     * @param chunks the chunks, in order
     */
    public OutgoingPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {
        this(sourcePort, destinationPort, verificationTag, chunks, false);
    }

    /**
     * Size on the wire.
     *
     * @return the encoded length in bytes
     */
    public int encodedLength() {
        return PacketEncoder.encodedLength(chunks);
    }
}
