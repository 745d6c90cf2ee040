package org.jsctp.api;

/**
 * Messages given up by PR-SCTP, per policy (the counters of SCTP_PR_ASSOC_STATUS, RFC 7496
 * section 4.5): "unsent" when none of the message had been sent, "sent" otherwise.
 *
 * @param ttlUnsent timed reliability, none of it sent
 * @param ttlSent timed reliability, some of it sent
 * @param rtxUnsent limited retransmissions, none of it sent
 * @param rtxSent limited retransmissions, some of it sent
 * @param prioUnsent priority policy, none of it sent
 * @param prioSent priority policy, some of it sent
 */
public record SctpPrStatistics(long ttlUnsent, long ttlSent, long rtxUnsent, long rtxSent, long prioUnsent,
                               long prioSent) {

    /** {@return every message given up before any of it was sent} */
    public long abandonedUnsent() {
        return ttlUnsent + rtxUnsent + prioUnsent;
    }

    /** {@return every message given up after some of it was sent} */
    public long abandonedSent() {
        return ttlSent + rtxSent + prioSent;
    }
}
