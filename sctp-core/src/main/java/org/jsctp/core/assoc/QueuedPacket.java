package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * The packet at the head of the association's transmit queue ({@link TransmitQueue}) as a
 * {@link TransmitSink} reads it: a read-only view of the queue's storage, re-pointed packet after
 * packet, so that handing a packet out makes no object (issue 6). Valid only during the sink's
 * call.
 */
final class QueuedPacket implements PacketToSend {

    private final TransmitQueue queue;
    private final ChunkRange chunks;
    private int index;

    QueuedPacket(TransmitQueue queue, ChunkRange chunks) {
        this.queue = queue;
        this.chunks = chunks;
    }

    /** Points the view at the queue's packet {@code index}, whose chunks are {@code start..end}. */
    QueuedPacket at(int index, int start, int end) {
        this.index = index;
        chunks.cover(start, end);
        return this;
    }

    @Override
    public int sourcePort() {
        return queue.sourcePort(index);
    }

    @Override
    public int destinationPort() {
        return queue.destinationPort(index);
    }

    @Override
    public int verificationTag() {
        return queue.verificationTag(index);
    }

    @Override
    public List<Chunk> chunks() {
        return chunks;
    }

    @Override
    public boolean zeroChecksum() {
        return queue.zeroChecksum(index);
    }

    @Override
    public InetAddress destination() {
        return queue.destination(index);
    }

    @Override
    public String toString() {
        return "QueuedPacket[vtag=0x" + Integer.toHexString(verificationTag()) + ", to=" + destination()
                + ", zeroChecksum=" + zeroChecksum() + ", chunks=" + chunks.size() + "]";
    }
}
