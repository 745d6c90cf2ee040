package org.jsctp.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What an association asks for at setup ({@link SctpOptions#INIT_MSG}, RFC 6458 section 8.1.3
 * {@code sctp_initmsg}).
 *
 * @param outboundStreams streams we ask to send on, 1..65535 (the peer may grant fewer)
 * @param maxInboundStreams streams we accept from the peer, 1..65535
 * @param maxAttempts how often INIT (and COOKIE ECHO) are retransmitted before giving up
 *     (Max.Init.Retransmits of RFC 9260 section 16), 0..1000
 * @param maxInitTimeout the largest retransmission timeout while setting up; the stack uses
 *     RTO.Max for it, so this is the same value as {@link RtoInfo#max()}
 */
public record InitParameters(int outboundStreams, int maxInboundStreams, int maxAttempts, Duration maxInitTimeout) {

    /**
     * Checks for null.
     *
     * @param outboundStreams streams we ask to send on, 1..65535 (the peer may grant fewer)
     * @param maxInboundStreams streams we accept from the peer, 1..65535
     * @param maxAttempts how often INIT (and COOKIE ECHO) are retransmitted before giving up
     *     (Max.Init.Retransmits of RFC 9260 section 16), 0..1000
     * @param maxInitTimeout the largest retransmission timeout while setting up; the stack uses
     *     RTO.Max for it, so this is the same value as {@link RtoInfo#max()}
     */
    public InitParameters {
        Objects.requireNonNull(maxInitTimeout, "maxInitTimeout");
    }
}
