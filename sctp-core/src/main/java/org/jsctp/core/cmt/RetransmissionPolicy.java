package org.jsctp.core.cmt;

/**
 * Where CMT sends a retransmission (fast or timeout), after Iyengar, Amer and Stewart's study of
 * retransmission policies for CMT ("Concurrent Multipath Transfer Using SCTP Multihoming Over
 * Independent End-to-End Paths", IEEE/ACM ToN 2006). Both choose among the active paths and
 * ignore whether the chosen one has cwnd room (the retransmission waits for room there).
 */
public enum RetransmissionPolicy {
    /**
     * RTX-SSTHRESH, the default: the active path with the largest ssthresh. ssthresh follows a
     * path's loss history (it halves on every loss), so it stands in for the path's loss rate,
     * which the paper found the best guide; it moves slowly, so retransmissions do not flap
     * between paths. Ties prefer another path than the one the chunk was lost on.
     */
    RTX_SSTHRESH,
    /**
     * RTX-CWND: the active path with the largest cwnd (what usrsctp picks when CMT is on). cwnd
     * reacts faster than ssthresh but also swings with every slow start.
     */
    RTX_CWND
}
