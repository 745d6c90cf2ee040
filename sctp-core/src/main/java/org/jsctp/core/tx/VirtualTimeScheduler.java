package org.jsctp.core.tx;

/**
 * The part the byte-fair schedulers of RFC 8260 (fair bandwidth, section 3.5, and weighted fair
 * queueing, section 3.6) have in common: active streams in a {@link VirtualTimeQueue}, the one
 * with the least service in virtual time going next, each fragment charged to its stream at the
 * cost {@link #cost} gives. Service is counted in bytes sent, not per message, so head changes do
 * not matter.
 */
abstract class VirtualTimeScheduler implements StreamScheduler {

    private final VirtualTimeQueue queue = new VirtualTimeQueue();

    /**
     * The virtual time a fragment costs its stream.
     *
     * @param streamId the stream the fragment was taken from
     * @param payloadBytes the fragment's payload length
     * @return the virtual time to charge, positive for a non-empty fragment
     */
    abstract long cost(int streamId, int payloadBytes);

    @Override
    public final void streamActivated(int streamId, long headOrder, int headBytes) {
        queue.activate(streamId);
    }

    @Override
    public final void headChanged(int streamId, long headOrder, int headBytes) {
        // Service is counted in bytes sent, not per message.
    }

    @Override
    public final void streamDeactivated(int streamId) {
        queue.deactivate(streamId);
    }

    @Override
    public final int select() {
        return queue.select();
    }

    @Override
    public final int peek() {
        return queue.peek();
    }

    @Override
    public final void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        queue.charge(streamId, cost(streamId, payloadBytes));
    }

    /** Forgets the active streams (per-stream values a subclass keeps stay). */
    @Override
    public final void clear() {
        queue.clear();
    }

    @Override
    public final int activeStreamCount() {
        return queue.size();
    }

    @Override
    public final void checkInvariants() {
        queue.checkInvariants();
    }

    /** Test hook: see {@link VirtualTimeQueue#setVirtualTime}. */
    final void setVirtualTime(long value) {
        queue.setVirtualTime(value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + queue;
    }
}
