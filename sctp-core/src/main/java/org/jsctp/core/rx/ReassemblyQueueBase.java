package org.jsctp.core.rx;

import java.util.ArrayDeque;

/**
 * What the DATA and I-DATA reassembly queues share: the inbound stream count, the byte budget and
 * the queue of complete messages waiting to be polled, so the delivery side is written once.
 */
abstract class ReassemblyQueueBase implements ReassemblyQueue {

    protected final int inboundStreams;
    protected final ReassemblyBudget budget;
    protected final ArrayDeque<ReceivedMessage> ready = new ArrayDeque<>();
    /** Per-stream ordering state, created on first use (65535 streams allocate nothing up front). */
    protected final LongObjectMap<OrderedStream> streams = new LongObjectMap<>();
    private final boolean interleaved;

    ReassemblyQueueBase(int inboundStreams, long maxBufferedBytes, boolean interleaved) {
        this.interleaved = interleaved;
        if (inboundStreams < 1 || inboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("inbound streams must be in 1..65535: " + inboundStreams);
        }
        this.inboundStreams = inboundStreams;
        this.budget = new ReassemblyBudget(maxBufferedBytes);
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

    /** Held user data plus the per-entry overhead: what counts against {@code maxBufferedBytes}. */
    public long chargedBytes() {
        return budget.charged();
    }

    /** The ordering state of {@code streamId}, created on first use. */
    protected OrderedStream streamFor(int streamId) {
        OrderedStream o = streams.get(streamId);
        if (o == null) {
            o = new OrderedStream(interleaved);
            streams.put(streamId, o);
        }
        return o;
    }

    /**
     * The invariants of the shared parts: per-stream state only for inbound streams, every ready
     * message of this queue's kind, and the budget equal to what is held. {@code bytes} and
     * {@code entries} are what the subclass counted in its own partial messages.
     */
    protected void checkSharedInvariants(long bytes, long entries) {
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null) {
                if (streams.keyAt(s) >= inboundStreams) {
                    throw new IllegalStateException("state for a stream that is not inbound: " + streams.keyAt(s));
                }
                o.checkInvariants((int) streams.keyAt(s));
                bytes += o.heldBytes();
                entries += o.heldCount();
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
        if (budget.charged() > budget.maxBytes()) {
            throw new IllegalStateException("over the bound: " + budget);
        }
    }
}
