package org.jsctp.core.rx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;

/**
 * What the DATA and I-DATA reassembly queues share: the inbound stream count, the byte budget,
 * the per-stream delivery state and the queue of messages and pieces waiting to be polled, so
 * the delivery side, including the hand-out of partial deliveries, is written once.
 */
abstract class ReassemblyQueueBase implements ReassemblyQueue {

    /**
     * The number of inbound streams; identifiers at or above it are refused.
     */
    protected int inboundStreams;
    /**
     * The bytes and entries held, against the receive buffer's bound.
     */
    protected final ReassemblyBudget budget;
    /** Leading bytes of a message next in line that start its partial delivery (RFC 6458 section 8.1.20). */
    protected final long partialDeliveryPoint;
    /**
     * Messages and pieces deliverable, in delivery order, until polled.
     */
    protected final ArrayDeque<ReceivedMessage> ready = new ArrayDeque<>();
    /** Per-stream ordering state, created on first use (65535 streams allocate nothing up front). */
    protected final LongObjectMap<OrderedStream> streams = new LongObjectMap<>();
    private final boolean interleaved;
    private List<AbortedPartialDelivery> aborted = new ArrayList<>(0);
    /** The largest fragment taken so far: what the peer's next fragment probably needs. */
    private int largestFragment;
    /** Whether anything changed since the last search for pieces to deliver under memory pressure. */
    private boolean pressureSearchDue = true;

    ReassemblyQueueBase(int inboundStreams, long maxBufferedBytes, long partialDeliveryPoint, boolean interleaved) {
        this.interleaved = interleaved;
        if (inboundStreams < 1 || inboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("inbound streams must be in 1..65535: " + inboundStreams);
        }
        this.inboundStreams = inboundStreams;
        this.budget = new ReassemblyBudget(maxBufferedBytes);
        if (partialDeliveryPoint < 1) {
            throw new IllegalArgumentException("the partial delivery point must be at least 1: " + partialDeliveryPoint);
        }
        this.partialDeliveryPoint = partialDeliveryPoint;
    }

    @Override
    public void addStreams(int added) {
        if (added < 0 || inboundStreams + added > 0xFFFF) {
            throw new IllegalArgumentException("cannot add " + added + " to " + inboundStreams + " inbound streams");
        }
        inboundStreams += added; // RFC 6525 section 5.2.5: the new streams start at SSN/MID 0
    }

    /** The partial delivery point when none is given: half the bound, as {@code AssociationConfig} defaults it. */
    static long defaultPartialDeliveryPoint(long maxBufferedBytes) {
        return Math.max(1, maxBufferedBytes / 2);
    }

    @Override
    public ReceivedMessage poll() {
        ReceivedMessage m = ready.pollFirst();
        if (m != null) {
            budget.removeEntry(m.payload().length());
        }
        return m;
    }

    @Override
    public boolean hasDeliverable() {
        return !ready.isEmpty();
    }

    @Override
    public int deliverableCount() {
        return ready.size();
    }

    @Override
    public long bufferedBytes() {
        return budget.dataBytes();
    }

    @Override
    public List<AbortedPartialDelivery> pollAbortedDeliveries() {
        if (aborted.isEmpty()) {
            return List.of();
        }
        List<AbortedPartialDelivery> out = aborted;
        aborted = new ArrayList<>(0);
        return out;
    }

