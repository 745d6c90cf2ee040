package org.jsctp.core.tx;

/**
 * Fair bandwidth scheduling (RFC 8260 section 3.5): active streams share the link equally in
 * bytes, whatever their message sizes. The stream that has received the least service, in
 * virtual time, goes next: with I-DATA the shares are fair to a fragment, with DATA to a
 * message (a message, once started, is finished first). Per-stream values are ignored.
 */
public final class FairBandwidthScheduler implements StreamScheduler {

    private final VirtualTimeQueue queue = new VirtualTimeQueue();

    /** A scheduler with no active stream. */
    public FairBandwidthScheduler() {
    }

    @Override
    public void streamActivated(int streamId, long headOrder, int headBytes) {
        queue.activate(streamId);
    }

    @Override
    public void headChanged(int streamId, long headOrder, int headBytes) {
        // Service is counted in bytes sent, not per message.
    }

    @Override
    public void streamDeactivated(int streamId) {
        queue.deactivate(streamId);
    }

    @Override
    public int select() {
        return queue.select();
    }

    @Override
    public int peek() {
        return queue.peek();
    }

    @Override
    public void produced(int streamId, int payloadBytes, boolean endOfMessage) {
        queue.charge(streamId, payloadBytes); // equal shares: virtual time is bytes
    }

    @Override
    public void clear() {
        queue.clear();
    }

    @Override
    public int activeStreamCount() {
        return queue.size();
    }

    @Override
    public void checkInvariants() {
        queue.checkInvariants();
    }

    /** Test hook: see {@link VirtualTimeQueue#setVirtualTime}. */
    void setVirtualTime(long value) {
        queue.setVirtualTime(value);
    }

    @Override
    public String toString() {
        return "FairBandwidthScheduler" + queue;
    }
}
