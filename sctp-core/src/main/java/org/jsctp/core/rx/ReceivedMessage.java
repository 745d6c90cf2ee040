package org.jsctp.core.rx;

import java.util.Objects;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;

/**
 * A user message, or a piece of one, reassembled from DATA or I-DATA fragments and ready for the
 * application.
 *
 * <p>A message is delivered either whole ({@code complete} true) or, when it is large (RFC 9260
 * section 6.9 allows partial delivery; RFC 6458 section 8.1.20 sets the point), in pieces: each
 * piece is a {@code ReceivedMessage} with the message's stream, U bit, sequence number and PPID;
 * its payload is the next bytes of the message, its TSNs those of the fragments it joins, and
 * only the last piece has {@code complete} set (the MSG_EOR flag of RFC 6458's recvmsg()). Pieces of
 * one message arrive in order and no other message of the same stream comes between them; a
 * partial delivery that cannot finish ends with a {@code PartialDeliveryAborted} event instead
 * of a complete piece (RFC 6458 section 6.1.7).
 *
 * <p>{@code sequenceNumber} is the message's place in its stream's ordered sequence: the SSN
 * (0..65535) for DATA, the MID (0..2^32-1, unsigned) for I-DATA; {@code interleaved} says which,
 * and {@link #ssn()} or {@link #mid()} give it typed. For an unordered DATA message the SSN is the
 * one received, which RFC 9260 section 6.6 says carries no meaning; an unordered I-DATA message's
 * MID is from the stream's unordered MID space (RFC 8260 section 2.1).
 *
 * <p>A message or piece of one fragment shares that fragment's {@code Bytes} (and so the received
 * packet's array); one of several fragments owns one fresh array.
 *
 * @param streamId the stream the message arrived on
 * @param unordered the U bit: delivered as soon as complete, outside the stream's order
 * @param interleaved true when it came in I-DATA chunks (then {@code sequenceNumber} is a MID)
 * @param sequenceNumber SSN for DATA, MID for I-DATA
 * @param ppid payload protocol identifier, from the first fragment
 * @param payload the user data, its fragments joined in order
 * @param firstTsn the lowest TSN of its fragments, unwrapped to 64 bits as the caller passed it
 * @param lastTsn the highest TSN of its fragments, unwrapped likewise
 * @param complete true for a whole message and for the last piece of one (the end of record)
 */
public record ReceivedMessage(int streamId, boolean unordered, boolean interleaved, long sequenceNumber, int ppid,
                              Bytes payload, long firstTsn, long lastTsn, boolean complete) {

    /**
     * A whole message: {@code complete} is true.
     *
     * @param streamId the stream the message arrived on
     * @param unordered the U bit: delivered as soon as complete, outside the stream's order
     * @param interleaved true when it came in I-DATA chunks (then {@code sequenceNumber} is a MID)
     * @param sequenceNumber SSN for DATA, MID for I-DATA
     * @param ppid payload protocol identifier, from the first fragment
     * @param payload the user data, its fragments joined in order
     * @param firstTsn the lowest TSN of its fragments, unwrapped to 64 bits as the caller passed it
     * @param lastTsn the highest TSN of its fragments, unwrapped likewise
     */
    public ReceivedMessage(int streamId, boolean unordered, boolean interleaved, long sequenceNumber, int ppid,
                           Bytes payload, long firstTsn, long lastTsn) {
        this(streamId, unordered, interleaved, sequenceNumber, ppid, payload, firstTsn, lastTsn, true);
    }

    /**
     * Rejects null, checks the ranges.
     *
     * @param streamId the stream the message arrived on
     * @param unordered the U bit: delivered as soon as complete, outside the stream's order
     * @param interleaved true when it came in I-DATA chunks (then {@code sequenceNumber} is a MID)
     * @param sequenceNumber SSN for DATA, MID for I-DATA
     * @param ppid payload protocol identifier, from the first fragment
     * @param payload the user data, its fragments joined in order
     * @param firstTsn the lowest TSN of its fragments, unwrapped to 64 bits as the caller passed it
     * @param lastTsn the highest TSN of its fragments, unwrapped likewise
     * @param complete true for a whole message and for the last piece of one (the end of record)
     * @throws IllegalArgumentException if a component is out of range
     */
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

    /** {@return the SSN of a DATA message; throws for an I-DATA message} */
    public Ssn ssn() {
        if (interleaved) {
            throw new IllegalStateException("an I-DATA message has a MID, not an SSN");
        }
        return new Ssn((int) sequenceNumber);
    }

    /** {@return the MID of an I-DATA message; throws for a DATA message} */
    public Mid mid() {
        if (!interleaved) {
            throw new IllegalStateException("a DATA message has an SSN, not a MID");
        }
        return Mid.of(sequenceNumber);
    }

    /** {@return number of TSNs the fragments of this message or piece spanned (for DATA, its fragment count)} */
    public long tsnSpan() {
        return lastTsn - firstTsn + 1;
    }
}