    @Override
    public int partialDeliveryCount() {
        int n = 0;
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && o.delivering() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean hasRoomFor(int length) {
        return budget.fits(length);
    }

    @Override
    public void setReserved(long chargedBytes) {
        budget.setReserved(chargedBytes);
    }

    /** {@return held user data plus the per-entry overhead: what counts against {@code maxBufferedBytes}} */
    public long chargedBytes() {
        return budget.charged();
    }

    /**
     * What the first message or piece waiting to be polled is charged (0 when none waits): without
     * fragments at the lowest missing TSN, the most by which the charge may exceed the bound (see
     * the {@link ReassemblyQueue} comment).
     */
    long firstReadyCharge() {
        ReceivedMessage m = ready.peekFirst();
        return m == null ? 0 : m.payload().length() + (long) ReassemblyBudget.ENTRY_OVERHEAD_BYTES;
    }

    /**
     * {@return the ordering state of {@code streamId}, created on first use}
     *
     * @param streamId an inbound stream
     */
    protected OrderedStream streamFor(int streamId) {
        OrderedStream o = streams.get(streamId);
        if (o == null) {
            o = new OrderedStream(interleaved);
            streams.put(streamId, o);
        }
        return o;
    }

    /**
     * {@return whether a message may be handed out now, whole or as a first piece: its stream is not held
     * by another message's partial delivery and, if ordered, its number is the next expected
     * (RFC 9260 sections 6.5 and 6.6; a stream without state expects 0)}
     *
     * @param streamId the message's stream
     * @param unordered whether it is unordered
     * @param sequenceNumber its SSN or MID
     */
    protected boolean isNextInLine(int streamId, boolean unordered, long sequenceNumber) {
        OrderedStream o = streams.get(streamId);
        if (o == null) {
            return unordered || sequenceNumber == 0;
        }
        return o.isNextInLine(unordered, sequenceNumber);
    }

    /**
     * {@return whether a fragment that does not fit the bound may be taken anyway (see the
     * {@link ReassemblyQueue} comment on progress), up to the hard limit of twice the bound: the
     * fragment at the lowest TSN not yet received, and one that is delivered at once while
     * nothing waits to be polled}
     *
     * @param length the fragment's payload length
     * @param deliveredAtOnce whether it would be delivered at once
     * @param lowestMissing whether its TSN is the cumulative TSN ack + 1
     */
    protected boolean mayPassBound(int length, boolean deliveredAtOnce, boolean lowestMissing) {
        return budget.fitsHardLimit(length) && (lowestMissing || (deliveredAtOnce && ready.isEmpty()));
    }

    /**
     * After a fragment was taken: when what is left of the bound would not take another fragment
     * as large as the largest seen, hands out the leading fragments of every message next in line
     * ({@code relievePressure}). Otherwise the peer, whose window would then be smaller than its
     * next fragment, might wait for a window update that never comes (RFC 9260 section 6.1 lets
     * it, to avoid sending slivers), with the bound holding data that could be delivered.
     *
     * @param length the taken fragment's payload length
     */
    protected void afterTaken(int length) {
        largestFragment = Math.max(largestFragment, length);
        if (budget.charged() + largestFragment + ReassemblyBudget.ENTRY_OVERHEAD_BYTES > budget.maxBytes()) {
            relievePressure();
        }
    }

    /**
     * Memory is short: hands out the leading fragments of every message next in line as pieces,
     * so their bytes are freed once polled (see {@link ReassemblyQueue} on progress). The search
     * is skipped when nothing changed since the last one (see {@link #markPressureSearchDue()}),
     * so a flood of refused chunks stays cheap.
     */
    protected final void relievePressure() {
        if (!pressureSearchDue) {
            return;
        }
        pressureSearchDue = false;
        deliverLeadingPiecesNextInLine();
    }

    /** Something changed that a search under memory pressure could find: the next one must run. */
    protected final void markPressureSearchDue() {
        pressureSearchDue = true;
    }

    /** The search of {@link #relievePressure()}: starts a partial delivery of each message next in line. */
    protected abstract void deliverLeadingPiecesNextInLine();

    /**
     * Makes a complete message deliverable: unordered ones at once (RFC 9260 section 6.6),
     * ordered ones in sequence order (section 6.5), either held back while another message of
     * the stream is delivered in pieces. It is charged against the budget until polled.
     *
     * @param m the reassembled message
     */
    protected void deliverComplete(ReceivedMessage m) {
        budget.addEntry(m.payload().length());
        if (m.unordered()) {
            OrderedStream o = streams.get(m.streamId());
            if (o == null) {
                ready.addLast(m);
            } else {
                o.acceptUnordered(m, ready);
            }
            return;
        }
        OrderedStream o = streamFor(m.streamId());
        long before = o.next();
        o.accept(m, ready);
        if (o.next() != before) {
            startDueDeliveries(m.streamId(), false);
        }
    }

    /**
     * Starts the partial delivery of a message next in line with its leading bytes as the first
     * piece (RFC 9260 section 6.9); {@code next} is where the following piece must start.
     *
     * @param streamId the message's stream
     * @param unordered whether it is unordered
     * @param sequenceNumber its SSN or MID
     * @param ppid its payload protocol identifier
     * @param firstFragment its first fragment: the unwrapped TSN for DATA, the FSN (0) for I-DATA
     * @param payload the first piece's bytes
     * @param firstTsn the unwrapped TSN of the piece's first fragment
     * @param lastTsn the unwrapped TSN of its last fragment
     * @param next where the following piece must start: a TSN for DATA, an FSN for I-DATA
     * @return the partial delivery started
     */
    protected PartialDelivery startPartialDelivery(int streamId, boolean unordered, long sequenceNumber, int ppid,
                                                   long firstFragment, Bytes payload, long firstTsn, long lastTsn,
                                                   long next) {
        PartialDelivery pd = new PartialDelivery(streamId, unordered, interleaved, sequenceNumber, ppid, firstFragment);
        streamFor(streamId).startPartialDelivery(pd);
        deliverPiece(pd, payload, firstTsn, lastTsn, false, next);
        return pd;
    }

    /**
     * Hands out the next piece of {@code pd}'s message, charged against the budget until polled.
     * The last one ({@code complete}) ends the partial delivery: the messages it held back follow,
     * and the stream goes on (RFC 6458 section 8.1.20).
     *
     * @param pd the partial delivery
     * @param payload the piece's bytes
     * @param firstTsn the unwrapped TSN of its first fragment
     * @param lastTsn the unwrapped TSN of its last fragment
     * @param complete whether it ends the message
     * @param next where the following piece must start: a TSN for DATA, an FSN for I-DATA
     */
    protected void deliverPiece(PartialDelivery pd, Bytes payload, long firstTsn, long lastTsn, boolean complete,
                                long next) {
        budget.addEntry(payload.length());
        ready.addLast(pd.piece(payload, firstTsn, lastTsn, complete, next));
        if (complete) {
            streams.get(pd.streamId()).endPartialDelivery(ready);
            startDueDeliveries(pd.streamId(), true);
        }
    }

    /**
     * Ends the partial delivery on {@code o} without its last piece and reports it (RFC 6458
     * section 6.1.7). An ordered message's number counts as passed; the messages it held back
     * become deliverable. The subclass drops the message's held fragments.
     *
     * @param o the stream whose partial delivery ends
     * @return the aborted partial delivery
     */
    protected PartialDelivery abortPartialDelivery(OrderedStream o) {
        PartialDelivery pd = o.delivering();
        aborted.add(pd.aborted());
        o.endPartialDelivery(ready);
        return pd;
    }

    /**
     * Reports the partial delivery on {@code o}, if any, as aborted before the stream is reset
     * (RFC 6525 section 5.2.2); returns it, or null.
     *
     * @param o the stream being reset
     * @return the aborted partial delivery, or null
     */
    protected PartialDelivery reportAbortBeforeReset(OrderedStream o) {
        PartialDelivery pd = o.delivering();
        if (pd != null) {
            aborted.add(pd.aborted());
        }
        return pd;
    }

    /**
     * The stream's head moved, or its partial delivery ended: starts the partial delivery of the
     * message now next in line on it if its leading bytes already reach the partial delivery
     * point; with {@code includeUnordered}, an unordered message of the stream qualifies too.
     *
     * @param streamId the stream
     * @param includeUnordered whether an unordered message may start one too
     */
    protected abstract void startDueDeliveries(int streamId, boolean includeUnordered);

    /**
     * As the association ends (after its partial deliveries were aborted): drops the complete
     * messages still waiting for their turn, and the per-stream state with them.
     */
    protected void dropUndeliverableMessages() {
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null) {
                releaseMessages(o.reset());
            }
        }
        streams.clear();
    }

    /**
     * Releases the budget of messages a reset dropped.
     *
     * @param dropped the messages dropped
     */
    protected void releaseMessages(List<ReceivedMessage> dropped) {
        for (int i = 0; i < dropped.size(); i++) {
            budget.removeEntry(dropped.get(i).payload().length());
        }
    }

    /**
     * The invariants of the shared parts: per-stream state only for inbound streams, every ready
     * message of this queue's kind, the budget equal to what is held (held-back messages
     * included) and within the hard limit, and
     * {@code deliveries} partial deliveries. {@code bytes} and {@code entries} are what the
     * subclass counted in its own partial messages.
     *
     * @param bytes the bytes the subclass holds in partial messages
     * @param entries the fragments it holds
     * @param deliveries the partial deliveries it knows of
     */
    protected void checkSharedInvariants(long bytes, long entries, int deliveries) {
        int delivering = 0;
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null) {
                if (streams.keyAt(s) >= inboundStreams) {
                    throw new IllegalStateException("state for a stream that is not inbound: " + streams.keyAt(s));
                }
                o.checkInvariants((int) streams.keyAt(s));
                bytes += o.heldBytes();
                entries += o.heldCount();
                if (o.delivering() != null) {
                    delivering++;
                }
            }
        }
        for (ReceivedMessage m : ready) {
            if (m.interleaved() != interleaved) {
                throw new IllegalStateException("a message of the other kind in this queue: " + m);
            }
            bytes += m.payload().length();
            entries++;
        }
        if (bytes != budget.dataBytes() || entries != budget.entries()) {
            throw new IllegalStateException("accounting: counted " + bytes + " B in " + entries + " entries, "
                    + budget);
        }
        if (budget.charged() > budget.hardLimit()) {
            throw new IllegalStateException("over the hard limit: " + budget);
        }
        if (delivering != deliveries) {
            throw new IllegalStateException(delivering + " streams deliver in pieces, but " + deliveries
                    + " partial deliveries are indexed");
        }
    }
}
