package org.jsctp.core.tx;

import java.util.Objects;
import org.jsctp.core.packet.Bytes;

/**
 * One user message handed to the association for sending (RFC 9260 section 10.1, SEND primitive).
 *
 * <p>The payload is shared, not copied: fragments produced by {@link SendQueue#produce} are
 * slices of it, so whoever builds the message must not change the underlying array afterwards.
 *
 * @param streamId outbound stream, 0..65535 (checked against the negotiated count by {@link SendQueue#offer})
 * @param ppid payload protocol identifier, opaque to SCTP (RFC 9260 section 3.3.1)
 * @param unordered deliver without regard to the stream's order (the U bit, RFC 9260 section 6.6)
 * @param payload the user data
 * @param expiresAtNanos when an unsent message stops being worth sending, in the caller's clock;
 *                       {@link #NEVER} for no limit (PR-SCTP timed reliability, RFC 7496 section 3.1)
 * @param maxRetransmissions how often the message's chunks may be retransmitted before it is
 *                           abandoned, or {@link #UNLIMITED} (PR-SCTP, RFC 7496 section 3.2)
 * @param context the user's own object, handed back with send-failed notifications; may be null
 * @param priority the priority of the PR-SCTP priority policy, 0 the highest, or {@link #NO_PRIORITY}
 *                 (RFC 7496 section 3.2)
 *
 * <p>At most one of the three PR-SCTP policies is set (RFC 7496 section 4: one policy per message).
 */
public record OutgoingMessage(int streamId, int ppid, boolean unordered, Bytes payload,
                              long expiresAtNanos, int maxRetransmissions, Object context, int priority) {

    /** {@link #expiresAtNanos} value meaning the message never expires. */
    public static final long NEVER = Long.MAX_VALUE;
    /** {@link #maxRetransmissions} value meaning fully reliable. */
    public static final int UNLIMITED = -1;
    /** {@link #priority} value meaning the priority policy is not used. */
    public static final int NO_PRIORITY = -1;

    /**
     * Checks the fields; at most one PR-SCTP policy may be set.
     *
     * @param streamId outbound stream, 0..65535 (checked against the negotiated count by {@link SendQueue#offer})
     * @param ppid payload protocol identifier, opaque to SCTP (RFC 9260 section 3.3.1)
     * @param unordered deliver without regard to the stream's order (the U bit, RFC 9260 section 6.6)
     * @param payload the user data
     * @param expiresAtNanos when an unsent message stops being worth sending, in the caller's clock;
     *     {@link #NEVER} for no limit (PR-SCTP timed reliability, RFC 7496 section 3.1)
     * @param maxRetransmissions how often the message's chunks may be retransmitted before it is
     *     abandoned, or {@link #UNLIMITED} (PR-SCTP, RFC 7496 section 3.2)
     * @param context the user's own object, handed back with send-failed notifications; may be null
     * @param priority the priority of the PR-SCTP priority policy, 0 the highest, or {@link #NO_PRIORITY}
     *     (RFC 7496 section 3.2)
     *     <p>At most one of the three PR-SCTP policies is set (RFC 7496 section 4: one policy per message).
     */
    public OutgoingMessage {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        Objects.requireNonNull(payload, "payload");
        if (maxRetransmissions < UNLIMITED) {
            throw new IllegalArgumentException("maxRetransmissions must be -1 (unlimited) or at least 0: "
                    + maxRetransmissions);
        }
        if (priority < NO_PRIORITY) {
            throw new IllegalArgumentException("priority must be -1 (none) or at least 0: " + priority);
        }
        int policies = (expiresAtNanos != NEVER ? 1 : 0) + (maxRetransmissions != UNLIMITED ? 1 : 0)
                + (priority != NO_PRIORITY ? 1 : 0);
        if (policies > 1) {
            throw new IllegalArgumentException("a message has at most one PR-SCTP policy (RFC 7496 section 4)");
        }
    }

    /**
     * A message without the priority policy.
     *
     * @param streamId outbound stream, 0..65535 (checked against the negotiated count by {@link SendQueue#offer})
     * @param ppid payload protocol identifier, opaque to SCTP (RFC 9260 section 3.3.1)
     * @param unordered deliver without regard to the stream's order (the U bit, RFC 9260 section 6.6)
     * @param payload the user data
     * @param expiresAtNanos when an unsent message stops being worth sending, in the caller's clock;
     *     {@link #NEVER} for no limit (PR-SCTP timed reliability, RFC 7496 section 3.1)
     * @param maxRetransmissions how often the message's chunks may be retransmitted before it is
     *     abandoned, or {@link #UNLIMITED} (PR-SCTP, RFC 7496 section 3.2)
     * @param context the user's own object, handed back with send-failed notifications; may be null
     */
    public OutgoingMessage(int streamId, int ppid, boolean unordered, Bytes payload, long expiresAtNanos,
                           int maxRetransmissions, Object context) {
        this(streamId, ppid, unordered, payload, expiresAtNanos, maxRetransmissions, context, NO_PRIORITY);
    }

    /**
     * {@return a reliable message that never expires and carries no context}
     *
     * @param streamId the outbound stream, 0..65535
     * @param ppid the payload protocol identifier
     * @param unordered whether it is delivered unordered
     * @param payload the user data, at least one byte; not copied
     */
    public static OutgoingMessage of(int streamId, int ppid, boolean unordered, Bytes payload) {
        return new OutgoingMessage(streamId, ppid, unordered, payload, NEVER, UNLIMITED, null);
    }

    /**
     * {@return this message with {@code policy} instead of whatever policy it had; a lifetime counts from
     * {@code nowNanos}, the time of the send call (RFC 3758 section 3.1)}
     *
     * @param policy the PR-SCTP policy
     * @param nowNanos the time of the send call
     */
    public OutgoingMessage withPolicy(PrPolicy policy, long nowNanos) {
        long expires = NEVER;
        int rtx = UNLIMITED;
        int prio = NO_PRIORITY;
        switch (policy.kind()) {
            case TTL -> expires = nowNanos + policy.value() * 1_000_000L;
            case RTX -> rtx = (int) policy.value();
            case PRIO -> prio = (int) policy.value();
            case NONE -> { }
        }
        return new OutgoingMessage(streamId, ppid, unordered, payload, expires, rtx, context, prio);
    }

    /** {@return which PR-SCTP policy the message follows ({@link PrPolicy.Kind#NONE} when fully reliable)} */
    public PrPolicy.Kind policy() {
        if (expiresAtNanos != NEVER) {
            return PrPolicy.Kind.TTL;
        }
        if (maxRetransmissions != UNLIMITED) {
            return PrPolicy.Kind.RTX;
        }
        return priority != NO_PRIORITY ? PrPolicy.Kind.PRIO : PrPolicy.Kind.NONE;
    }

    /** {@return whether the message follows a PR-SCTP policy, so the sender may abandon it} */
    public boolean isPartiallyReliable() {
        return expiresAtNanos != NEVER || maxRetransmissions != UNLIMITED || priority != NO_PRIORITY;
    }

    /** {@return whether the message has a lifetime limit} */
    public boolean expires() {
        return expiresAtNanos != NEVER;
    }

    /**
     * {@return whether the lifetime has run out at {@code nowNanos}: the deadline is reached or passed}
     *
     * @param nowNanos the current time
     */
    public boolean isExpiredAt(long nowNanos) {
        return expiresAtNanos != NEVER && nowNanos >= expiresAtNanos;
    }
}
