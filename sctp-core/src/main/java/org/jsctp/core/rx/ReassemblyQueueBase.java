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

    ReassemblyQueueBase(int inboundStreams, long maxBufferedBytes) {
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
}
