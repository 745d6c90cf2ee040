package org.jsctp.core.tx;

import java.util.List;

/**
 * What {@link OutstandingData#handleSack} made of one SACK (RFC 9260 section 6.2.1).
 *
 * <p>Unless {@link #outcome()} is {@link Outcome#ACCEPTED} the SACK changed nothing and every
 * other field is zero, false or empty.
 *
 * @param outcome whether the SACK was applied, stale, or a protocol violation
 * @param cumulativeAckAdvanced whether the Cumulative TSN Ack Point moved forward
 * @param newlyAckedBytes payload bytes acknowledged for the first time by this SACK, cumulatively
 *                        or by Gap Ack Blocks, over all paths
 * @param paths the same per path, and the chunks reneged per path
 * @param rttSampleNanos an RTT measurement allowed by Karn's rule (RFC 9260 section 6.3.1 C5),
 *                       or {@code -1} when none is allowed
 * @param fastRetransmitNeeded whether this SACK marked TSNs for Fast Retransmit (section 7.2.4)
 * @param peerReceiverWindow the SACK's a_rwnd as an unsigned value
 * @param ackedMessages messages whose every fragment is now cumulatively acknowledged (their last
 *                      fragment was acked by this SACK and none was abandoned), in TSN order
 * @param renegedChunks chunks acked by a Gap Ack Block earlier that this SACK no longer acks
 */
public record SackResult(Outcome outcome, boolean cumulativeAckAdvanced, long newlyAckedBytes, PathAcks paths,
                         long rttSampleNanos, boolean fastRetransmitNeeded, long peerReceiverWindow,
                         List<Object> ackedMessages, int renegedChunks) {

    /** How a SACK was judged. */
    public enum Outcome {
        /** The SACK was applied. */
        ACCEPTED,
        /**
         * Its Cumulative TSN Ack is behind the Cumulative TSN Ack Point: an out-of-order SACK,
         * dropped (RFC 9260 section 6.2.1 (D)(i)).
         */
        STALE,
        /**
         * It acknowledges a TSN never sent (the Cumulative TSN Ack or a well-formed Gap Ack Block
         * lies beyond the highest TSN sent); nothing was changed and the association may abort
         * with a Protocol Violation cause.
         */
        PROTOCOL_VIOLATION
    }

    static SackResult rejected(Outcome outcome, PathAcks noPaths) {
        return new SackResult(outcome, false, 0, noPaths, -1, false, 0, List.of(), 0);
    }

    /** {@return whether the SACK was applied} */
    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** {@return whether the SACK was dropped as out of order} */
    public boolean isStale() {
        return outcome == Outcome.STALE;
    }

    /** {@return whether the SACK acknowledged TSNs never sent} */
    public boolean isProtocolViolation() {
        return outcome == Outcome.PROTOCOL_VIOLATION;
    }

    /** {@return whether {@link #rttSampleNanos()} holds a measurement} */
    public boolean hasRttSample() {
        return rttSampleNanos >= 0;
    }
}
