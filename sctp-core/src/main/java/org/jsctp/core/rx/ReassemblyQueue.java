package org.jsctp.core.rx;

import java.util.List;

/**
 * The receiver's reassembly queue: it takes accepted fragments of user messages and hands out
 * messages, whole or in pieces, in the order their streams require (RFC 9260 sections 6.5, 6.6
 * and 6.9; RFC 8260 section 2.1 for I-DATA).
 *
 * <p>This interface is the delivery side shared by {@link DataReassemblyQueue} (DATA) and
 * {@link IDataReassemblyQueue} (I-DATA); each adds its own {@code add} and {@code forwardTsn} for
 * its chunk type. The association picks one when the association is set up (I-DATA is used only
 * when both ends support it, RFC 8260 section 2.2) and must itself reject the other chunk kind.
 *
 * <h2>Partial delivery</h2>
 * A message larger than the memory bound could never be reassembled, so a message may be handed
 * out in pieces (RFC 9260 section 6.9 allows it; RFC 6458 sections 8.1.20 and 6.1.7 shape it). A
 * message is <em>next in line</em> when its stream hands nothing else out in pieces and, for an
 * ordered message, its SSN or MID is the stream's next expected one (any unordered message
 * qualifies). When such a message holds a contiguous run of fragments from its first one of at
 * least the partial delivery point bytes, that run is delivered as a piece
 * ({@link ReceivedMessage#complete()} false), and from then on each fragment that continues the
 * delivered bytes is delivered at once, joined with the held fragments it connects to; the piece
 * that ends the message is complete. Pieces of one message come out in order and nothing else of
 * the same stream, ordered or unordered, comes between them (RFC 6458 SCTP_FRAGMENT_INTERLEAVE
 * at level 2): messages of that stream that become deliverable meanwhile are held back, and count
 * against the bound, until the message ends. Other streams are not held up.
 *
 * <p>A partial delivery that can never finish is aborted and reported by
 * {@link #pollAbortedDeliveries()}: when a FORWARD TSN or I-FORWARD-TSN skips the rest of the
 * message, when its stream is reset, and, through {@link #abortPartialDeliveries()}, when the
 * association ends or restarts. Its held fragments are dropped; later ones are dropped as stale,
 * or, having TSNs the FORWARD TSN covered, as duplicates by the caller's data tracker.
 *
 * <h2>Memory bound and progress</h2>
 * Memory is bounded by the {@code maxBufferedBytes} given to the constructor (twice it at most,
 * through the exceptions below). Every held entry (a fragment, or a message or piece waiting for
 * delivery) counts its user-data bytes plus a fixed overhead of {@value #ENTRY_OVERHEAD_BYTES}
 * bytes against that bound, so a flood of tiny fragments cannot make memory grow without limit. A fragment that does not fit is refused
 * ({@link AddResult#REFUSED_BUFFER_FULL}) and the caller must then not record its TSN as
 * received, so the peer retransmits it; before refusing, the queue delivers the leading fragments
 * of every message next in line as pieces, so the bytes they held are freed once polled.
 *
 * <p>Two exceptions keep a message of any size moving; either may take the charge past the bound,
 * but never past twice it (the hard limit):
 * <ul>
 *   <li>a fragment that can be delivered at once (it continues a partial delivery, or it joins the
 *       leading fragments of a message next in line) while nothing waits to be polled: it is
 *       delivered straight away, whole or as a piece, so the charge exceeds the bound by that one
 *       entry until it is polled;</li>
 *   <li>the fragment at the lowest TSN not yet received, which the caller names (the data
 *       tracker's cumulative TSN ack + 1), held if it cannot be delivered.</li>
 * </ul>
 * Refusing them could deadlock, because the peer's window (RFC 9260 section 6.2) counts only
 * user data while the bound also counts the per-entry overhead, so the bound can fill up with
 * data that waits for exactly such a fragment. The lowest missing TSN is what everything else
 * waits for: its fragments before it and the earlier messages of its stream have lower TSNs, so
 * they are here (the peer sends them in order), and once it is taken the cumulative TSN moves and
 * the peer can send what comes next, among it the next fragment of a partial delivery that holds
 * its stream. Within the window the peer keeps, the data held stays near the bound (the overhead
 * of normal-sized fragments is a few percent), far from the hard limit.
 *
 * <p>A peer also waits when its window, though open, is smaller than its next fragment (RFC 9260
 * section 6.1 lets it avoid slivers). So whenever what is left of the bound would not take
 * another fragment as large as the largest seen, the leading fragments of every message next in
 * line are handed out too, whatever the partial delivery point.
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
        /**
         * No room: the fragment was not taken; the caller must not record the TSN, so the peer
         * retransmits it. The queue may have started partial deliveries to free room (see the
         * interface comment), which changes what is deliverable but not the user data held.
         */
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

    /**
     * {@return the next deliverable message or piece of one (in the order they became deliverable across
     * streams), or null}
     */
    ReceivedMessage poll();

    /** {@return whether {@link #poll()} would return a message or piece} */
    boolean hasDeliverable();

    /** {@return number of messages and pieces {@link #poll()} would return right now} */
    int deliverableCount();

    /**
     * {@return the user-data bytes held: partial messages plus messages and pieces not yet polled} The
     * association subtracts this from its receive buffer when it computes a_rwnd (RFC 9260
     * section 6.2).
     */
    long bufferedBytes();

    /**
     * {@return the partial deliveries aborted since the last call, in the order they were aborted (RFC
     * 6458 section 6.1.7); each has had its last piece} The caller reports them to the user before
     * what {@link #poll()} returns next, since messages they held back follow them.
     */
    List<AbortedPartialDelivery> pollAbortedDeliveries();

    /**
     * The association ends or restarts: aborts every partial delivery in progress (reported by
     * {@link #pollAbortedDeliveries()}) and drops whatever is still being reassembled or waits for
     * its turn. Messages and pieces already deliverable, and those the aborted deliveries held
     * back, stay deliverable.
     */
    void abortPartialDeliveries();

    /** {@return number of messages being delivered in pieces; for tests and diagnostics} */
    int partialDeliveryCount();

    /**
     * Resets the next expected SSN (DATA) or ordered MID (I-DATA) of the listed streams to 0,
     * or of all streams when {@code streamIds} is empty (RFC 6525 section 5.2.2).
     *
     * <p>The caller does this only once its cumulative TSN has reached the request's Sender's
     * Last Assigned TSN, and holds back chunks of the affected streams with higher TSNs until
     * then (RFC 6525 section 5.2.2, deferred reset processing), adding them after this call.
     * With a correct peer nothing of those streams is then still waiting to be reassembled or
     * ordered; whatever is (the peer left a gap it will never fill) is discarded, and a partial
     * delivery on such a stream is aborted. Messages and pieces already deliverable stay
     * deliverable.
     *
     * @throws IllegalArgumentException if an identifier is not an inbound stream
     * @param streamIds the inbound streams to reset, or none for all
     */
    void resetStreams(int[] streamIds);

    /**
     * Grows the number of inbound streams by {@code added} (RFC 6525 section 5.2.5, the peer's Add
     * Outgoing Streams Request): the new streams accept chunks from now on, from SSN or MID 0.
     *
     * @param added how many streams to add; the total stays at most 65535
     * @throws IllegalArgumentException if the total would exceed 65535 or {@code added} is negative
     */
    void addStreams(int added);

    /**
     * Whether one more entry of {@code length} user-data bytes fits the bound now, counting what
     * is reserved ({@link #setReserved}).
     *
     * @param length the entry's user-data bytes
     * @return whether it fits
     */
    boolean hasRoomFor(int length);

    /**
     * Sets aside {@code chargedBytes} of the bound for chunks held outside this queue that it will
     * take later: the chunks of streams with a deferred reset (RFC 6525 section 5.2.2 E2, see
     * {@link DeferredResetQueue}). The reservation counts against the bound like held entries,
     * so other streams cannot take the room those chunks need once released.
     *
     * @param chargedBytes the held chunks' user data plus {@link #ENTRY_OVERHEAD_BYTES} each
     */
    void setReserved(long chargedBytes);

    /** Throws IllegalStateException if the internal state is inconsistent; for tests. */
    void checkInvariants();
}
