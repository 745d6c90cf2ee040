package org.jsctp.core.cc;

import org.jsctp.core.seq.SerialArithmetic;
import org.jsctp.core.seq.Tsn;

/**
 * Fast recovery of one path (RFC 9260 section 7.2.4 step 6): whether it is active and the TSN
 * whose acknowledgement ends it.
 *
 * <p>The exit point is compared with the cumulative TSN ack in serial arithmetic, so recovery
 * ends correctly when the TSNs wrap past 2^32.
 */
final class FastRecovery {

    private Tsn exitPoint;

    boolean isActive() {
        return exitPoint != null;
    }

    /** The TSN whose acknowledgement ends recovery; only while active. */
    Tsn exitPoint() {
        if (exitPoint == null) {
            throw new IllegalStateException("not in fast recovery");
        }
        return exitPoint;
    }

    void enter(Tsn highestOutstandingTsn) {
        exitPoint = highestOutstandingTsn;
    }

    /** Ends recovery if the cumulative ack covers the exit point; returns whether it did. */
    boolean exitIfCovered(int cumulativeTsnAck) {
        // RFC 9260 section 7.2.4 step 6: a SACK acknowledging all TSNs up to and including the exit
        // point ends it; at or after in serial arithmetic (RFC 1982), on the TSN's 32 bits (issue 6)
        if (exitPoint != null && (cumulativeTsnAck == exitPoint.value()
                || SerialArithmetic.lessThan32(exitPoint.value(), cumulativeTsnAck))) {
            exitPoint = null;
            return true;
        }
        return false;
    }

    void cancel() {
        exitPoint = null;
    }

    @Override
    public String toString() {
        return exitPoint == null ? "none" : "until " + exitPoint;
    }
}
