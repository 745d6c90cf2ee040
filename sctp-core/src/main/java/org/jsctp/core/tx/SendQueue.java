package org.jsctp.core.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * The sender's queue of user messages not yet (fully) handed to the association, per outbound
 * stream, cut into fragments on demand (RFC 9260 section 6.9) and numbered per stream (RFC 9260
 * sections 6.5 and 6.6 for DATA, RFC 8260 section 2.1 for I-DATA). A {@link StreamScheduler}
 * picks the stream each fragment comes from.
 *
 * <p>Only what has not been produced is held here: once {@link #produce} returns a fragment, the
 * association owns it (TSN assignment, retransmission, acknowledgement). Memory is bounded by
 * {@code maxBufferedBytes}, counted over unproduced payload: an offer that would exceed it is
 * refused with {@link OfferResult#REFUSED_BUFFER_FULL} and the user must wait until fragments have
 * been produced. Per-stream state is created when a stream is first used; streams never used cost
 * nothing beyond a page slot.
 *
 * <p>Sans-IO and single-threaded: the association calls it from its one event loop.
 */
public final class SendQueue {

    /** What {@link #offer} did with a message. */
    public enum OfferResult {
        /** Queued; it will come out of {@link #produce}. */
        ACCEPTED,
        /** The send buffer has no room for it now; nothing was queued (back-pressure). */
        REFUSED_BUFFER_FULL,
        /** Its stream is not below the number of outbound streams. */
        INVALID_STREAM,
        /** It has no payload: DATA without user data is not allowed (RFC 9260 section 6.2). */
        EMPTY_MESSAGE,
        /** Its payload is longer than the configured maximum message size. */
        TOO_LARGE
    }

    /** Largest user data one DATA chunk can hold: the 16-bit chunk length minus its 16-byte header. */
    public static final int MAX_DATA_FRAGMENT = 0xFFFF - 4 - DataChunk.FIXED_VALUE_LENGTH;
    /** Largest user data one I-DATA chunk can hold: the 16-bit chunk length minus its 20-byte header. */
    public static final int MAX_IDATA_FRAGMENT = 0xFFFF - 4 - IDataChunk.FIXED_VALUE_LENGTH;

    private static final int PAGE_BITS = 8;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private int outboundStreams;
    private final long maxBufferedBytes;
    private final int maxMessageSize;
    private final StreamScheduler scheduler;
    /** Stream state by id in pages of 256, each page created when one of its streams is first used. */
    private OutStream[][] pages;
    /** Every stream created so far, for the whole-queue operations. */
    private final ArrayList<OutStream> used = new ArrayList<>();

    private long nextOrder;
    /** Set once a PR-SCTP priority-policy message is queued; see {@link #hasSeenPriorityMessages()}. */
    private boolean priorityMessagesOffered;
    private long bufferedBytes;
    private int queuedMessages;
    private int activeStreams;
    /** Messages with some but not all fragments produced. */
    private int partialMessages;
    /** With DATA, the stream whose started message must be finished before any other. */
    private OutStream current;
    /** Every stream is held as if paused (an SSN reset of all streams, or an SSN/TSN reset, is pending). */
    private boolean allPaused;
    /** Entries whose message was fully produced, for reuse by {@link #offer}: a few, for bursts. */
    private final QueuedMessage[] spare = new QueuedMessage[8];
    private int spareEntries;

    /** The fragment {@link #cut} made last: read by {@link #produce} and {@link #produceChunk} at once. */
    private int cutStream;
    private boolean cutBeginning;
    private boolean cutEnding;
    private int cutSequence;
    private int cutFsn;
    private Bytes cutPayload;
    private OutgoingMessage cutMessage;
    /** Whether the last {@link #produce} was for I-DATA; fixed while a message is partly produced. */
    private boolean interleavedMode;
    /** No queued, unstarted message expires before this: lets {@link #abandonExpired} return at once. */
    private long earliestExpiry = OutgoingMessage.NEVER;

    /**
     * A queue whose maximum message size is the whole buffer.
     *
     * @see #SendQueue(int, long, int, StreamScheduler)
     * @param outboundStreams the number of outbound streams, 1..65535
     * @param maxBufferedBytes the send buffer's size in bytes
     * @param scheduler picks the stream to send from next
     */
    public SendQueue(int outboundStreams, long maxBufferedBytes, StreamScheduler scheduler) {
        this(outboundStreams, maxBufferedBytes, (int) Math.min(Integer.MAX_VALUE, maxBufferedBytes), scheduler);
    }

    /**
     * An empty queue.
     *
     * @param outboundStreams the number of outbound streams, 1..65535 (the OS count agreed in
     *                        INIT / INIT ACK, RFC 9260 section 5.1.1)
     * @param maxBufferedBytes bound on queued, unproduced payload bytes
     * @param maxMessageSize largest message accepted, at most {@code maxBufferedBytes}
     * @param scheduler chooses the stream of each fragment; owned by this queue from now on
     */
    public SendQueue(int outboundStreams, long maxBufferedBytes, int maxMessageSize, StreamScheduler scheduler) {
        if (outboundStreams < 1 || outboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("outbound streams must be 1..65535: " + outboundStreams);
        }
        if (maxMessageSize < 1 || maxMessageSize > maxBufferedBytes) {
            throw new IllegalArgumentException("need 1 <= maxMessageSize <= maxBufferedBytes, got " + maxMessageSize
                    + " and " + maxBufferedBytes);
        }
        this.outboundStreams = outboundStreams;
        this.maxBufferedBytes = maxBufferedBytes;
        this.maxMessageSize = maxMessageSize;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (scheduler.activeStreamCount() != 0) {
            throw new IllegalArgumentException("the scheduler must start without active streams");
        }
        this.pages = new OutStream[(outboundStreams + PAGE_SIZE - 1) >>> PAGE_BITS][];
    }

    /**
     * Queues a message at the end of its stream. Nothing is queued unless the result is
     * {@link OfferResult#ACCEPTED}; the caller reports any other result to the user.
     *
     * @param nowNanos the current time; not used yet (expiry is absolute, see
     *                 {@link OutgoingMessage#expiresAtNanos()}), kept for time-aware policies
     * @param m the message
     * @return {@link OfferResult#ACCEPTED}, or why it was refused
     */
    public OfferResult offer(OutgoingMessage m, long nowNanos) {
        if (m.streamId() >= outboundStreams) {
            return OfferResult.INVALID_STREAM;
        }
        int length = m.payload().length();
        if (length == 0) {
            return OfferResult.EMPTY_MESSAGE; // RFC 9260 section 6.2: no DATA chunk without user data
        }
        if (length > maxMessageSize) {
            return OfferResult.TOO_LARGE;
        }
        if (bufferedBytes + length > maxBufferedBytes) {
            return OfferResult.REFUSED_BUFFER_FULL;
        }
        OutStream s = streamFor(m.streamId());
        QueuedMessage q = spareEntries == 0 ? new QueuedMessage() : spare[--spareEntries];
        spare[spareEntries] = null;
        q.fill(m, nextOrder++);
        if (m.policy() == PrPolicy.Kind.PRIO) {
            priorityMessagesOffered = true;
        }
        s.queue.addLast(q);
        bufferedBytes += length;
        queuedMessages++;
        if (m.expiresAtNanos() < earliestExpiry) {
            earliestExpiry = m.expiresAtNanos();
        }
        if (s.queue.size() == 1) {
            sync(s);
        }
        return OfferResult.ACCEPTED;
    }

    /**
     * Cuts the next fragment, or returns null when nothing can be sent: the queue is empty or
     * holds only messages of paused streams.
     *
     * <p>With DATA ({@code interleaved == false}) a message, once started, is continued on every
     * call until its last fragment, since its fragments need consecutive TSNs (RFC 9260 section
     * 6.9); the scheduler is asked only between messages. With I-DATA the scheduler is asked for
     * every fragment and may switch streams between fragments (RFC 8260 section 3). The first
     * fragment of a message fixes its SSN or MID.
     *
     * @param nowNanos the current time; not used yet (call {@link #abandonExpired} first to drop
     *                 expired messages), kept for time-aware schedulers
     * @param maxPayloadBytes largest fragment wanted, at least 1; may differ between calls (path MTU,
     *                        room left in the packet); values above what one chunk can carry are
     *                        capped to {@link #MAX_DATA_FRAGMENT} or {@link #MAX_IDATA_FRAGMENT}
     * @param interleaved whether the association sends I-DATA (RFC 8260) rather than DATA; it may
     *                    not change while a message is partly produced
     */
    /**
     * {@return payload bytes still to be produced of the message {@link #produce} would take from next, or
     * -1 when nothing is queued: lets the caller keep a message that fits one packet whole rather
     * than split it to fill the end of another}
     *
     * @param interleaved whether I-DATA is in use (another stream may then go next)
     */
    public int nextMessageRemaining(boolean interleaved) {
        if (activeStreams == 0) {
            return -1;
        }
        OutStream s = !interleaved && current != null ? current : existingStream(scheduler.peek());
        QueuedMessage q = s == null ? null : s.queue.peekFirst();
        return q == null ? -1 : q.message.payload().length() - q.offset;
    }

    /**
     * Takes the next fragment to send, of at most {@code maxPayloadBytes}, from the stream the scheduler picks
     * (without interleaving, the stream of a partly produced message first), and assigns its SSN or MID and FSN.
     *
     * @param nowNanos the current time
     * @param maxPayloadBytes the most payload bytes the fragment may carry, at least 1
     * @param interleaved whether the fragment goes in I-DATA (RFC 8260), so messages may interleave
     * @return the fragment, or null when nothing can be sent
     * @throws IllegalArgumentException if {@code maxPayloadBytes} is below 1
     */
    public OutgoingFragment produce(long nowNanos, int maxPayloadBytes, boolean interleaved) {
        if (!cut(maxPayloadBytes, interleaved)) {
            return null;
        }
        Ssn ssn = null;
        Mid mid = null;
        Fsn fsn = null;
        if (interleaved) {
            mid = new Mid(cutSequence);
            fsn = new Fsn(cutFsn);
        } else {
            ssn = new Ssn(cutSequence);
        }
        OutgoingMessage m = cutMessage;
        return new OutgoingFragment(cutStream, m.unordered(), cutBeginning, cutEnding, interleaved,
                m.ppid(), ssn, mid, fsn, cutPayload, m);
    }

    /**
     * {@link #produce} made straight into the chunk with the TSN the caller assigns, without the
     * {@link OutgoingFragment} and sequence-number objects in between (issue 6: nothing per message
     * on the send path but the chunk); the message it belongs to is then {@link
     * #lastProducedMessage()}.
     *
     * @param nowNanos the current time
     * @param maxPayloadBytes the most payload bytes the chunk may carry, at least 1
     * @param interleaved whether the chunk is I-DATA (RFC 8260) rather than DATA
     * @param tsn the TSN the association assigns to it
     * @return a {@link DataChunk} or {@link IDataChunk} without the I bit, or null when nothing
     *         can be sent
     * @throws IllegalArgumentException if {@code maxPayloadBytes} is below 1
     */
    public Chunk produceChunk(long nowNanos, int maxPayloadBytes, boolean interleaved, int tsn) {
        if (!cut(maxPayloadBytes, interleaved)) {
            return null;
        }
        OutgoingMessage m = cutMessage;
        if (!interleaved) {
            return new DataChunk(false, m.unordered(), cutBeginning, cutEnding, tsn, cutStream, cutSequence, m.ppid(),
                    cutPayload);
        }
        // RFC 8260 section 2.1: the first fragment carries the PPID, the others their FSN.
        return cutBeginning
                ? IDataChunk.firstFragment(false, m.unordered(), cutEnding, new Tsn(tsn), cutStream, new Mid(cutSequence),
                        m.ppid(), cutPayload)
                : IDataChunk.laterFragment(false, m.unordered(), cutEnding, new Tsn(tsn), cutStream, new Mid(cutSequence),
                        new Fsn(cutFsn), cutPayload);
    }

    /** {@return the message the chunk (or fragment) produced last belongs to; null before the first} */
    public OutgoingMessage lastProducedMessage() {
        return cutMessage;
    }

    /**
     * Cuts the next fragment into the {@code cut...} fields: the stream the scheduler chooses
     * (without interleaving, the stream of a partly produced message first), its SSN or MID and
     * FSN assigned. Returns false when nothing is queued.
     */
    private boolean cut(int maxPayloadBytes, boolean interleaved) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 1: " + maxPayloadBytes);
        }
        if (interleaved != interleavedMode && partialMessages > 0) {
            throw new IllegalStateException("cannot switch between DATA and I-DATA while a message is partly produced");
        }
        interleavedMode = interleaved;
        if (activeStreams == 0) {
            return false;
        }
        OutStream s;
        if (!interleaved && current != null) {
            s = current; // RFC 9260 section 6.9: finish the started message first
        } else {
            int chosen = scheduler.select();
            s = chosen >= 0 && chosen < outboundStreams ? existingStream(chosen) : null;
            if (s == null || !s.scheduled) {
                throw new IllegalStateException("scheduler chose stream " + chosen + ", which is not active");
            }
        }
        QueuedMessage q = s.queue.peekFirst();
        OutgoingMessage m = q.message;
        int length = m.payload().length();
        int limit = Math.min(maxPayloadBytes, interleaved ? MAX_IDATA_FRAGMENT : MAX_DATA_FRAGMENT);
        int size = Math.min(limit, length - q.offset);
        boolean beginning = q.offset == 0;
        boolean ending = q.offset + size == length;

        if (beginning) {
            assignSequenceNumber(s, q, interleaved);
        }
        cutStream = s.id;
        cutBeginning = beginning;
        cutEnding = ending;
        // RFC 9260 section 6.9: every fragment carries the message's SSN; RFC 8260 section 2.1:
        // MID likewise, FSN 0, 1, 2, ... within the message.
        cutSequence = q.sequence;
        cutFsn = interleaved ? q.nextFsn++ : 0;
        cutPayload = m.payload().slice(q.offset, size);
        cutMessage = m;

        q.offset += size;
        bufferedBytes -= size;
        if (beginning && !ending) {
            partialMessages++;
        } else if (!beginning && ending) {
            partialMessages--;
        }
        current = interleaved || ending ? null : s;
        scheduler.produced(s.id, size, ending);
        if (ending) {
            s.queue.pollFirst();
            queuedMessages--;
            sync(s);
            recycle(q);
        }
        return true;
    }

    /**
     * Keeps a fully produced entry for the next offer (issue 6: no queue entry per message in a
     * steady transfer). Entries are this queue's own bookkeeping, never handed out, and one that
     * has left the stream queues is referenced nowhere else.
     */
    private void recycle(QueuedMessage q) {
        if (spareEntries < spare.length) {
            q.fill(null, 0);
            spare[spareEntries++] = q;
        }
    }

    /**
     * Removes the messages that expired before any of their fragments was produced (PR-SCTP timed
     * reliability for unsent messages, RFC 7496 section 3.1), in offer order, so the caller can
     * report them as not sent. A partly produced message stays: abandoning it needs FORWARD TSN,
     * which is the association's business. Returns an empty list when nothing expired.
     *
     * @param nowNanos the current time
     * @return the expired messages, in offer order
     */
    public List<OutgoingMessage> abandonExpired(long nowNanos) {
        if (nowNanos < earliestExpiry) {
            return List.of();
        }
        ArrayList<QueuedMessage> expired = new ArrayList<>();
        long earliest = OutgoingMessage.NEVER;
        for (int i = 0; i < used.size(); i++) {
            OutStream s = used.get(i);
            if (s.queue.isEmpty()) {
                continue;
            }
            Iterator<QueuedMessage> it = s.queue.iterator();
            while (it.hasNext()) {
                QueuedMessage q = it.next();
                if (q.offset > 0) {
                    continue; // started: only the head can be, and it stays
                }
                if (q.message.isExpiredAt(nowNanos)) {
                    it.remove();
                    expired.add(q);
                    bufferedBytes -= q.message.payload().length();
                    queuedMessages--;
                } else if (q.message.expiresAtNanos() < earliest) {
                    earliest = q.message.expiresAtNanos();
                }
            }
            sync(s);
        }
        earliestExpiry = earliest;
        if (expired.isEmpty()) {
            return List.of();
        }
        expired.sort((a, b) -> Long.compare(a.order, b.order));
        List<OutgoingMessage> result = new ArrayList<>(expired.size());
        for (QueuedMessage q : expired) {
            result.add(q.message);
        }
        return result;
    }

    /**
     * Drops the unproduced rest of a partly produced message, because the association abandoned
     * the message (PR-SCTP, RFC 3758 section 3.5 and RFC 8260 section 2.3.1: all of a message's
     * chunks are abandoned together and later announced in a FORWARD TSN or I-FORWARD TSN).
     * Returns false, changing nothing, when {@code m} is not a partly produced message of this
     * queue (not started, already finished, or unknown). Messages not started yet are dropped
     * through {@link #abandonExpired} instead.
     *
     * @param m a message of this queue
     * @return whether its rest was dropped
     */
    public boolean abandonRemainder(OutgoingMessage m) {
        OutStream s = m.streamId() < outboundStreams ? existingStream(m.streamId()) : null;
        QueuedMessage head = s == null ? null : s.queue.peekFirst();
        if (head == null || head.message != m || head.offset == 0) {
            return false;
        }
        s.queue.pollFirst();
        bufferedBytes -= m.payload().length() - head.offset;
        queuedMessages--;
        partialMessages--;
        if (current == s) {
            current = null;
        }
        sync(s);
        return true;
    }

    /**
     * The payload bytes of {@code m} still queued: the rest of a partly produced message (at the
     * head of its stream), or 0 when none of it is queued any more.
     *
     * @param m the message
     * @return the bytes {@link #abandonRemainder} would release
     */
    public long remainderBytes(OutgoingMessage m) {
        OutStream s = m.streamId() < outboundStreams ? existingStream(m.streamId()) : null;
        QueuedMessage head = s == null ? null : s.queue.peekFirst();
        return head == null || head.message != m || head.offset == 0 ? 0 : m.payload().length() - head.offset;
    }

    /**
     * Whether a message with the PR-SCTP priority policy (RFC 7496 section 3.2) was ever queued:
     * until one is, {@link #unsentMessages} can find no message of that policy, and a full send
     * buffer need not walk the queue on every refused offer.
     *
     * @return true once a priority-policy message was accepted
     */
    public boolean hasSeenPriorityMessages() {
        return priorityMessagesOffered;
    }

    /**
     * {@return the queued messages {@code filter} accepts of which no fragment has been produced yet, in
     * offer order: the candidates the PR-SCTP priority policy may abandon to make room (RFC 7496
     * section 3.2)} Costs a walk over the queue; meant for the rare full send buffer.
     *
     * @param filter which messages to consider
     */
    public List<OutgoingMessage> unsentMessages(Predicate<OutgoingMessage> filter) {
        ArrayList<QueuedMessage> found = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            for (QueuedMessage q : used.get(i).queue) {
                if (q.offset == 0 && filter.test(q.message)) {
                    found.add(q);
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.order, b.order));
        List<OutgoingMessage> result = new ArrayList<>(found.size());
        for (QueuedMessage q : found) {
            result.add(q.message);
        }
        return result;
    }

    /**
     * Removes {@code m} if it is queued and none of its fragments was produced (it has no SSN or
     * MID yet, so none is consumed), for the PR-SCTP priority policy. Returns whether it was.
     *
     * @param m a message
     * @return whether it was removed
     */
    public boolean removeUnsent(OutgoingMessage m) {
        OutStream s = m.streamId() < outboundStreams ? existingStream(m.streamId()) : null;
        if (s == null) {
            return false;
        }
        Iterator<QueuedMessage> it = s.queue.iterator();
        while (it.hasNext()) {
            QueuedMessage q = it.next();
            if (q.message == m) {
                if (q.offset > 0) {
                    return false;
                }
                it.remove();
                bufferedBytes -= m.payload().length();
                queuedMessages--;
                sync(s);
                return true;
            }
        }
        return false;
    }

    /**
     * Empties the queue, for an abort (RFC 9260 section 9.1) or shutdown failure, and returns every
     * message still here in offer order so the user can be told they were not (fully) sent. This
     * includes a message whose first fragments were already produced; those fragments belong to
     * the association, which must not report the message twice. Stream sequence numbers are kept.
     *
     * @return the messages that were queued, in offer order
     */
    public List<OutgoingMessage> clear() {
        ArrayList<QueuedMessage> all = new ArrayList<>(queuedMessages);
        for (int i = 0; i < used.size(); i++) {
            OutStream s = used.get(i);
            all.addAll(s.queue);
            s.queue.clear();
            s.scheduled = false;
        }
        all.sort((a, b) -> Long.compare(a.order, b.order));
        List<OutgoingMessage> result = new ArrayList<>(all.size());
        for (QueuedMessage q : all) {
            result.add(q.message);
        }
        bufferedBytes = 0;
        queuedMessages = 0;
        activeStreams = 0;
        partialMessages = 0;
        current = null;
        earliestExpiry = OutgoingMessage.NEVER;
        scheduler.clear();
        return result;
    }

    /**
     * Sets the next SSN and both next MIDs of the given streams back to 0, or of every stream when
     * {@code streamIds} is empty: an outgoing SSN reset took effect (RFC 6525 section 5.1.2, on a
     * successful Re-configuration Response). The caller should have paused those streams
     * ({@link #pauseStreams}) while the reset was pending and resumes them afterwards; a stream with
     * a partly produced message cannot be reset.
     *
     * @param streamIds the outbound streams to reset, or none for all
     */
    public void resetStreams(int[] streamIds) {
        if (streamIds.length == 0) {
            for (int i = 0; i < used.size(); i++) {
                checkResettable(used.get(i));
            }
            for (int i = 0; i < used.size(); i++) {
                used.get(i).resetSequenceNumbers();
            }
            return;
        }
        for (int id : streamIds) {
            checkStreamId(id);
            OutStream s = existingStream(id);
            if (s != null) {
                checkResettable(s);
            }
        }
        for (int id : streamIds) {
            OutStream s = existingStream(id);
            if (s != null) {
                s.resetSequenceNumbers();
            }
        }
    }

    /**
     * Stops the given streams from starting new messages, as RFC 6525 section 5.1.2 asks while an
     * outgoing SSN reset is pending. Offers to them are still queued. A partly produced message on
     * a paused stream is still finished, so the reset request can be sent once
     * {@link #hasPartialMessage} is false for each of them.
     *
     * @param streamIds the outbound streams to pause
     */
    public void pauseStreams(int[] streamIds) {
        setPaused(streamIds, true);
    }

    /**
     * Lets the given streams start new messages again, e.g. after their reset completed or failed.
     *
     * @param streamIds the outbound streams to resume
     */
    public void resumeStreams(int[] streamIds) {
        setPaused(streamIds, false);
    }

    /**
     * Holds every stream, present and future, as {@link #pauseStreams} holds some ({@code true}),
     * or lifts that hold ({@code false}; streams paused one by one stay paused): for an outgoing
     * SSN reset of all streams or an SSN/TSN reset (RFC 6525 sections 5.1.2 and 5.1.4).
     *
     * @param paused whether every stream is held
     */
    public void pauseAll(boolean paused) {
        if (allPaused == paused) {
            return;
        }
        allPaused = paused;
        for (int i = 0; i < used.size(); i++) {
            sync(used.get(i));
        }
    }

    /** {@return whether a message is partly produced on any stream (none may be when every stream is reset)} */
    public boolean hasPartialMessages() {
        return partialMessages > 0;
    }

    /**
     * Adds {@code added} outbound streams (RFC 6525 section 5.1.5, after the peer accepted an Add
     * Outgoing Streams Request): offers to them are accepted from now on, numbered from SSN/MID 0.
     *
     * @param added how many streams to add; the total stays at most 65535
     * @throws IllegalArgumentException if the total would exceed 65535 or {@code added} is negative
     */
    public void addStreams(int added) {
        if (added < 0 || outboundStreams + added > 0xFFFF) {
            throw new IllegalArgumentException("cannot add " + added + " to " + outboundStreams + " outbound streams");
        }
        outboundStreams += added;
        int pageCount = (outboundStreams + PAGE_SIZE - 1) >>> PAGE_BITS;
        if (pageCount > pages.length) {
            pages = java.util.Arrays.copyOf(pages, pageCount);
        }
    }

    /**
     * {@return whether the stream is paused by {@link #pauseStreams}}
     *
     * @param streamId an outbound stream
     */
    public boolean isPaused(int streamId) {
        checkStreamId(streamId);
        OutStream s = existingStream(streamId);
        return s != null && s.paused;
    }

    /**
     * {@return whether some but not all fragments of a message on the stream were produced}
     *
     * @param streamId an outbound stream
     */
    public boolean hasPartialMessage(int streamId) {
        checkStreamId(streamId);
        OutStream s = existingStream(streamId);
        return s != null && !s.queue.isEmpty() && s.queue.peekFirst().offset > 0;
    }

    /** Forwards a packet boundary to the scheduler, for per-packet scheduling (RFC 8260 section 3.3). */
    public void packetCompleted() {
        scheduler.packetCompleted();
    }

    /**
     * Whether the scheduler wants the packet being assembled closed before more new data goes in
     * (RFC 8260 section 3.3: a per-packet scheduler bundles one stream's chunks only).
     *
     * @return true to send the packet as it is
     */
    public boolean schedulerClosesPacket() {
        return scheduler.closesPacket();
    }

    /**
     * Hands a stream's scheduler parameter to the scheduler (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260
     * section 4.3.2); it applies from the next scheduling decision on.
     *
     * @param streamId the outbound stream, below {@link #outboundStreams()}
     * @param value the priority or weight, 0..65535
     * @throws IllegalArgumentException if the stream does not exist or the scheduler refuses the value
     */
    public void setStreamSchedulerValue(int streamId, int value) {
        checkStreamId(streamId);
        scheduler.setStreamValue(streamId, value);
    }

    /** {@return payload bytes queued and not yet produced, counting the rest of a partly produced message} */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /** {@return room left in the send buffer, in bytes} */
    public long availableBytes() {
        return maxBufferedBytes - bufferedBytes;
    }

    /** {@return whether no message is queued (paused streams included)} */
    public boolean isEmpty() {
        return queuedMessages == 0;
    }

    /** {@return messages not fully produced, counting a partly produced one} */
    public int queuedMessages() {
        return queuedMessages;
    }

    /** {@return number of outbound streams this queue was built for} */
    public int outboundStreams() {
        return outboundStreams;
    }

    /** Checks internal consistency; for tests and the association's invariant checks. */
    public void checkInvariants() {
        long bytes = 0;
        int messages = 0;
        int active = 0;
        int partial = 0;
        long earliest = OutgoingMessage.NEVER;
        for (int i = 0; i < used.size(); i++) {
            OutStream s = used.get(i);
            if (existingStream(s.id) != s) {
                throw new IllegalStateException("stream " + s.id + " is not in its page");
            }
            if ((s.nextSsn & ~0xFFFF) != 0) {
                throw new IllegalStateException("next SSN of stream " + s.id + " is not 16-bit: " + s.nextSsn);
            }
            boolean first = true;
            long lastOrder = -1;
            for (QueuedMessage q : s.queue) {
                int length = q.message.payload().length();
                if (q.offset < 0 || q.offset >= length) {
                    throw new IllegalStateException("message offset " + q.offset + " outside 0.." + (length - 1));
                }
                if (q.offset > 0 && !first) {
                    throw new IllegalStateException("stream " + s.id + " has a started message behind its head");
                }
                if (q.order <= lastOrder) {
                    throw new IllegalStateException("stream " + s.id + " is not in offer order");
                }
                if (q.offset == 0 && q.message.expiresAtNanos() < earliest) {
                    earliest = q.message.expiresAtNanos();
                }
                lastOrder = q.order;
                partial += q.offset > 0 ? 1 : 0;
                bytes += length - q.offset;
                messages++;
                first = false;
            }
            QueuedMessage head = s.queue.peekFirst();
            boolean schedulable = head != null && (!isHeld(s) || head.offset > 0);
            if (schedulable != s.scheduled || (schedulable && s.scheduledHead != head.order)) {
                throw new IllegalStateException("scheduler's view of stream " + s.id + " is stale");
            }
            active += s.scheduled ? 1 : 0;
        }
        if (bytes != bufferedBytes || messages != queuedMessages || active != activeStreams
                || partial != partialMessages) {
            throw new IllegalStateException("counters " + this + " do not match the queues: bytes=" + bytes
                    + " messages=" + messages + " active=" + active + " partial=" + partial);
        }
        if (bufferedBytes > maxBufferedBytes) {
            throw new IllegalStateException("buffered " + bufferedBytes + " exceeds the bound " + maxBufferedBytes);
        }
        if (earliest < earliestExpiry) {
            throw new IllegalStateException("a message expires at " + earliest + ", before the lower bound "
                    + earliestExpiry);
        }
        if (current != null && (interleavedMode || current.queue.isEmpty() || current.queue.peekFirst().offset == 0)) {
            throw new IllegalStateException("current stream " + current.id + " has no started DATA message");
        }
        if (!interleavedMode && partialMessages > 1) {
            throw new IllegalStateException(partialMessages + " messages partly produced with DATA");
        }
        if (!interleavedMode && partialMessages == 1 && current == null) {
            throw new IllegalStateException("a DATA message is partly produced but not current");
        }
        if (scheduler.activeStreamCount() != activeStreams) {
            throw new IllegalStateException("scheduler has " + scheduler.activeStreamCount() + " active streams, queue "
                    + activeStreams);
        }
        scheduler.checkInvariants();
    }

    /**
     * Test hook: starts a stream's numbering elsewhere than 0, to reach the 2^16 and 2^32 wraps
     * without producing billions of messages.
     */
    void setNextSequenceNumbers(int streamId, int nextSsn, int nextOrderedMid, int nextUnorderedMid) {
        OutStream s = streamFor(streamId);
        s.nextSsn = nextSsn & 0xFFFF;
        s.nextOrderedMid = nextOrderedMid;
        s.nextUnorderedMid = nextUnorderedMid;
    }

    private void assignSequenceNumber(OutStream s, QueuedMessage q, boolean interleaved) {
        boolean unordered = q.message.unordered();
        if (interleaved) {
            // RFC 8260 section 2.1: ordered and unordered messages count MIDs separately, from 0,
            // wrapping at 2^32 (int overflow does exactly that).
            q.sequence = unordered ? s.nextUnorderedMid++ : s.nextOrderedMid++;
        } else if (unordered) {
            // RFC 9260 sections 3.3.1 and 6.6: an unordered message has no SSN (the receiver
            // ignores the field) and does not advance the stream's; we send 0.
            q.sequence = 0;
        } else {
            // RFC 9260 section 6.5: SSNs start at 0 and wrap from 65535 to 0.
            q.sequence = s.nextSsn;
            s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
        }
    }

    /**
     * Brings the scheduler's view of one stream up to date after its queue or pause state changed.
     * A stream is offered to the scheduler while it has a message it may send: any message when not
     * paused, only the rest of a started one when paused (RFC 6525 section 5.1.2).
     */
    private void sync(OutStream s) {
        QueuedMessage head = s.queue.peekFirst();
        boolean schedulable = head != null && (!isHeld(s) || head.offset > 0);
        if (schedulable && !s.scheduled) {
            s.scheduled = true;
            s.scheduledHead = head.order;
            activeStreams++;
            scheduler.streamActivated(s.id, head.order, head.message.payload().length());
        } else if (!schedulable && s.scheduled) {
            s.scheduled = false;
            activeStreams--;
            scheduler.streamDeactivated(s.id);
        } else if (schedulable && s.scheduledHead != head.order) {
            s.scheduledHead = head.order;
            scheduler.headChanged(s.id, head.order, head.message.payload().length());
        }
    }

    private void setPaused(int[] streamIds, boolean paused) {
        for (int id : streamIds) {
            checkStreamId(id);
        }
        for (int id : streamIds) {
            OutStream s = paused ? streamFor(id) : existingStream(id);
            if (s != null && s.paused != paused) {
                s.paused = paused;
                sync(s);
            }
        }
    }

    private boolean isHeld(OutStream s) {
        return s.paused || allPaused;
    }

    private void checkStreamId(int id) {
        if (id < 0 || id >= outboundStreams) {
            throw new IllegalArgumentException("no such outbound stream: " + id);
        }
    }

    private void checkResettable(OutStream s) {
        QueuedMessage head = s.queue.peekFirst();
        if (head != null && head.offset > 0) {
            throw new IllegalStateException("stream " + s.id + " has a partly produced message and cannot be reset");
        }
    }

    private OutStream existingStream(int id) {
        OutStream[] page = pages[id >>> PAGE_BITS];
        return page == null ? null : page[id & (PAGE_SIZE - 1)];
    }

    private OutStream streamFor(int id) {
        OutStream[] page = pages[id >>> PAGE_BITS];
        if (page == null) {
            page = new OutStream[PAGE_SIZE];
            pages[id >>> PAGE_BITS] = page;
        }
        OutStream s = page[id & (PAGE_SIZE - 1)];
        if (s == null) {
            s = new OutStream(id);
            page[id & (PAGE_SIZE - 1)] = s;
            used.add(s);
        }
        return s;
    }

    @Override
    public String toString() {
        return "SendQueue[messages=" + queuedMessages + ", bytes=" + bufferedBytes + "/" + maxBufferedBytes
                + ", activeStreams=" + activeStreams + ", partial=" + partialMessages + "]";
    }

    /** One outbound stream: its queued messages and its next sequence numbers. */
    private static final class OutStream {
        final int id;
        final ArrayDeque<QueuedMessage> queue = new ArrayDeque<>(4);
        int nextSsn;
        int nextOrderedMid;
        int nextUnorderedMid;
        /** No new message may start (an SSN reset is pending). */
        boolean paused;
        /** Whether the scheduler counts this stream as active, and with which first message. */
        boolean scheduled;
        long scheduledHead;

        OutStream(int id) {
            this.id = id;
        }

        void resetSequenceNumbers() {
            nextSsn = 0;
            nextOrderedMid = 0;
            nextUnorderedMid = 0;
        }
    }

    /** A queued message and how far it has been cut; reused once fully produced ({@link #recycle}). */
    private static final class QueuedMessage {
        OutgoingMessage message;
        /** Queue-wide offer sequence number. */
        long order;
        /** Payload bytes already produced. */
        int offset;
        /** SSN (DATA) or MID (I-DATA), fixed by the first fragment. */
        int sequence;
        /** FSN of the next I-DATA fragment. */
        int nextFsn;

        void fill(OutgoingMessage message, long order) {
            this.message = message;
            this.order = order;
            offset = 0;
            sequence = 0;
            nextFsn = 0;
        }
    }
}
