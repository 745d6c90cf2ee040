package org.jsctp.core.rx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery state of one inbound stream: the next expected sequence number (SSN, 16 bits, for
 * DATA; MID, 32 bits, for I-DATA), the complete messages that arrived ahead of it, sorted by
 * sequence number, and the message of this stream being delivered in pieces, if any.
 *
 * <p>Sequence numbers are compared by their serial distance from the next expected one (RFC 1982
 * arithmetic, as RFC 9260 section 6.5 and RFC 8260 section 2.1 require), so a stream delivers
 * straight across the wrap. Every held message lies strictly after the next expected number, and
 * the next expected number only moves forward past messages delivered or skipped, so the
 * distances of held messages keep their order.
 *
 * <p>While a message of this stream is partially delivered, no other message of the stream is
 * handed out (RFC 6458 SCTP_FRAGMENT_INTERLEAVE at level 2: pieces of one message are
 * not interleaved with other messages of the same stream). Messages that become deliverable
 * meanwhile, ordered ones in order and unordered ones as they complete, are <em>held back</em>
 * and follow, in that order, when the partial delivery ends. An ordered message being delivered
 * in pieces keeps the stream's next expected number until its last piece.
 */
final class OrderedStream {

    private final boolean wide;
    private long next;
    private ArrayList<ReceivedMessage> held;
    /** The message being delivered in pieces, or null. */
    private PartialDelivery delivering;
    /** Deliverable messages waiting for {@link #delivering} to end, in delivery order. */
    private ArrayDeque<ReceivedMessage> heldBack;

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

    /** The message being delivered in pieces, or null. */
    PartialDelivery delivering() {
        return delivering;
    }

    /**
     * Whether a message of this stream may be handed out now, whole or as a first piece: no
     * partial delivery holds the stream, and an ordered message is the next expected one.
     */
    boolean isNextInLine(boolean unordered, long seq) {
        return delivering == null && (unordered || distance(seq) == 0);
    }

