package org.jsctp.core.rx;

/**
 * The receiver's reassembly queue: it takes accepted fragments of user messages and hands out
 * complete messages in the order their streams require (RFC 9260 sections 6.5, 6.6 and 6.9; RFC
 * 8260 section 2.1 for I-DATA).
 *
 * <p>This interface is the delivery side shared by {@link DataReassemblyQueue} (DATA) and
 * {@link IDataReassemblyQueue} (I-DATA); each adds its own {@code add} and {@code forwardTsn} for
 * its chunk type. The association picks one when the association is set up (I-DATA is used only
 * when both ends support it, RFC 8260 section 2.2) and must itself reject the other chunk kind.
 *
 * <p>Memory is bounded by the {@code maxBufferedBytes} given to the constructor: a fragment that
 * does not fit is refused ({@link AddResult#REFUSED_BUFFER_FULL}) and the caller must then not
 * record its TSN as received, so the peer retransmits it. Every held entry (a fragment, or a
 * complete message waiting for delivery) counts its user-data bytes plus a fixed overhead of
 * {@value #ENTRY_OVERHEAD_BYTES} bytes against that bound, so a flood of tiny fragments cannot
 * make memory grow without limit. A message larger than the bound can never be reassembled
 * (there is no partial delivery), so the bound must be at least the largest message the
 * application accepts.
 */
public interface ReassemblyQueue {

    /** What each held entry is charged against the bound on top of its user data. */
    int ENTRY_OVERHEAD_BYTES = 64;

    /** What the queue did with a fragment. */
    enum AddResult {
        /**
         * Taken: held, or completed a message. Also returned for a fragment the queue drops as
         * stale (part of a message skipped by FORWARD TSN, or an ordered message whose sequence
         * number the stream has passed): either way the caller records the TSN as received.
         */
        ACCEPTED,
        /** No room: nothing changed; the caller must not record the TSN, so the peer retransmits it. */
        REFUSED_BUFFER_FULL,
        /**
         * The stream identifier is not below the number of inbound streams: nothing changed. RFC
         * 9260 section 6.5: the caller acknowledges the TSN, sends an ERROR with an Invalid
         * Stream Identifier cause and discards the chunk.
         */
        INVALID_STREAM,
        /**
         * The fragment contradicts fragments already held (see the implementation for the exact
         * rules): nothing changed; the caller should abort the association with a Protocol
         * Violation cause (RFC 9260 section 3.3.10.13).
         */
        PROTOCOL_VIOLATION
    }

    /** The next deliverable message (in arrival-of-completeness order across streams), or null. */
    ReceivedMessage poll();

    /** Whether {@link #poll()} would return a message. */
    boolean hasDeliverable();

    /** Number of messages {@link #poll()} would return right now. */
    int deliverableCount();

    /**
     * User-data bytes held: partial messages plus complete ones not yet polled. The association
     * subtracts this from its receive buffer when it computes a_rwnd (RFC 9260 section 6.2).
     */
    long bufferedBytes();

    /**
     * Resets the next expected SSN (DATA) or ordered MID (I-DATA) of the listed streams to 0,
     * or of all streams when {@code streamIds} is empty (RFC 6525 section 5.2.2).
     *
     * <p>The caller does this only once its cumulative TSN has reached the request's Sender's
     * Last Assigned TSN, and holds back chunks of the affected streams with higher TSNs until
     * then (RFC 6525 section 5.2.2, deferred reset processing), adding them after this call.
     * With a correct peer nothing of those streams is then still waiting to be reassembled or
     * ordered; whatever is (the peer left a gap it will never fill) is discarded. Complete
     * messages already deliverable stay deliverable.
     *
     * @throws IllegalArgumentException if an identifier is not an inbound stream
     */
    void resetStreams(int[] streamIds);

    /** Throws IllegalStateException if the internal state is inconsistent; for tests. */
    void checkInvariants();
}
