package org.jsctp.api;

import java.time.Duration;
import java.util.Objects;

/**
 * When SACKs are sent ({@link SctpOptions#DELAYED_ACK_TIME}, RFC 6458 section 8.1.19
 * {@code sctp_sack_info}; RFC 9260 section 6.2).
 *
 * @param delay the longest a SACK waits, 1 ms..500 ms, default 200 ms
 * @param frequency after how many packets with DATA a SACK goes out at once; the stack SACKs
 *     every second packet, so only 2 is accepted for now
 */
public record DelayedAckParameters(Duration delay, int frequency) {

    /**
     * Checks for null.
     *
     * @param delay the longest a SACK waits, 1 ms..500 ms, default 200 ms
     * @param frequency after how many packets with DATA a SACK goes out at once; the stack SACKs
     *     every second packet, so only 2 is accepted for now
     */
    public DelayedAckParameters {
        Objects.requireNonNull(delay, "delay");
    }
}
