package org.jsctp.core.rx;

import java.util.Objects;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;

/**
 * A complete user message, reassembled from DATA or I-DATA fragments and ready for the
 * application.
 *
 * <p>{@code sequenceNumber} is the message's place in its stream's ordered sequence: the SSN
 * (0..65535) for DATA, the MID (0..2^32-1, unsigned) for I-DATA; {@code interleaved} says which,
 * and {@link #ssn()} or {@link #mid()} give it typed. For an unordered DATA message the SSN is the
 * one received, which RFC 9260 section 6.6 says carries no meaning; an unordered I-DATA message's
 * MID is from the stream's unordered MID space (RFC 8260 section 2.1).
 *
 * <p>A message of one fragment shares that fragment's {@code Bytes} (and so the received packet's
 * array); a message of several fragments owns one fresh array.
 *
 * @param streamId the stream the message arrived on
 * @param unordered the U bit: delivered as soon as complete, outside the stream's order
 * @param interleaved true when it came in I-DATA chunks (then {@code sequenceNumber} is a MID)
 * @param sequenceNumber SSN for DATA, MID for I-DATA
 * @param ppid payload protocol identifier, from the first fragment
 * @param payload the user data, all fragments joined in order
 * @param firstTsn the lowest TSN of its fragments, unwrapped to 64 bits as the caller passed it
 * @param lastTsn the highest TSN of its fragments, unwrapped likewise
 */
public record ReceivedMessage(int streamId, boolean unordered, boolean interleaved, long sequenceNumber, int ppid,
                              Bytes payload, long firstTsn, long lastTsn) {

    public ReceivedMessage {
        Objects.requireNonNull(payload, "payload");
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        long maxSequence = interleaved ? 0xFFFF_FFFFL : 0xFFFF;
        if (sequenceNumber < 0 || sequenceNumber > maxSequence) {
            throw new IllegalArgumentException((interleaved ? "MID" : "SSN") + " out of range: " + sequenceNumber);
        }
        if (firstTsn > lastTsn) {
            throw new IllegalArgumentException("first TSN " + firstTsn + " after last TSN " + lastTsn);
        }
    }

    /** The SSN of a DATA message; throws for an I-DATA message. */
    public Ssn ssn() {
        if (interleaved) {
            throw new IllegalStateException("an I-DATA message has a MID, not an SSN");
        }
        return new Ssn((int) sequenceNumber);
    }

    /** The MID of an I-DATA message; throws for a DATA message. */
    public Mid mid() {
        if (!interleaved) {
            throw new IllegalStateException("a DATA message has an SSN, not a MID");
        }
        return Mid.of(sequenceNumber);
    }

    /** Number of TSNs the message's fragments spanned (for DATA, its fragment count). */
    public long tsnSpan() {
        return lastTsn - firstTsn + 1;
    }
}
