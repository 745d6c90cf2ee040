package org.jsctp.core.assoc;

import java.util.ArrayDeque;

/**
 * The packets an association has queued during an input, in the order they are to leave, and the
 * spare slots they are queued in (issue 6: no object per packet sent). A packet is a
 * {@link QueuedPacket} slot taken from the spares (or made when none is left), filled, queued,
 * and handed out either as a view for the duration of a {@link TransmitSink} call or as an
 * {@link OutgoingPacket} record; either way the slot then goes back to the spares.
 *
 * <p>The queue grows with a burst (Max.Burst packets of DATA, RFC 9260 section 7.2.4, plus control
 * chunks); at most {@link #MAX_SPARES} slots wait as spares, emptied of their chunks, so an idle
 * association keeps a few small objects and none of the user's data. Single-threaded like the
 * association.
 */
final class TransmitQueue {

    /** Spare slots kept at most: a steady transfer queues a few packets per input (Max.Burst is 4). */
    static final int MAX_SPARES = 4;

    private final ArrayDeque<QueuedPacket> queued = new ArrayDeque<>(4); // grows when a burst needs it
    private final QueuedPacket[] spares = new QueuedPacket[MAX_SPARES];
    private int spareCount;

    /** {@return a slot to fill, a spare if one is left; it is not queued until {@link #add}} */
    QueuedPacket obtain() {
        if (spareCount == 0) {
            return new QueuedPacket();
        }
        QueuedPacket p = spares[--spareCount];
        spares[spareCount] = null;
        return p;
    }

    /** Queues a filled slot after those already queued. */
    void add(QueuedPacket p) {
        queued.add(p);
    }

    /** {@return whether no packet is queued} */
    boolean isEmpty() {
        return queued.isEmpty();
    }

    /** {@return how many packets are queued} */
    int size() {
        return queued.size();
    }

    /** {@return how many spare slots wait for the next packets} */
    int spareCount() {
        return spareCount;
    }

    /**
     * Takes the next packet as a record of its own, which the caller may keep; the slot is
     * recycled.
     *
     * @return the record, or null when nothing is queued
     */
    OutgoingPacket pollRecord() {
        QueuedPacket p = queued.poll();
        if (p == null) {
            return null;
        }
        OutgoingPacket record = p.toOutgoingPacket(); // copies the chunks: the slot's reuse cannot reach it
        recycle(p);
        return record;
    }

    /**
     * Hands the next packet to {@code sink} as the slot itself, counts it as sent, and recycles the
     * slot once the sink returns (or throws: the packet is then lost, as one that fails to encode).
     *
     * @param sink where the packet goes; keeps nothing of it
     * @param counters the association's counters, told of the packet before the sink sees it (as
     *     {@link Association#pollTransmit()} counts a packet when it hands it out)
     * @return whether a packet was handed out
     */
    boolean transmitNext(TransmitSink sink, AssociationCounters counters) {
        QueuedPacket p = queued.poll();
        if (p == null) {
            return false;
        }
        counters.onPacketSent(p);
        try {
            sink.transmit(p);
        } finally {
            recycle(p);
        }
        return true;
    }

    /** Keeps {@code p}, emptied, as a spare if there is room; otherwise leaves it to the collector. */
    private void recycle(QueuedPacket p) {
        p.clear();
        if (spareCount < MAX_SPARES) {
            spares[spareCount++] = p;
        }
    }
}
