package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * A packet the core wants sent, as the I/O layer reads it: the common header's fields, the
 * chunks already bundled to fit the path MTU, whether the checksum stays zero and the peer
 * address. The I/O layer encodes it ({@link PacketEncoder}) into a buffer of its own.
 *
 * <p>Two kinds exist. An {@link OutgoingPacket} is an immutable record that may be kept. The view
 * handed to a {@link TransmitSink} by {@link Association#transmitNext(TransmitSink)} is the
 * association's own reused view of its transmit queue: it and its chunk list are valid only during
 * that call, and read only.
 */
public interface PacketToSend {

    /**
     * Our SCTP port.
     *
     * @return the common header's source port
     */
    int sourcePort();

    /**
     * The peer's SCTP port.
     *
     * @return the common header's destination port
     */
    int destinationPort();

    /**
     * The common header's verification tag (RFC 9260 section 8.5).
     *
     * @return the tag the peer expects
     */
    int verificationTag();

    /**
     * The chunks, in order; a read-only list that supports indexed access.
     *
     * @return the chunks
     */
    List<Chunk> chunks();

    /**
     * Whether the checksum field is to be left zero (RFC 9653 section 5.2, decided by the
     * association's {@link ZeroChecksumRules}); CRC32C otherwise.
     *
     * @return true for a zero checksum
     */
    boolean zeroChecksum();

    /**
     * The peer address to send the packet to (RFC 9260 section 6.4), or null for the single
     * anonymous path of an association that was given no addresses: the transport then sends it
     * to the association's remote address.
     *
     * @return the destination, or null
     */
    InetAddress destination();

    /**
     * Size on the wire: the common header and every chunk with its padding.
     *
     * @return the encoded length in bytes
     */
    default int encodedLength() {
        return PacketEncoder.encodedLength(chunks());
    }
}
