package org.jsctp.core.rx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered-delivery state of one inbound stream: the next expected sequence number (SSN,
 * 16 bits, for DATA; MID, 32 bits, for I-DATA) and the complete messages that arrived ahead of
 * it, sorted by sequence number.
 *
 * <p>Sequence numbers are compared by their serial distance from the next expected one (RFC 1982
 * arithmetic, as RFC 9260 section 6.5 and RFC 8260 section 2.1 require), so a stream delivers
 * straight across the wrap. Every held message lies strictly after the next expected number, and
 * the next expected number only moves forward past messages delivered or skipped, so the
 * distances of held messages keep their order.
 */
final class OrderedStream {

    private final boolean wide;
    private long next;
    private ArrayList<ReceivedMessage> held;

    /** @param wide true for 32-bit MIDs (I-DATA), false for 16-bit SSNs (DATA) */
    OrderedStream(boolean wide) {
        this.wide = wide;
    }

    /** The next sequence number this stream delivers (RFC 9260 section 6.5: the first is 0). */
    long next() {
        return next;
    }

    /** Serial distance from the next expected number to {@code seq}; negative when already passed. */
    int distance(long seq) {
        return wide ? (int) (seq - next) : (short) (seq - next);
    }

    /** Whether {@code seq} was already delivered or skipped. */
    boolean hasPassed(long seq) {
        return distance(seq) < 0;
    }

    /** Whether a complete message numbered {@code seq} is waiting here. */
    boolean isHeld(long seq) {
        return held != null && indexOf(distance(seq)) >= 0;
    }

    /**
     * Takes a complete message that has not passed and is not held: delivers it, and any held
     * messages it unblocks, to {@code ready} when it is next in order, else holds it.
     */
    void accept(ReceivedMessage m, ArrayDeque<ReceivedMessage> ready) {
        int d = distance(m.sequenceNumber());
        if (d == 0) {
            ready.addLast(m);
            advance();
            drainInOrder(ready);
            return;
        }
        if (d < 0) {
            throw new IllegalStateException("message " + m.sequenceNumber() + " already passed " + next);
        }
        if (held == null) {
            held = new ArrayList<>(4);
        }
        int i = indexOf(d);
        if (i >= 0) {
            throw new IllegalStateException("message " + m.sequenceNumber() + " already held");
        }
        held.add(-i - 1, m);
    }

    /**
     * Treats every number up to and including {@code seq} as delivered or skipped: held messages
     * numbered up to it become deliverable in order, then the stream moves on past it and
     * delivers whatever is then in order (RFC 3758 section 3.6). A number already passed is
     * ignored. Returns whether the next expected number moved.
     */
    boolean skipThrough(long seq, ArrayDeque<ReceivedMessage> ready) {
        int d = distance(seq);
        if (d < 0) {
            return false;
        }
        if (held != null) {
            int k = 0;
            while (k < held.size() && distance(held.get(k).sequenceNumber()) <= d) {
                ready.addLast(held.get(k));
                k++;
            }
            held.subList(0, k).clear(); // one shift for the whole run
        }
        next = wrap(seq + 1);
        drainInOrder(ready);
        return true;
    }

    /** Back to sequence number 0 (RFC 6525 section 5.2.2); returns the held messages, now dropped. */
    List<ReceivedMessage> reset() {
        List<ReceivedMessage> dropped = held == null ? List.of() : new ArrayList<>(held);
        held = null;
        next = 0;
        return dropped;
    }

    /** Number of held messages. */
    int heldCount() {
        return held == null ? 0 : held.size();
    }

    /** User-data bytes of the held messages; for invariant checks. */
    long heldBytes() {
        long sum = 0;
        if (held != null) {
            for (int i = 0; i < held.size(); i++) {
                sum += held.get(i).payload().length();
            }
        }
        return sum;
    }

    /** Whether nothing distinguishes this stream from a fresh one. */
    boolean isPristine() {
        return next == 0 && heldCount() == 0;
    }

    private void drainInOrder(ArrayDeque<ReceivedMessage> ready) {
        if (held == null) {
            return;
        }
        int k = 0;
        while (k < held.size() && held.get(k).sequenceNumber() == next) {
            ready.addLast(held.get(k));
            advance();
            k++;
        }
        if (k > 0) {
            held.subList(0, k).clear(); // one shift for the whole run
        }
    }

    private void advance() {
        next = wrap(next + 1);
    }

    private long wrap(long n) {
        return wide ? n & 0xFFFF_FFFFL : n & 0xFFFF;
    }

    /** Binary search by distance: index of the message at distance {@code d}, or -(insertion point) - 1. */
    private int indexOf(int d) {
        int lo = 0;
        int hi = held.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int md = distance(held.get(mid).sequenceNumber());
            if (md < d) {
                lo = mid + 1;
            } else if (md > d) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    void checkInvariants(int streamId) {
        if (held == null) {
            return;
        }
        int previous = 0;
        for (int i = 0; i < held.size(); i++) {
            ReceivedMessage m = held.get(i);
            int d = distance(m.sequenceNumber());
            if (d <= previous) {
                throw new IllegalStateException("stream " + streamId + ": held message " + m.sequenceNumber()
                        + " out of order or not after next " + next);
            }
            if (m.streamId() != streamId || m.unordered()) {
                throw new IllegalStateException("stream " + streamId + " holds a foreign message " + m);
            }
            previous = d;
        }
    }

    @Override
    public String toString() {
        return "OrderedStream[next=" + next + ", held=" + heldCount() + "]";
    }
}
