package org.jsctp.core.assoc;

/**
 * The association's overall error counter of RFC 9260 section 8.1: T3-rtx expiries, unanswered
 * heartbeats (section 8.3) and RE-CONFIG timeouts (RFC 6525 section 5.1.1) count; an
 * acknowledgement or an answered heartbeat clears it. Exceeding Association.Max.Retrans ends the
 * association.
 */
final class ErrorCounter {

    private final int maxRetransmits;
    private int count;

    ErrorCounter(int maxRetransmits) {
        this.maxRetransmits = maxRetransmits;
    }

    /** Counts one error; true when the count now exceeds Association.Max.Retrans. */
    boolean countExceedsLimit() {
        return ++count > maxRetransmits;
    }

    /** An acknowledgement or answered heartbeat clears the counter (RFC 9260 sections 8.1, 8.3). */
    void clear() {
        count = 0;
    }
}
