package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * The packets an association has queued, in the order they are to leave (issue 6: no object per
 * packet sent). A packet is opened with its header fields and chunks, completed (an AUTH chunk,
 * RFC 4895 section 6.2, then the checksum choice, RFC 9653 section 5.2) and closed; it leaves
 * either as a view for the duration of a {@link TransmitSink} call or as an {@link OutgoingPacket}
 * record.
 *
 * <p>The storage is flat and reused: the chunks of every queued packet in one list, in order, and
 * each packet's header fields and the end of its chunks in arrays indexed by packet. Once the last
 * queued packet has left, the queue starts again at the front, emptied of the chunks (so an idle
 * association holds none of the user's data). It grows to the largest burst queued before the
 * next take of every packet and keeps that room, about 20 bytes per packet and 4 per chunk: a
 * steady transfer queues and sends without allocating, whatever its bursts (Max.Burst packets of
 * DATA per opportunity, RFC 9260 section 7.2.4, and several opportunities may come before a take).
 * Single-threaded like the association.
 */
final class TransmitQueue {

    private static final int FIRST_PACKETS = 4;

    private final ArrayList<Chunk> chunks = new ArrayList<>(2 * FIRST_PACKETS);
    /** Per packet, where its chunks end in {@link #chunks}; the next packet's begin there. */
    private int[] chunkEnds = new int[FIRST_PACKETS];
    /** Per packet, the source port in the high 16 bits and the destination port in the low ones. */
    private int[] ports = new int[FIRST_PACKETS];
    private int[] verificationTags = new int[FIRST_PACKETS];
    private boolean[] zeroChecksums = new boolean[FIRST_PACKETS];
    private InetAddress[] destinations = new InetAddress[FIRST_PACKETS];
    /** The next packet to leave. */
    private int head;
    /** How many packets were closed since the queue last started at the front. */
    private int count;
    /** Whether a packet is open, between {@link #open} and {@link #close}. */
    private boolean open;
    private final ChunkRange openChunks = new ChunkRange(chunks);
    private final QueuedPacket headPacket = new QueuedPacket(this, new ChunkRange(chunks));

    /**
     * Opens a packet after those queued: its header fields and its chunks {@code first} (if not
     * null; RFC 9260 section 6.10: a control chunk, the SACK, before DATA) and then {@code rest},
     * copied, so nothing of {@code rest} is kept. A packet left open (its completion failed) is
     * dropped first.
     *
     * @param destination the peer address, or null for the anonymous path
     * @return the open packet's chunks, read-only and valid until the next change to the queue
     */
    List<Chunk> open(int sourcePort, int destinationPort, int verificationTag, InetAddress destination,
                     Chunk first, List<Chunk> rest) {
        if (open) {
            truncate(openChunks.start());
        } else if (head == count) {
            startAtFront();
        }
        if (count == verificationTags.length) {
            grow();
        }
        ports[count] = sourcePort << 16 | destinationPort;
        verificationTags[count] = verificationTag;
        destinations[count] = destination;
        zeroChecksums[count] = false;
        int start = chunks.size();
        if (first != null) {
            chunks.add(first);
        }
        for (int i = 0; i < rest.size(); i++) { // indexed: no iterator per packet (issue 6)
            chunks.add(rest.get(i));
        }
        open = true;
        openChunks.cover(start, chunks.size());
        return openChunks;
    }

    /**
     * Puts {@code replacement} in place of the open packet's chunks (they with an AUTH chunk
     * added); {@code replacement} is copied and must not be a view of the open packet.
     */
    void replaceOpen(List<Chunk> replacement) {
        requireOpen();
        int start = openChunks.start();
        truncate(start);
        for (int i = 0; i < replacement.size(); i++) {
            chunks.add(replacement.get(i));
        }
        openChunks.cover(start, chunks.size());
    }

    /** Completes the open packet with its checksum choice (RFC 9653 section 5.2) and queues it. */
    void close(boolean zeroChecksum) {
        requireOpen();
        zeroChecksums[count] = zeroChecksum;
        chunkEnds[count] = chunks.size();
        count++;
        open = false;
    }

    /** {@return whether no packet is queued} */
    boolean isEmpty() {
        return head == count;
    }

    /** {@return how many packets are queued} */
    int size() {
        return count - head;
    }

    /** {@return how many chunk references the queue holds, those of packets that left but were not yet cleared included} */
    int heldChunks() {
        return chunks.size();
    }

    /**
     * Takes the next packet as a record of its own, which the caller may keep.
     *
     * @return the record, or null when nothing is queued
     */
    OutgoingPacket pollRecord() {
        if (head == count) {
            return null;
        }
        int i = head;
        // The record copies the chunks: the queue's reuse cannot reach it.
        OutgoingPacket record = new OutgoingPacket(sourcePort(i), destinationPort(i), verificationTags[i],
                chunks.subList(chunkStart(i), chunkEnds[i]), zeroChecksums[i], destinations[i]);
        leave();
        return record;
    }

    /**
     * Hands the next packet to {@code sink} as the queue's own view of it, counts it as sent, and
     * lets it leave once the sink returns (or throws: the packet is then lost, as one that fails to
     * encode).
     *
     * @param sink where the packet goes; keeps nothing of it
     * @param counters the association's counters, told of the packet before the sink sees it (as
     *     {@link Association#pollTransmit()} counts a packet when it hands it out)
     * @return whether a packet was handed out
     */
    boolean transmitNext(TransmitSink sink, AssociationCounters counters) {
        if (head == count) {
            return false;
        }
        QueuedPacket p = headPacket.at(head, chunkStart(head), chunkEnds[head]);
        counters.onPacketSent(p);
        try {
            sink.transmit(p);
        } finally {
            leave();
        }
        return true;
    }

    int sourcePort(int packet) {
        return ports[packet] >>> 16;
    }

    int destinationPort(int packet) {
        return ports[packet] & 0xFFFF;
    }

    int verificationTag(int packet) {
        return verificationTags[packet];
    }

    boolean zeroChecksum(int packet) {
        return zeroChecksums[packet];
    }

    InetAddress destination(int packet) {
        return destinations[packet];
    }

    private int chunkStart(int packet) {
        return packet == 0 ? 0 : chunkEnds[packet - 1];
    }

    /** The head packet has left; after the last one the queue starts again at the front. */
    private void leave() {
        destinations[head] = null;
        head++;
        if (head == count && !open) {
            startAtFront();
        }
    }

    /** Drops every chunk reference and starts at the front; nothing may be queued. */
    private void startAtFront() {
        chunks.clear();
        head = 0;
        count = 0;
    }

    private void truncate(int size) {
        while (chunks.size() > size) {
            chunks.remove(chunks.size() - 1);
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("no packet is open");
        }
    }

    private void grow() {
        int length = verificationTags.length * 2;
        chunkEnds = Arrays.copyOf(chunkEnds, length);
        ports = Arrays.copyOf(ports, length);
        verificationTags = Arrays.copyOf(verificationTags, length);
        zeroChecksums = Arrays.copyOf(zeroChecksums, length);
        destinations = Arrays.copyOf(destinations, length);
    }
}
