package org.jsctp.core.tx;

import java.util.Locale;
import java.util.Objects;

/**
 * A PR-SCTP policy for one message (RFC 3758 section 3.1 and RFC 7496 section 3), as a user gives
 * it: which rule decides that the sender may give the message up, and the rule's value. It is
 * turned into the fields of an {@link OutgoingMessage} by {@link OutgoingMessage#withPolicy}.
 *
 * @param kind the policy
 * @param value the lifetime in milliseconds ({@link Kind#TTL}), the number of retransmissions
 *              allowed ({@link Kind#RTX}), the priority, 0 being the highest ({@link Kind#PRIO});
 *              0 for {@link Kind#NONE}
 */
public record PrPolicy(Kind kind, long value) {

    /** The policies of RFC 7496 section 4 (SCTP_PR_SCTP_NONE, _TTL, _RTX, _PRIO). */
    public enum Kind {
        /** Fully reliable. */
        NONE,
        /** Timed reliability (RFC 3758 section 3.1, RFC 7496 section 3.1): abandon once the lifetime expired. */
        TTL,
        /** Limited retransmissions (RFC 7496 section 3.1): abandon instead of the (value+1)th retransmission. */
        RTX,
        /**
         * Priority (RFC 7496 section 3.2): when the send buffer has no room for a new message, unsent
         * messages of lower priority (a larger value) are abandoned to make room.
         */
        PRIO
    }

    /** Fully reliable: no policy. */
    public static final PrPolicy NONE = new PrPolicy(Kind.NONE, 0);

    /**
     * Checks the value against its policy.
     *
     * @param kind the policy
     * @param value the lifetime in milliseconds ({@link Kind#TTL}), the number of retransmissions
     *     allowed ({@link Kind#RTX}), the priority, 0 being the highest ({@link Kind#PRIO});
     *     0 for {@link Kind#NONE}
     */
    public PrPolicy {
        Objects.requireNonNull(kind, "kind");
        long max = kind == Kind.TTL ? 0xFFFF_FFFFL : kind == Kind.NONE ? 0 : Integer.MAX_VALUE;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("the value of PR-SCTP policy " + kind + " must be in 0.." + max + ": "
                    + value);
        }
    }

    /**
     * {@return timed reliability with a lifetime of {@code millis} milliseconds from the send call}
     *
     * @param millis the lifetime in milliseconds
     */
    public static PrPolicy ttl(long millis) {
        return new PrPolicy(Kind.TTL, millis);
    }

    /**
     * {@return at most {@code retransmissions} retransmissions of each chunk of the message}
     *
     * @param retransmissions 0 or more
     */
    public static PrPolicy rtx(int retransmissions) {
        return new PrPolicy(Kind.RTX, retransmissions);
    }

    /**
     * {@return priority policy with priority {@code priority} (0 is the highest)}
     *
     * @param priority 0 or more
     */
    public static PrPolicy prio(int priority) {
        return new PrPolicy(Kind.PRIO, priority);
    }

    /**
     * Parses {@code none}, {@code ttl:MS}, {@code rtx:N} or {@code prio:P}, as the example tools
     * take it.
     *
     * @throws IllegalArgumentException with the reason when the text is not one of these
     * @param text the policy as text
     * @return the policy
     */
    public static PrPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a PR-SCTP policy is none, ttl:MS, rtx:N or prio:P, got '" + text + "'");
        }
        long value;
        try {
            value = Long.parseLong(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the value of PR-SCTP policy '" + text + "' is not a number");
        }
        return switch (t.substring(0, colon)) {
            case "ttl" -> new PrPolicy(Kind.TTL, value);
            case "rtx" -> new PrPolicy(Kind.RTX, value);
            case "prio" -> new PrPolicy(Kind.PRIO, value);
            default -> throw new IllegalArgumentException("unknown PR-SCTP policy '" + text
                    + "': use none, ttl:MS, rtx:N or prio:P");
        };
    }

    /** {@return whether this is a real policy (not {@link Kind#NONE})} */
    public boolean isPartiallyReliable() {
        return kind != Kind.NONE;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
