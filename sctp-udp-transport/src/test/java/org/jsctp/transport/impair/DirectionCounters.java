package org.jsctp.transport.impair;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the relay did to the datagrams of one direction. Written on the relay's event loop,
 * readable from any thread.
 */
public final class DirectionCounters {

    final AtomicLong received = new AtomicLong();
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong bytesForwarded = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong burstLost = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    final AtomicLong corrupted = new AtomicLong();
    final AtomicLong queueDropped = new AtomicLong();
    final AtomicLong noDestination = new AtomicLong();

    /** Datagrams that arrived from the sending side. */
    public long received() {
        return received.get();
    }

    /** Datagrams written towards the receiving side (copies and corrupted ones included). */
    public long forwarded() {
        return forwarded.get();
    }

    /** Bytes of the datagrams forwarded. */
    public long bytesForwarded() {
        return bytesForwarded.get();
    }

    /** Datagrams dropped by random loss. */
    public long lost() {
        return lost.get();
    }

    /** Datagrams dropped inside a loss burst. */
    public long burstLost() {
        return burstLost.get();
    }

    /** Extra copies made. */
    public long duplicated() {
        return duplicated.get();
    }

    /** Datagrams held back to be overtaken. */
    public long reordered() {
        return reordered.get();
    }

    /** Copies forwarded with bits flipped. */
    public long corrupted() {
        return corrupted.get();
    }

    /** Datagrams dropped because the rate limit's queue was full. */
    public long queueDropped() {
        return queueDropped.get();
    }

    /** Datagrams dropped because the receiving side's address was not known yet. */
    public long noDestination() {
        return noDestination.get();
    }

    @Override
    public String toString() {
        return "received=" + received + " forwarded=" + forwarded + " bytes=" + bytesForwarded + " lost=" + lost
                + " burstLost=" + burstLost + " duplicated=" + duplicated + " reordered=" + reordered + " corrupted="
                + corrupted + " queueDropped=" + queueDropped + " noDestination=" + noDestination;
    }
}
