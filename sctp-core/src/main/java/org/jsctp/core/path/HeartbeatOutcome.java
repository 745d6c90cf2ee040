package org.jsctp.core.path;

/**
 * What {@link Path#onHeartbeatAck} made of a HEARTBEAT ACK.
 *
 * <p>Only an {@link Verdict#ACCEPTED} acknowledgement changed anything: it cleared the path's
 * error counter, fed {@link #rttNanos()} to the path's RTO estimator and, for an unconfirmed path,
 * confirmed it (RFC 9260 sections 5.4 and 8.3). On acceptance the association SHOULD also clear
 * its overall error count (section 8.3). Every other verdict means the acknowledgement was
 * ignored; those outcomes are shared constants.
 *
 * @param verdict whether the acknowledgement was ours, and if not, why not
 * @param event the reachability change: {@link PathEvent#BECAME_ACTIVE} when an inactive path was heard from
 * @param newlyConfirmed whether this acknowledgement confirmed the path (RFC 9260 section 5.4)
 * @param rttNanos the round-trip time measured, or 0 when not accepted
 */
public record HeartbeatOutcome(Verdict verdict, PathEvent event, boolean newlyConfirmed, long rttNanos) {

    /** Why an acknowledgement was accepted or ignored. */
    public enum Verdict {
        /** Our heartbeat, sent on this path with a nonce we still remember: acted on. */
        ACCEPTED,
        /** No Heartbeat Info parameter, or one not in our layout: ignored. */
        MALFORMED,
        /** Our layout, but for another path's id: ignored (the association routes by {@link HeartbeatInfo#pathId()}). */
        OTHER_PATH,
        /** A nonce (with its send time) we did not send, already had acknowledged, or have forgotten: ignored. */
        UNKNOWN_NONCE
    }

    static final HeartbeatOutcome IGNORED_MALFORMED = new HeartbeatOutcome(Verdict.MALFORMED, PathEvent.NONE, false, 0);
    static final HeartbeatOutcome IGNORED_OTHER_PATH = new HeartbeatOutcome(Verdict.OTHER_PATH, PathEvent.NONE, false, 0);
    static final HeartbeatOutcome IGNORED_UNKNOWN_NONCE =
            new HeartbeatOutcome(Verdict.UNKNOWN_NONCE, PathEvent.NONE, false, 0);

    /**
     * Checks the ranges.
     *
     * @param verdict whether the acknowledgement was ours, and if not, why not
     * @param event the reachability change: {@link PathEvent#BECAME_ACTIVE} when an inactive path was heard from
     * @param newlyConfirmed whether this acknowledgement confirmed the path (RFC 9260 section 5.4)
     * @param rttNanos the round-trip time measured, or 0 when not accepted
     * @throws IllegalArgumentException if a component is out of range
     */
    public HeartbeatOutcome {
        if (verdict == null || event == null) {
            throw new IllegalArgumentException("verdict and event must not be null");
        }
        if (verdict != Verdict.ACCEPTED && (event != PathEvent.NONE || newlyConfirmed || rttNanos != 0)) {
            throw new IllegalArgumentException("an ignored acknowledgement changes nothing: " + verdict);
        }
    }

    /** {@return whether the acknowledgement was ours and was acted on} */
    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }
}
