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
 */
public record OutgoingMessage(int streamId, int ppid, boolean unordered, Bytes payload,
                              long expiresAtNanos, int maxRetransmissions, Object context) {

    /** {@link #expiresAtNanos} value meaning the message never expires. */
    public static final long NEVER = Long.MAX_VALUE;
    /** {@link #maxRetransmissions} value meaning fully reliable. */
    public static final int UNLIMITED = -1;

    public OutgoingMessage {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        Objects.requireNonNull(payload, "payload");
        if (maxRetransmissions < UNLIMITED) {
            throw new IllegalArgumentException("maxRetransmissions must be -1 (unlimited) or at least 0: "
                    + maxRetransmissions);
        }
    }

    /** A reliable message that never expires and carries no context. */
    public static OutgoingMessage of(int streamId, int ppid, boolean unordered, Bytes payload) {
        return new OutgoingMessage(streamId, ppid, unordered, payload, NEVER, UNLIMITED, null);
    }

    /** Whether the message has a lifetime limit. */
    public boolean expires() {
        return expiresAtNanos != NEVER;
    }

    /** Whether the lifetime has run out at {@code nowNanos}: the deadline is reached or passed. */
    public boolean isExpiredAt(long nowNanos) {
        return expiresAtNanos != NEVER && nowNanos >= expiresAtNanos;
    }
}
