package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * One slot of the association's transmit queue ({@link TransmitQueue}): the header fields and the
 * chunks of a packet it wants sent, mutable and reused packet after packet, so that queueing a
 * packet copies a few references into a list rather than making a record and an immutable list
 * (issue 6). Handed to a {@link TransmitSink} as a read-only {@link PacketToSend}; turned into an
 * {@link OutgoingPacket} record, which copies the chunks, for {@link Association#pollTransmit()}.
 */
final class QueuedPacket implements PacketToSend {

    private final ArrayList<Chunk> chunks = new ArrayList<>(4);
    private final List<Chunk> readOnly = Collections.unmodifiableList(chunks); // RandomAccess, like the list
    private int sourcePort;
    private int destinationPort;
    private int verificationTag;
    private boolean zeroChecksum;
    private InetAddress destination;

    /**
     * Fills the slot with a packet's header fields and its chunks {@code first} (if not null) and
     * then {@code rest}, copied; nothing of {@code rest} is kept. The checksum choice is set apart
     * ({@link #zeroChecksum(boolean)}), once the chunks are final.
     *
     * @return the slot's own chunk list, for the association to complete (an AUTH chunk, RFC 4895)
     */
    ArrayList<Chunk> fill(int sourcePort, int destinationPort, int verificationTag, InetAddress destination,
                          Chunk first, List<Chunk> rest) {
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.verificationTag = verificationTag;
        this.destination = destination;
        this.zeroChecksum = false;
        chunks.clear();
        if (first != null) {
            chunks.add(first); // RFC 9260 section 6.10: a control chunk (the SACK) before DATA
        }
        for (int i = 0; i < rest.size(); i++) { // indexed: no iterator per packet (issue 6)
            chunks.add(rest.get(i));
        }
        return chunks;
    }

    /** Puts {@code replacement} in place of the chunks (a list with an AUTH chunk added). */
    void replaceChunks(List<Chunk> replacement) {
        chunks.clear();
        chunks.addAll(replacement);
    }

    /** Sets whether the packet leaves with a zero checksum (RFC 9653 section 5.2). */
    void zeroChecksum(boolean zero) {
        this.zeroChecksum = zero;
    }

    /** Drops the references the slot holds (chunks and their user data, the address) before it waits as a spare. */
    void clear() {
        chunks.clear();
        destination = null;
    }

    /** {@return an immutable record of the same packet, which does not change when the slot is reused} */
    OutgoingPacket toOutgoingPacket() {
        return new OutgoingPacket(sourcePort, destinationPort, verificationTag, chunks, zeroChecksum, destination);
    }

    @Override
    public int sourcePort() {
        return sourcePort;
    }

    @Override
    public int destinationPort() {
        return destinationPort;
    }

    @Override
    public int verificationTag() {
        return verificationTag;
    }

    @Override
    public List<Chunk> chunks() {
        return readOnly;
    }

    @Override
    public boolean zeroChecksum() {
        return zeroChecksum;
    }

    @Override
    public InetAddress destination() {
        return destination;
    }

    @Override
    public int encodedLength() {
        int total = CommonHeader.LENGTH;
        for (int i = 0; i < chunks.size(); i++) { // indexed: no iterator per packet (issue 6)
            total += chunks.get(i).encodedLength();
        }
        return total;
    }

    @Override
    public String toString() {
        return "QueuedPacket[vtag=0x" + Integer.toHexString(verificationTag) + ", to=" + destination
                + ", zeroChecksum=" + zeroChecksum + ", chunks=" + chunks + "]";
    }
}
