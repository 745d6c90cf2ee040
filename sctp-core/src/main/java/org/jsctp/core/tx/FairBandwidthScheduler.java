package org.jsctp.core.tx;

/**
 * Fair bandwidth scheduling (RFC 8260 section 3.5): active streams share the link equally in
 * bytes, whatever their message sizes. The stream that has received the least service, in
 * virtual time, goes next: with I-DATA the shares are fair to a fragment, with DATA to a
 * message (a message, once started, is finished first). Per-stream values are ignored.
 */
public final class FairBandwidthScheduler extends VirtualTimeScheduler {

    /** A scheduler with no active stream. */
    public FairBandwidthScheduler() {
    }

    @Override
    long cost(int streamId, int payloadBytes) {
        return payloadBytes; // equal shares: virtual time is bytes
    }
}
