package org.jsctp.core.assoc;

/**
 * Messages the sender abandoned under each PR-SCTP policy, the statistics of RFC 7496 section
 * 4.5 (SCTP_PR_ASSOC_STATUS): "unsent" ones had no fragment sent, "sent" ones had at least one.
 *
 * @param ttlUnsent timed reliability, abandoned before any fragment was sent
 * @param ttlSent timed reliability, abandoned after some of it was sent
 * @param rtxUnsent limited retransmissions, unsent (always 0: only a sent message is retransmitted)
 * @param rtxSent limited retransmissions, sent
 * @param prioUnsent priority policy, unsent
 * @param prioSent priority policy, sent (always 0: only unsent messages make room)
 */
public record PrStatistics(long ttlUnsent, long ttlSent, long rtxUnsent, long rtxSent, long prioUnsent,
                           long prioSent) {

    /** Nothing abandoned. */
    public static final PrStatistics NONE = new PrStatistics(0, 0, 0, 0, 0, 0);

    /** {@return all messages abandoned before any of their fragments was sent} */
    public long abandonedUnsent() {
        return ttlUnsent + rtxUnsent + prioUnsent;
    }

    /** {@return all messages abandoned after some of their fragments were sent} */
    public long abandonedSent() {
        return ttlSent + rtxSent + prioSent;
    }
}
