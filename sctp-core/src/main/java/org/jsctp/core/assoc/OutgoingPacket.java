package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * A packet the core wants sent: its header fields and chunks, already bundled to fit the path
 * MTU. The I/O layer encodes it ({@link PacketEncoder}) into a buffer of its own, with a zero
 * checksum when {@link #zeroChecksum()} says so and CRC32C otherwise.
 *
 * <p>The record form of {@link PacketToSend}: {@link Association#pollTransmit()} makes one, which
 * may be kept; {@link Association#transmitNext(TransmitSink)} hands a reused view instead.
 *
 * @param sourcePort our SCTP port
 * @param destinationPort the peer's SCTP port
 * @param verificationTag the common header's verification tag
 * @param chunks the chunks, in order
 * @param zeroChecksum whether the checksum field is to be left zero (RFC 9653 section 5.2): the
 *     core sets it only for packets of an association whose peer announced Zero Checksum
 *     Acceptable with our error detection method, and never for the packets that section keeps
 *     on CRC32C ({@link ZeroChecksumRules})
 * @param destination the peer address to send it to (RFC 9260 section 6.4), or null for the
 *     single anonymous path of an association that was given no addresses: the transport then
 *     sends it to the association's remote address
 */
public record OutgoingPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks,
                             boolean zeroChecksum, InetAddress destination) implements PacketToSend {

    /**
     * Copies the chunks.
     *
     * @param sourcePort our SCTP port
     * @param destinationPort the peer's SCTP port
     * @param verificationTag the common header's verification tag
     * @param chunks the chunks, in order
     * @param zeroChecksum whether the checksum field is to be left zero (RFC 9653 section 5.2): the
     *     core sets it only for packets of an association whose peer announced Zero Checksum
     *     Acceptable with our error detection method, and never for the packets that section keeps
     *     on CRC32C ({@link ZeroChecksumRules})
     * @param destination the peer address to send it to (RFC 9260 section 6.4), or null for the
     *     single anonymous path of an association that was given no addresses: the transport then
     *     sends it to the association's remote address
     */
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
     * A packet to the anonymous path (no destination address).
     *
     * @param sourcePort our SCTP port
     * @param destinationPort the peer's SCTP port
     * @param verificationTag the common header's verification tag
     * @param chunks the chunks, in order
     * @param zeroChecksum whether the checksum field is to be left zero
     */
    public OutgoingPacket(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks,
                          boolean zeroChecksum) {
        this(sourcePort, destinationPort, verificationTag, chunks, zeroChecksum, null);
    }

    /**
     * The same packet to another destination.
     *
     * @param address the peer address, or null for the anonymous path
     * @return a copy with that destination
     */
    public OutgoingPacket withDestination(InetAddress address) {
        return new OutgoingPacket(sourcePort, destinationPort, verificationTag, chunks, zeroChecksum, address);
    }

    /**
     * Size on the wire.
     *
     * @return the encoded length in bytes
     */
    @Override
    public int encodedLength() {
        return PacketEncoder.encodedLength(chunks);
    }
}
