package org.jsctp.api;

import java.util.Objects;

/**
 * A partial reliability policy for a message (PR-SCTP, RFC 3758, with the policies of RFC 7496;
 * the {@code sctp_prinfo} of RFC 7496 section 4.1): whether, and when, the stack may give a message
 * up instead of delivering it. A message given up is handed back in a
 * {@link SctpNotification.SendFailed} notification whose {@link SctpNotification.SendFailed#abandoned()}
 * is true. Sent messages are only given up when the peer supports PR-SCTP; without it they are
 * delivered reliably.
 *
 * @param policy the policy
 * @param value its value: lifetime in milliseconds ({@link Policy#TTL}), retransmissions allowed
 *              ({@link Policy#RTX}), priority with 0 the highest ({@link Policy#PRIO}); 0 for
 *              {@link Policy#NONE}
 */
public record SctpPrPolicy(Policy policy, long value) {

    /** The policies (RFC 7496 section 4: SCTP_PR_SCTP_NONE, _TTL, _RTX, _PRIO). */
    public enum Policy {
        /** Reliable. */
        NONE,
        /** Timed reliability: given up once its lifetime, counted from the send call, has expired. */
        TTL,
        /** Limited retransmissions: given up instead of a retransmission beyond the allowed number. */
        RTX,
        /**
         * Priority: when the send buffer is full, unsent messages of lower priority (larger values)
         * are given up to make room for a message of higher priority or a reliable one.
         */
        PRIO
    }

    /** Reliable delivery (no policy). */
    public static final SctpPrPolicy NONE = new SctpPrPolicy(Policy.NONE, 0);

    /**
     * Checks the value against its policy.
     *
     * @param policy the policy
     * @param value its value: lifetime in milliseconds ({@link Policy#TTL}), retransmissions allowed
     *     ({@link Policy#RTX}), priority with 0 the highest ({@link Policy#PRIO}); 0 for
     *     {@link Policy#NONE}
     */
    public SctpPrPolicy {
        Objects.requireNonNull(policy, "policy");
        long max = policy == Policy.TTL ? 0xFFFF_FFFFL : policy == Policy.NONE ? 0 : Integer.MAX_VALUE;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("the value of PR-SCTP policy " + policy + " must be in 0.." + max
                    + ": " + value);
        }
    }

    /**
     * {@return timed reliability with a lifetime of {@code millis} milliseconds}
     *
     * @param millis the lifetime in milliseconds, 0..2^32-1
     */
    public static SctpPrPolicy ttl(long millis) {
        return new SctpPrPolicy(Policy.TTL, millis);
    }

    /**
     * {@return at most {@code retransmissions} retransmissions of each of the message's chunks}
     *
     * @param retransmissions 0..2^31-1
     */
    public static SctpPrPolicy rtx(int retransmissions) {
        return new SctpPrPolicy(Policy.RTX, retransmissions);
    }

    /**
     * {@return the priority policy with priority {@code priority}, 0 being the highest}
     *
     * @param priority 0..2^31-1
     */
    public static SctpPrPolicy prio(int priority) {
        return new SctpPrPolicy(Policy.PRIO, priority);
    }
}