    /**
     * Takes a complete ordered message that has not passed and is not held: delivers it, and any
     * held messages it unblocks, to {@code ready} when it is next in order (held back instead while
     * another message of the stream is partially delivered), else holds it.
     */
    void accept(ReceivedMessage m, ArrayDeque<ReceivedMessage> ready) {
        int d = distance(m.sequenceNumber());
        if (d == 0) {
            if (delivering != null && !delivering.unordered()) {
                throw new IllegalStateException("message " + m.sequenceNumber() + " is being delivered in pieces");
            }
            ArrayDeque<ReceivedMessage> outlet = outlet(ready);
            outlet.addLast(m);
            advance();
            drainInOrder(outlet);
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

    /** Takes a complete unordered message: deliverable at once unless a partial delivery holds the stream. */
    void acceptUnordered(ReceivedMessage m, ArrayDeque<ReceivedMessage> ready) {
        outlet(ready).addLast(m);
    }

    /**
     * Treats every number up to and including {@code seq} as delivered or skipped: held messages
     * numbered up to it become deliverable in order, then the stream moves on past it and
     * delivers whatever is then in order (RFC 3758 section 3.6). A number already passed is
     * ignored. Returns whether the next expected number moved. The caller first aborts an ordered
     * message being delivered in pieces that this skips.
     */
    boolean skipThrough(long seq, ArrayDeque<ReceivedMessage> ready) {
        int d = distance(seq);
        if (d < 0) {
            return false;
        }
        if (delivering != null && !delivering.unordered()) {
            throw new IllegalStateException("skipping " + seq + " past a message being delivered: " + delivering);
        }
        ArrayDeque<ReceivedMessage> outlet = outlet(ready);
        if (held != null) {
            int k = 0;
            while (k < held.size() && distance(held.get(k).sequenceNumber()) <= d) {
                outlet.addLast(held.get(k));
                k++;
            }
            held.subList(0, k).clear(); // one shift for the whole run
        }
        next = wrap(seq + 1);
        drainInOrder(outlet);
        return true;
    }

    /**
     * Starts delivering {@code pd}'s message in pieces; an ordered one must be the next expected.
     * Until {@link #endPartialDelivery} the stream hands out nothing else.
     */
    void startPartialDelivery(PartialDelivery pd) {
        if (delivering != null) {
            throw new IllegalStateException("already delivering " + delivering);
        }
        if (!pd.unordered() && distance(pd.sequenceNumber()) != 0) {
            throw new IllegalStateException(pd + " is not next on the stream (next " + next + ")");
        }
        delivering = pd;
    }

    /**
     * The partial delivery finished (its last piece was delivered) or was aborted: an ordered
     * message's number is passed either way, the held-back messages become deliverable, then
     * whatever is in order.
     */
    void endPartialDelivery(ArrayDeque<ReceivedMessage> ready) {
        if (delivering == null) {
            throw new IllegalStateException("no partial delivery to end");
        }
        boolean ordered = !delivering.unordered();
        delivering = null;
        if (ordered) {
            advance();
        }
        if (heldBack != null) {
            ready.addAll(heldBack);
            heldBack = null;
        }
        drainInOrder(ready);
    }

    /**
     * Back to sequence number 0 (RFC 6525 section 5.2.2), with no partial delivery (the caller
     * reports one that was going on as aborted first); returns the held and held-back messages,
     * now dropped.
     */
    List<ReceivedMessage> reset() {
        List<ReceivedMessage> dropped = new ArrayList<>(heldCount());
        if (held != null) {
            dropped.addAll(held);
        }
        if (heldBack != null) {
            dropped.addAll(heldBack);
        }
        held = null;
        heldBack = null;
        delivering = null;
        next = 0;
        return dropped;
    }

    /** Number of held and held-back messages. */
    int heldCount() {
        return (held == null ? 0 : held.size()) + (heldBack == null ? 0 : heldBack.size());
    }

    /** User-data bytes of the held and held-back messages; for invariant checks. */
    long heldBytes() {
        long sum = 0;
        if (held != null) {
            for (int i = 0; i < held.size(); i++) {
                sum += held.get(i).payload().length();
            }
        }
        if (heldBack != null) {
            for (ReceivedMessage m : heldBack) {
                sum += m.payload().length();
            }
        }
        return sum;
    }

    /** Whether nothing distinguishes this stream from a fresh one. */
    boolean isPristine() {
        return next == 0 && heldCount() == 0 && delivering == null;
    }

    /** Where deliverable messages go: to the user, or held back behind a partial delivery. */
    private ArrayDeque<ReceivedMessage> outlet(ArrayDeque<ReceivedMessage> ready) {
        if (delivering == null) {
            return ready;
        }
        if (heldBack == null) {
            heldBack = new ArrayDeque<>(4);
        }
        return heldBack;
    }

    private void drainInOrder(ArrayDeque<ReceivedMessage> outlet) {
        if (held == null || (delivering != null && !delivering.unordered())) {
            return;
        }
        int k = 0;
        while (k < held.size() && held.get(k).sequenceNumber() == next) {
            outlet.addLast(held.get(k));
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
        if (delivering != null) {
            delivering.checkInvariants();
            if (delivering.streamId() != streamId) {
                throw new IllegalStateException("stream " + streamId + " delivers a foreign message " + delivering);
            }
            if (!delivering.unordered() && distance(delivering.sequenceNumber()) != 0) {
                throw new IllegalStateException("stream " + streamId + " moved past " + delivering + " (next " + next + ")");
            }
        }
        if (heldBack != null) {
            if (delivering == null) {
                throw new IllegalStateException("stream " + streamId + " holds messages back without a partial delivery");
            }
            for (ReceivedMessage m : heldBack) {
                if (m.streamId() != streamId || !m.complete()) {
                    throw new IllegalStateException("stream " + streamId + " holds back a foreign message " + m);
                }
            }
        }
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
            if (m.streamId() != streamId || m.unordered() || !m.complete()) {
                throw new IllegalStateException("stream " + streamId + " holds a foreign message " + m);
            }
            previous = d;
        }
    }

    @Override
    public String toString() {
        return "OrderedStream[next=" + next + ", held=" + heldCount() + (delivering == null ? "" : ", " + delivering)
                + "]";
    }
}
