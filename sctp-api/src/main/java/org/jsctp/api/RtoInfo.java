package org.jsctp.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The retransmission timeout bounds ({@link SctpOptions#RTO_INFO}, RFC 6458 section 8.1.1
 * {@code sctp_rtoinfo}; RFC 9260 section 6.3.1). Defaults 1 s, 1 s and 60 s.
 *
 * @param initial RTO.Initial
 * @param min RTO.Min
 * @param max RTO.Max
 */
public record RtoInfo(Duration initial, Duration min, Duration max) {

    /**
     * Checks for null.
     *
     * @param initial RTO.Initial
     * @param min RTO.Min
     * @param max RTO.Max
     */
    public RtoInfo {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }
}
