package org.jsctp.core.rx;

import org.jsctp.core.packet.Bytes;

/**
 * One message being handed to the user in pieces (partial delivery, which RFC 9260 section 6.9
 * allows and RFC 6458 sections 8.1.20 and 6.1.7 shape): which message it is, where its next piece
 * starts and what was delivered so far.
 *
 * <p>Where the next piece starts depends on the chunk kind: for DATA it is the TSN of the next
 * fragment (a message's fragments carry consecutive TSNs, RFC 9260 section 6.9), for I-DATA its
 * FSN (RFC 8260 section 2.1). Each piece starts exactly there, so pieces never overlap or leave
 * a hole.
 */
final class PartialDelivery {

    private final int streamId;
    private final boolean unordered;
    private final boolean interleaved;
    private final long sequenceNumber;
    private final int ppid;
    private long nextFragment;
    private long deliveredBytes;
    private int pieces;

    /**
     * @param nextFragment TSN (DATA, unwrapped) or FSN (I-DATA) of the message's first fragment
     */
    PartialDelivery(int streamId, boolean unordered, boolean interleaved, long sequenceNumber, int ppid,
                    long nextFragment) {
        this.streamId = streamId;
        this.unordered = unordered;
        this.interleaved = interleaved;
        this.sequenceNumber = sequenceNumber;
        this.ppid = ppid;
        this.nextFragment = nextFragment;
    }

    int streamId() {
        return streamId;
    }

    boolean unordered() {
        return unordered;
    }

    long sequenceNumber() {
        return sequenceNumber;
    }

    /** TSN (DATA) or FSN (I-DATA) of the fragment the next piece must start with. */
    long nextFragment() {
        return nextFragment;
    }

    long deliveredBytes() {
        return deliveredBytes;
    }

    int pieces() {
        return pieces;
    }

    /** Whether {@code streamId}, {@code unordered} and {@code sequenceNumber} name this message. */
    boolean isMessage(int streamId, boolean unordered, long sequenceNumber) {
        return this.streamId == streamId && this.unordered == unordered && this.sequenceNumber == sequenceNumber;
    }

    /**
     * The next piece: {@code payload} continues the message from {@link #nextFragment()}, and the
     * piece after it starts at {@code followingFragment}.
     */
    ReceivedMessage piece(Bytes payload, long firstTsn, long lastTsn, boolean complete, long followingFragment) {
        if (followingFragment <= nextFragment) {
            throw new IllegalArgumentException("a piece must move on from fragment " + nextFragment);
        }
        nextFragment = followingFragment;
        deliveredBytes += payload.length();
        pieces++;
        return new ReceivedMessage(streamId, unordered, interleaved, sequenceNumber, ppid, payload, firstTsn, lastTsn,
                complete);
    }

    /** What the user is told when this delivery cannot finish (RFC 6458 section 6.1.7). */
    AbortedPartialDelivery aborted() {
        return new AbortedPartialDelivery(streamId, unordered, sequenceNumber);
    }

    void checkInvariants() {
        if (pieces < 1 || deliveredBytes < 0) {
            throw new IllegalStateException("a partial delivery without pieces delivered: " + this);
        }
    }

    @Override
    public String toString() {
        return "PartialDelivery[stream " + streamId + (unordered ? " U" : "") + " seq " + sequenceNumber + ", "
                + pieces + " pieces, " + deliveredBytes + " B, next fragment " + nextFragment + "]";
    }
}
