package org.jsctp.core.rx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;

/**
 * Reassembly and ordering of DATA chunks (RFC 9260 sections 6.5, 6.6 and 6.9) with partial
 * delivery (see {@link ReassemblyQueue}) and the receiver side of PR-SCTP (RFC 3758 section 3.6).
 *
 * <p>The fragments of one message carry consecutive TSNs and the same stream, SSN and U bit; the
 * first has B set, the last E (a chunk with both is a whole message). Fragments are kept in
 * <em>runs</em> of consecutive TSNs, indexed by their first and last TSN, so a fragment joins its
 * neighbours in constant time whatever order fragments arrive in; a run that holds a B fragment
 * and an E fragment is a complete message and leaves the queue as one {@link ReceivedMessage}.
 * Unordered messages become deliverable at once; ordered ones go through their stream's
 * {@link OrderedStream}, which delivers SSN 0, 1, 2, ... and wraps from 65535 to 0.
 *
 * <p>A run that begins a message next in line leaves as a piece once it holds the partial
 * delivery point's bytes (or under memory pressure); the partial delivery then waits for the TSN
 * after the piece's last, and each fragment arriving there leaves at once, joined with the run
 * that follows it.
 *
 * <p>The caller passes each TSN unwrapped to 64 bits (as {@link DataTracker} does internally) and
 * only chunks the tracker found new: this class does not detect duplicate TSNs.
 *
 * <p>{@link AddResult#PROTOCOL_VIOLATION} is returned, with nothing changed, when a chunk cannot
 * sit next to a neighbouring held or delivered fragment: the fragment before it ended a message
 * but it lacks B, or the fragment before it did not end a message but it has B or a different
 * stream, SSN or U bit (and the mirror cases for the fragment after it); or when it begins or
 * completes an ordered message whose SSN another held message, another first fragment or a
 * partial delivery of the stream already has (RFC 9260 section 6.5: one message per SSN).
 */
public final class DataReassemblyQueue extends ReassemblyQueueBase {

    /** No FORWARD TSN seen yet. */
    private static final long NONE = Long.MIN_VALUE;

    private final LongObjectMap<Run> runByFirst = new LongObjectMap<>();
    private final LongObjectMap<Run> runByLast = new LongObjectMap<>();
    /** Runs that begin an ordered message, by {@link #orderedKey}: where a stream's head is found. */
    private final LongObjectMap<Run> orderedFirstRuns = new LongObjectMap<>();
    /** Runs that begin an unordered message, by first TSN (unordered SSNs need not be unique). */
    private final LongObjectMap<Run> unorderedFirstRuns = new LongObjectMap<>();
    /** Partial deliveries in progress, by the TSN of the fragment each needs next. */
    private final LongObjectMap<PartialDelivery> deliveringByNextTsn = new LongObjectMap<>();
    /**
     * Highest TSN known to belong to skipped data: the highest New Cumulative TSN of a FORWARD TSN,
     * or beyond it the fragments of a message cut by it that were since discarded.
     */
    private long abandonedThrough = NONE;
    /**
     * Whether the message holding {@link #abandonedThrough} was cut, so a fragment without B
     * right after it is a remnant of skipped data; false when the New Cumulative TSN fell inside
     * a message whose fragments up to it are all here (RFC 3758 section 3.6 keeps that message).
     */
    private boolean remnantFollows;

    /**
     * A queue whose partial delivery point is half of {@code maxBufferedBytes}, as
     * {@code AssociationConfig} defaults it.
     *
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     */
    public DataReassemblyQueue(int inboundStreams, long maxBufferedBytes) {
        this(inboundStreams, maxBufferedBytes, defaultPartialDeliveryPoint(maxBufferedBytes));
    }

    /**
     * An empty queue for DATA chunks.
     *
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     * @param partialDeliveryPoint leading bytes of a message next in line that start its partial
     *                             delivery (SCTP_PARTIAL_DELIVERY_POINT, RFC 6458 section 8.1.20); at least 1
     */
    public DataReassemblyQueue(int inboundStreams, long maxBufferedBytes, long partialDeliveryPoint) {
        super(inboundStreams, maxBufferedBytes, partialDeliveryPoint, false);
    }

    /**
     * Takes one DATA chunk that the data tracker accepted as new.
     *
     * @param unwrappedTsn the chunk's TSN unwrapped to 64 bits
     * @param chunk the chunk
     * @return what happened; see {@link AddResult} and the class comment
     * @throws IllegalArgumentException if {@code unwrappedTsn} does not unwrap the chunk's TSN
     */
    public AddResult add(long unwrappedTsn, DataChunk chunk) {
        return add(unwrappedTsn, chunk, false);
    }

    /**
     * As {@link #add(long, DataChunk)}, telling whether the chunk carries the lowest TSN not yet
     * received (the data tracker's cumulative TSN ack + 1): such a chunk may pass the bound, up
     * to twice it, since everything else may wait for it (see {@link ReassemblyQueue}).
     *
     * @param unwrappedTsn the chunk's TSN on the 64-bit number line
     * @param chunk the DATA chunk
     * @param lowestMissing whether its TSN is the cumulative TSN ack + 1
     * @return whether the chunk was taken, or why not
     */
    public AddResult add(long unwrappedTsn, DataChunk chunk, boolean lowestMissing) {
        if ((int) unwrappedTsn != chunk.tsnValue()) {
            throw new IllegalArgumentException("unwrapped TSN " + unwrappedTsn + " is not the chunk's TSN " + chunk.tsn());
        }
        AddResult r = take(unwrappedTsn, chunk, lowestMissing);
        if (r == AddResult.ACCEPTED) {
            afterTaken(chunk.userData().length());
        }
        return r;
    }

    /**
     * Takes a chunk held back by a deferred stream reset, now released (RFC 6525 section 5.2.2
     * E4). It was acknowledged when it arrived, so a FORWARD TSN since may cover its TSN without
     * abandoning it: the check for remnants of skipped messages is left to the caller, which
     * applies such a FORWARD TSN again once every released chunk is in. Its TSN counts as the
     * lowest missing one, so it may pass the bound (up to twice it): its room was reserved.
     *
     * @param unwrappedTsn the chunk's TSN on the 64-bit number line
     * @param chunk the DATA chunk
     * @return whether the chunk was taken, or why not
     */
    public AddResult addReleased(long unwrappedTsn, DataChunk chunk) {
        if ((int) unwrappedTsn != chunk.tsnValue()) {
            throw new IllegalArgumentException("unwrapped TSN " + unwrappedTsn + " is not the chunk's TSN " + chunk.tsn());
        }
        AddResult r = take(unwrappedTsn, chunk, true, false);
        if (r == AddResult.ACCEPTED) {
            afterTaken(chunk.userData().length());
        }
        return r;
    }

    private AddResult take(long unwrappedTsn, DataChunk chunk, boolean lowestMissing) {
        return take(unwrappedTsn, chunk, lowestMissing, true);
    }

    private AddResult take(long unwrappedTsn, DataChunk chunk, boolean lowestMissing, boolean staleCheck) {
        int streamId = chunk.streamId();
        if (streamId >= inboundStreams) {
            return AddResult.INVALID_STREAM; // RFC 9260 section 6.5
        }
        if (staleCheck && isStaleAfterForwardTsn(unwrappedTsn, chunk)) {
            return AddResult.ACCEPTED;
        }
        int ssn = chunk.ssnValue();
        boolean ordered = !chunk.unordered();
        OrderedStream order = streams.get(streamId);
        if (ordered && hasPassed(order, ssn)) {
            // RFC 3758 section 3.6: the stream skipped this SSN, so the chunk can never be delivered.
            return AddResult.ACCEPTED;
        }
        PartialDelivery pd = deliveringByNextTsn.get(unwrappedTsn);
        if (pd != null) {
            return continuePartialDelivery(pd, unwrappedTsn, chunk, lowestMissing);
        }

        // RFC 9260 section 6.9: the TSN after a message's last fragment starts a message (B), and
        // the TSN after any other fragment continues the same message (same stream, SSN and U).
        Run left = runByLast.get(unwrappedTsn - 1);
        if (left != null) {
            boolean leftEnds = left.last().ending();
            if (leftEnds != chunk.beginning() || (!leftEnds && !left.isSameMessage(chunk))) {
                return AddResult.PROTOCOL_VIOLATION;
            }
            if (leftEnds) {
                left = null; // a neighbour, but another message
            }
        }
        if (!fitsBeforeRight(unwrappedTsn, chunk)) {
            return AddResult.PROTOCOL_VIOLATION;
        }
        Run right = continuationAfter(unwrappedTsn);
        boolean begins = chunk.beginning() || (left != null && left.first().beginning());
        boolean complete = begins && (chunk.ending() || (right != null && right.last().ending()));
        if (ordered && (complete || chunk.beginning()) && isSsnTaken(order, streamId, ssn, left)) {
            return AddResult.PROTOCOL_VIOLATION; // RFC 9260 section 6.5: one message per SSN
        }
        // A fragment that joins the leading fragments of a message next in line leaves at once,
        // whole or as a piece, so it may pass the bound (see ReassemblyQueue on progress).
        boolean deliverableNow = begins && isNextInLine(streamId, chunk.unordered(), ssn);
        boolean pastBound = !budget.fits(chunk.userData().length());
        if (pastBound && !mayPassBound(chunk.userData().length(), deliverableNow, lowestMissing)) {
            relievePressure();
            return AddResult.REFUSED_BUFFER_FULL;
        }

        markPressureSearchDue();
        if (complete) {
            completeMessage(left, unwrappedTsn, chunk, right);
        } else {
            Run r = holdFragment(left, unwrappedTsn, chunk, right);
            if (deliverableNow && (pastBound || r.bytes >= partialDeliveryPoint)) {
                deliverLeadingRun(r); // RFC 6458 section 8.1.20
            }
        }
        return AddResult.ACCEPTED;
    }

    /**
     * Applies a FORWARD TSN (RFC 3758 section 3.6): discards every held fragment of a message
     * that misses a TSN at or below {@code newCumulativeUnwrappedTsn} (such a message can never be
     * completed; a message whose fragments from its first up to that TSN are all here is kept),
     * aborts a partial delivery whose next fragment is at or below it, then for each listed
     * stream aborts the partial delivery of an ordered message the entry skips, makes held
     * messages with SSNs up to and including the listed one deliverable in SSN order, moves the
     * stream's next expected SSN past it and delivers what is then in order. Fragments of ordered
     * messages whose SSN is thereby skipped are discarded, and so is the rest of a message cut by
     * the new cumulative TSN, whether held now or arriving later. Entries naming a stream that is
     * not inbound, and SSNs the stream has already passed, are ignored.
     *
     * <p>The caller also moves its {@link DataTracker} with {@link DataTracker#forwardTo}, and
     * reports the aborted partial deliveries ({@link #pollAbortedDeliveries()}).
     *
     * @param newCumulativeUnwrappedTsn the chunk's New Cumulative TSN, unwrapped to 64 bits
     * @param entries the chunk's stream entries
     */
    public void forwardTsn(long newCumulativeUnwrappedTsn, List<ForwardTsnEntry> entries) {
        long n = newCumulativeUnwrappedTsn;
        markPressureSearchDue();
        long through = Math.max(abandonedThrough, n);
        boolean intactAtN = false;
        List<Run> doomed = new ArrayList<>();
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r == null || r.firstTsn > n) {
                continue;
            }
            if (r.first().beginning() && r.lastTsn >= n) {
                intactAtN = true; // nothing at or below n is missing from this message
            } else {
                doomed.add(r);
                through = Math.max(through, r.lastTsn); // the rest of a cut message goes too
            }
        }
        removeRuns(doomed);
        // RFC 3758 section 3.6: a message being partially delivered that misses a TSN at or below
        // the new cumulative TSN will not be completed; the user is told.
        List<Integer> moved = new ArrayList<>();
        List<PartialDelivery> cut = new ArrayList<>();
        for (int s = 0; s < deliveringByNextTsn.capacity(); s++) {
            PartialDelivery pd = deliveringByNextTsn.valueAt(s);
            if (pd != null && pd.nextFragment() <= n) {
                cut.add(pd);
            } else if (pd != null && pd.nextFragment() == n + 1) {
                intactAtN = true; // delivered through n, its next fragment may still come
            }
        }
        for (int i = 0; i < cut.size(); i++) {
            abortDelivery(cut.get(i));
            moved.add(cut.get(i).streamId());
        }
        if (through > abandonedThrough) {
            abandonedThrough = through;
            remnantFollows = !intactAtN || through > n;
        }
        dropRemnantAfterAbandoned();

        for (int i = 0; i < entries.size(); i++) {
            ForwardTsnEntry e = entries.get(i);
            if (e.streamId() >= inboundStreams) {
                continue;
            }
            OrderedStream o = streamFor(e.streamId());
            PartialDelivery pd = o.delivering();
            if (pd != null && !pd.unordered() && o.distance(e.ssn().value()) >= 0) {
                abortDelivery(pd); // the entry skips the message being delivered
            }
            o.skipThrough(e.ssn().value(), ready);
            moved.add(e.streamId());
        }
        if (!entries.isEmpty() || !cut.isEmpty()) {
            removeRunsOfPassedSsns();
        }
        for (int i = 0; i < moved.size(); i++) {
            startDueDeliveries(moved.get(i), true);
        }
    }

    @Override
    public void resetStreams(int[] streamIds) {
        markPressureSearchDue();
        BitSet affected = affectedStreams(streamIds, inboundStreams);
        List<Run> doomed = new ArrayList<>();
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r != null && affected.get(r.first().streamId())) {
                doomed.add(r);
            }
        }
        removeRuns(doomed);
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && affected.get((int) streams.keyAt(s))) {
                PartialDelivery pd = reportAbortBeforeReset(o);
                if (pd != null) {
                    deliveringByNextTsn.remove(pd.nextFragment());
                }
                releaseMessages(o.reset());
            }
        }
        removePristineStreams(streams);
    }

    @Override
    public void abortPartialDeliveries() {
        markPressureSearchDue();
        List<PartialDelivery> all = new ArrayList<>(deliveringByNextTsn.size());
        for (int s = 0; s < deliveringByNextTsn.capacity(); s++) {
            PartialDelivery pd = deliveringByNextTsn.valueAt(s);
            if (pd != null) {
                all.add(pd);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            abortDelivery(all.get(i));
        }
        List<Run> rest = new ArrayList<>(runByFirst.size());
        for (int s = 0; s < runByFirst.capacity(); s++) {
            if (runByFirst.valueAt(s) != null) {
                rest.add(runByFirst.valueAt(s));
            }
        }
        removeRuns(rest);
        dropUndeliverableMessages();
    }

    /**
     * {@return a stream's next expected SSN (0 for a stream not used yet); for tests and diagnostics}
     *
     * @param streamId an inbound stream
     */
    public int nextExpectedSsn(int streamId) {
        OrderedStream o = streams.get(streamId);
        return o == null ? 0 : (int) o.next();
    }

    /** Streams with ordered-delivery state; for tests of the lazy per-stream memory. */
    int trackedStreamCount() {
        return streams.size();
    }

    /** {@return fragments held, not counting complete messages; for tests and diagnostics} */
    public int heldFragmentCount() {
        long count = budget.entries() - ready.size();
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null) {
                count -= o.heldCount();
            }
        }
        return (int) count;
    }

    // ---------------------------------------------------------------------------------------

    /**
     * Whether the held run right after {@code tsn}, if any, may follow the chunk (RFC 9260 section
     * 6.9, the mirror of the rule for the fragment before): it begins a message exactly when the
     * chunk ends one, and otherwise continues the chunk's message.
     */
    private boolean fitsBeforeRight(long tsn, DataChunk chunk) {
        Run right = runByFirst.get(tsn + 1);
        if (right == null) {
            return true;
        }
        boolean rightBegins = right.first().beginning();
        return rightBegins == chunk.ending() && (rightBegins || right.isSameMessage(chunk));
    }

    /** The held run right after {@code tsn} when it continues the message there (one {@link #fitsBeforeRight} accepted). */
    private Run continuationAfter(long tsn) {
        Run right = runByFirst.get(tsn + 1);
        return right == null || right.first().beginning() ? null : right;
    }

    /**
     * The chunk is the fragment a partial delivery waits for (RFC 9260 section 6.9: it must
     * continue the same message): it leaves at once as the next piece, joined with the run after
     * it; the piece with E ends the partial delivery.
     */
    private AddResult continuePartialDelivery(PartialDelivery pd, long tsn, DataChunk chunk, boolean lowestMissing) {
        if (chunk.beginning() || !pd.isMessage(chunk.streamId(), chunk.unordered(), chunk.ssnValue())) {
            return AddResult.PROTOCOL_VIOLATION;
        }
        if (!fitsBeforeRight(tsn, chunk)) {
            return AddResult.PROTOCOL_VIOLATION;
        }
        Run right = continuationAfter(tsn);
        if (!budget.fits(chunk.userData().length()) && !mayPassBound(chunk.userData().length(), true, lowestMissing)) {
            relievePressure();
            return AddResult.REFUSED_BUFFER_FULL;
        }
        markPressureSearchDue();
        deliveringByNextTsn.remove(tsn);
        Bytes payload;
        long lastTsn = tsn;
        boolean complete = chunk.ending();
        if (right == null) {
            payload = chunk.userData();
        } else {
            byte[] joined = new byte[(int) (chunk.userData().length() + right.bytes)];
            chunk.userData().copyTo(joined, 0);
            right.copyTo(joined, chunk.userData().length());
            payload = Bytes.wrap(joined);
            lastTsn = right.lastTsn;
            complete = right.last().ending();
            removeRun(right);
        }
        if (!complete) {
            deliveringByNextTsn.put(lastTsn + 1, pd);
        }
        deliverPiece(pd, payload, tsn, lastTsn, complete, lastTsn + 1);
        return AddResult.ACCEPTED;
    }

    /** Hands out a run that begins a message next in line as the first piece of its partial delivery. */
    private void deliverLeadingRun(Run r) {
        removeRun(r);
        DataChunk f = r.first();
        deliveringByNextTsn.put(r.lastTsn + 1, startPartialDelivery(f.streamId(), f.unordered(), f.ssnValue(),
                f.ppid(), r.firstTsn, r.joined(), r.firstTsn, r.lastTsn, r.lastTsn + 1));
    }

    @Override
    protected void startDueDeliveries(int streamId, boolean includeUnordered) {
        OrderedStream o = streams.get(streamId);
        if (o != null && o.delivering() != null) {
            return;
        }
        Run head = orderedFirstRuns.get(orderedKey(streamId, o == null ? 0 : (int) o.next()));
        if (head != null && head.bytes >= partialDeliveryPoint) {
            deliverLeadingRun(head);
            return;
        }
        if (!includeUnordered) {
            return;
        }
        // Rare (a partial delivery ended or was aborted): an unordered message of the stream that
        // reached the point while the stream was held.
        for (int s = 0; s < unorderedFirstRuns.capacity(); s++) {
            Run r = unorderedFirstRuns.valueAt(s);
            if (r != null && r.first().streamId() == streamId && r.bytes >= partialDeliveryPoint) {
                deliverLeadingRun(r);
                return;
            }
        }
    }

    /** {@inheritDoc} It walks only the runs that begin a message. */
    @Override
    protected void deliverLeadingPiecesNextInLine() {
        List<Run> due = new ArrayList<>();
        for (int s = 0; s < orderedFirstRuns.capacity(); s++) {
            if (orderedFirstRuns.valueAt(s) != null) {
                due.add(orderedFirstRuns.valueAt(s));
            }
        }
        for (int s = 0; s < unorderedFirstRuns.capacity(); s++) {
            if (unorderedFirstRuns.valueAt(s) != null) {
                due.add(unorderedFirstRuns.valueAt(s));
            }
        }
        for (int i = 0; i < due.size(); i++) {
            DataChunk f = due.get(i).first();
            if (isNextInLine(f.streamId(), f.unordered(), f.ssnValue())) { // one per stream
                deliverLeadingRun(due.get(i));
            }
        }
    }

    /**
     * Aborts a partial delivery and tells the user. The caller drops the rest of the message: the
     * runs of an ordered one with the SSN it passed, those of an unordered one as the remnant of
     * skipped data.
     */
    private void abortDelivery(PartialDelivery pd) {
        deliveringByNextTsn.remove(pd.nextFragment());
        abortPartialDelivery(streams.get(pd.streamId()));
    }

    /** RFC 3758 section 3.6: fragments of ordered messages whose SSN the stream has passed are dropped. */
    private void removeRunsOfPassedSsns() {
        List<Run> doomed = new ArrayList<>();
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r != null && !r.first().unordered()
                    && hasPassed(streams.get(r.first().streamId()), r.first().ssnValue())) {
                doomed.add(r);
            }
        }
        removeRuns(doomed);
    }

    /**
     * RFC 3758 section 3.6: a TSN at or below the skipped range, or a non-first fragment right
     * after it (its message began at a skipped TSN), can never complete a message. Returns true
     * when the chunk is such a remnant; it is then dropped.
     */
    private boolean isStaleAfterForwardTsn(long tsn, DataChunk chunk) {
        if (abandonedThrough == NONE) {
            return false;
        }
        if (tsn <= abandonedThrough) {
            return true;
        }
        if (remnantFollows && tsn == abandonedThrough + 1 && !chunk.beginning()) {
            abandonedThrough = tsn;
            if (!chunk.ending()) {
                dropRemnantAfterAbandoned();
            }
            return true;
        }
        return false;
    }

    /** Discards a held run continuing a skipped message: one right after the skipped range, without B. */
    private void dropRemnantAfterAbandoned() {
        if (!remnantFollows) {
            return;
        }
        Run r = runByFirst.get(abandonedThrough + 1);
        while (r != null && !r.first().beginning()) {
            removeRun(r);
            abandonedThrough = r.lastTsn;
            r = r.last().ending() ? null : runByFirst.get(abandonedThrough + 1);
        }
    }

    private static boolean hasPassed(OrderedStream order, int ssn) {
        // A stream without state expects SSN 0 (RFC 9260 section 6.5).
        return order == null ? (short) ssn < 0 : order.hasPassed(ssn);
    }

    /**
     * Whether a message other than the one {@code left} begins already has this ordered SSN: held
     * complete, begun by another run, or being delivered in pieces.
     */
    private boolean isSsnTaken(OrderedStream order, int streamId, int ssn, Run left) {
        if (order != null && (order.isHeld(ssn) || (order.delivering() != null && !order.delivering().unordered()
                && order.delivering().sequenceNumber() == ssn))) {
            return true;
        }
        Run begun = orderedFirstRuns.get(orderedKey(streamId, ssn));
        return begun != null && begun != left;
    }

    private static long orderedKey(int streamId, int ssn) {
        return ((long) streamId << 16) | ssn;
    }

    /** Holds a fragment that does not complete a message; returns the run it is now part of. */
    private Run holdFragment(Run left, long tsn, DataChunk chunk, Run right) {
        budget.addEntry(chunk.userData().length());
        Run result;
        if (left != null && right != null) {
            runByLast.remove(left.lastTsn);
            runByFirst.remove(right.firstTsn);
            // Move the smaller run into the larger, so merging stays cheap in any arrival order.
            if (left.size() >= right.size()) {
                left.addLast(tsn, chunk);
                left.appendAll(right);
                runByLast.put(left.lastTsn, left);
                result = left;
            } else {
                right.addFirst(tsn, chunk);
                right.prependAll(left);
                runByFirst.put(right.firstTsn, right);
                result = right;
            }
        } else if (left != null) {
            runByLast.remove(left.lastTsn);
            left.addLast(tsn, chunk);
            runByLast.put(tsn, left);
            result = left;
        } else if (right != null) {
            runByFirst.remove(right.firstTsn);
            right.addFirst(tsn, chunk);
            runByFirst.put(tsn, right);
            result = right;
        } else {
            result = new Run(tsn, chunk);
            runByFirst.put(tsn, result);
            runByLast.put(tsn, result);
        }
        DataChunk first = result.first();
        if (first.beginning()) {
            if (first.unordered()) {
                unorderedFirstRuns.put(result.firstTsn, result);
            } else {
                orderedFirstRuns.put(orderedKey(first.streamId(), first.ssnValue()), result);
            }
        }
        return result;
    }

    private void completeMessage(Run left, long tsn, DataChunk chunk, Run right) {
        Bytes payload;
        if (left == null && right == null) {
            payload = chunk.userData(); // one fragment: pass its bytes through, no copy
        } else {
            long total = chunk.userData().length() + (left == null ? 0 : left.bytes) + (right == null ? 0 : right.bytes);
            byte[] joined = new byte[(int) total]; // fits: the budget is below Integer.MAX_VALUE
            int at = 0;
            if (left != null) {
                at = left.copyTo(joined, at);
                removeRun(left);
            }
            chunk.userData().copyTo(joined, at);
            at += chunk.userData().length();
            if (right != null) {
                right.copyTo(joined, at);
                removeRun(right);
            }
            payload = Bytes.wrap(joined);
        }
        DataChunk first = left == null ? chunk : left.first();
        // RFC 9260 sections 6.5 and 6.6: ordered messages in SSN order, unordered ones at once.
        deliverComplete(new ReceivedMessage(chunk.streamId(), chunk.unordered(), false, chunk.ssnValue(),
                first.ppid(), payload, left == null ? tsn : left.firstTsn, right == null ? tsn : right.lastTsn));
    }

    private void removeRun(Run r) {
        runByFirst.remove(r.firstTsn);
        runByLast.remove(r.lastTsn);
        DataChunk first = r.first();
        if (first.beginning()) {
            if (first.unordered()) {
                unorderedFirstRuns.remove(r.firstTsn);
            } else {
                orderedFirstRuns.remove(orderedKey(first.streamId(), first.ssnValue()));
            }
        }
        budget.removeEntries(r.size(), r.bytes);
    }

    private void removeRuns(List<Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            removeRun(runs.get(i));
        }
    }

    /** The streams a reset names, or all when none is named; rejects identifiers out of range. */
    static BitSet affectedStreams(int[] streamIds, int inboundStreams) {
        BitSet affected = new BitSet(inboundStreams);
        if (streamIds.length == 0) {
            affected.set(0, inboundStreams);
            return affected;
        }
        for (int id : streamIds) {
            if (id < 0 || id >= inboundStreams) {
                throw new IllegalArgumentException("not an inbound stream: " + id + " (have " + inboundStreams + ")");
            }
            affected.set(id);
        }
        return affected;
    }

    /** Drops per-stream state that a reset returned to the initial state, so memory follows use. */
    static void removePristineStreams(LongObjectMap<OrderedStream> streams) {
        long[] keys = new long[streams.size()];
        int n = 0;
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && o.isPristine()) {
                keys[n++] = streams.keyAt(s);
            }
        }
        for (int i = 0; i < n; i++) {
            streams.remove(keys[i]);
        }
    }

    @Override
    public void checkInvariants() {
        runByFirst.checkInvariants();
        runByLast.checkInvariants();
        orderedFirstRuns.checkInvariants();
        unorderedFirstRuns.checkInvariants();
        deliveringByNextTsn.checkInvariants();
        streams.checkInvariants();
        if (runByFirst.size() != runByLast.size()) {
            throw new IllegalStateException("run indexes differ: " + runByFirst.size() + " vs " + runByLast.size());
        }
        long bytes = 0;
        long entries = 0;
        int orderedFirsts = 0;
        int unorderedFirsts = 0;
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r == null) {
                continue;
            }
            r.checkInvariants(runByFirst.keyAt(s));
            if (runByLast.get(r.lastTsn) != r) {
                throw new IllegalStateException("run " + r + " missing from the last-TSN index");
            }
            DataChunk first = r.first();
            if (first.streamId() >= inboundStreams) {
                throw new IllegalStateException("run on a stream that is not inbound: " + r);
            }
            if (first.beginning() && !first.unordered()) {
                orderedFirsts++;
                if (orderedFirstRuns.get(orderedKey(first.streamId(), first.ssnValue())) != r) {
                    throw new IllegalStateException("run " + r + " missing from the ordered-first index");
                }
            } else if (first.beginning()) {
                unorderedFirsts++;
                if (unorderedFirstRuns.get(r.firstTsn) != r) {
                    throw new IllegalStateException("run " + r + " missing from the unordered-first index");
                }
            }
            Run before = runByLast.get(r.firstTsn - 1);
            if (before != null && !(before.last().ending() && first.beginning())) {
                throw new IllegalStateException("adjacent runs " + before + " and " + r + " should be one");
            }
            if (abandonedThrough != NONE && ((r.firstTsn <= abandonedThrough
                    && !(first.beginning() && r.lastTsn >= abandonedThrough && !remnantFollows))
                    || (remnantFollows && r.firstTsn == abandonedThrough + 1 && !first.beginning()))) {
                throw new IllegalStateException("run " + r + " belongs to data skipped through " + abandonedThrough);
            }
            if (first.beginning() && r.bytes >= partialDeliveryPoint
                    && isNextInLine(first.streamId(), first.unordered(), first.ssnValue())) {
                throw new IllegalStateException("run " + r + " reached the partial delivery point but waits");
            }
            bytes += r.bytes;
            entries += r.size();
        }
        if (orderedFirsts != orderedFirstRuns.size() || unorderedFirsts != unorderedFirstRuns.size()) {
            throw new IllegalStateException("first-run indexes hold " + orderedFirstRuns.size() + " and "
                    + unorderedFirstRuns.size() + " runs, " + orderedFirsts + " and " + unorderedFirsts + " exist");
        }
        for (int s = 0; s < deliveringByNextTsn.capacity(); s++) {
            PartialDelivery pd = deliveringByNextTsn.valueAt(s);
            if (pd == null) {
                continue;
            }
            long next = deliveringByNextTsn.keyAt(s);
            OrderedStream o = streams.get(pd.streamId());
            if (next != pd.nextFragment() || o == null || o.delivering() != pd) {
                throw new IllegalStateException(pd + " indexed at TSN " + next + " or not its stream's delivery");
            }
            // Its delivered fragments are gone and the fragment it waits for is not held.
            if (runByFirst.get(next) != null || runByLast.get(next - 1) != null) {
                throw new IllegalStateException(pd + " next to a held run");
            }
            if (abandonedThrough != NONE && next <= abandonedThrough) {
                throw new IllegalStateException(pd + " waits for skipped TSN " + next);
            }
        }
        checkSharedInvariants(bytes, entries, deliveringByNextTsn.size());
    }

    @Override
    public String toString() {
        return "DataReassemblyQueue[runs=" + runByFirst.size() + ", streams=" + streams.size() + ", ready="
                + ready.size() + ", partial deliveries=" + deliveringByNextTsn.size() + ", " + budget + "]";
    }

    /**
     * Fragments of one message with consecutive TSNs, not yet complete: it lacks its first
     * fragment, its last, or both.
     */
    private static final class Run {
        private final ArrayDeque<DataChunk> fragments = new ArrayDeque<>(4);
        private long firstTsn;
        private long lastTsn;
        private long bytes;

        Run(long tsn, DataChunk chunk) {
            fragments.addLast(chunk);
            firstTsn = tsn;
            lastTsn = tsn;
            bytes = chunk.userData().length();
        }

        DataChunk first() {
            return fragments.peekFirst();
        }

        DataChunk last() {
            return fragments.peekLast();
        }

        int size() {
            return fragments.size();
        }

        boolean isSameMessage(DataChunk c) {
            DataChunk f = first();
            return f.streamId() == c.streamId() && f.ssnValue() == c.ssnValue() && f.unordered() == c.unordered();
        }

        void addLast(long tsn, DataChunk c) {
            fragments.addLast(c);
            lastTsn = tsn;
            bytes += c.userData().length();
        }

        void addFirst(long tsn, DataChunk c) {
            fragments.addFirst(c);
            firstTsn = tsn;
            bytes += c.userData().length();
        }

        void appendAll(Run later) {
            for (DataChunk c : later.fragments) {
                fragments.addLast(c);
            }
            lastTsn = later.lastTsn;
            bytes += later.bytes;
        }

        void prependAll(Run earlier) {
            Iterator<DataChunk> it = earlier.fragments.descendingIterator();
            while (it.hasNext()) {
                fragments.addFirst(it.next());
            }
            firstTsn = earlier.firstTsn;
            bytes += earlier.bytes;
        }

        int copyTo(byte[] target, int at) {
            for (DataChunk c : fragments) {
                c.userData().copyTo(target, at);
                at += c.userData().length();
            }
            return at;
        }

        /** The run's user data in one piece: a single fragment's bytes are shared, not copied. */
        Bytes joined() {
            if (fragments.size() == 1) {
                return first().userData();
            }
            byte[] joined = new byte[(int) bytes]; // fits: the budget is below Integer.MAX_VALUE
            copyTo(joined, 0);
            return Bytes.wrap(joined);
        }

        void checkInvariants(long indexedFirst) {
            if (indexedFirst != firstTsn || lastTsn - firstTsn + 1 != fragments.size()) {
                throw new IllegalStateException("run TSNs inconsistent: " + this);
            }
            if (first().beginning() && last().ending()) {
                throw new IllegalStateException("a complete message left in a run: " + this);
            }
            long expectedTsn = firstTsn;
            long sum = 0;
            DataChunk previous = null;
            for (DataChunk c : fragments) {
                if (c.tsnValue() != (int) expectedTsn) {
                    throw new IllegalStateException("fragment TSN " + c.tsn() + " where " + expectedTsn + " belongs");
                }
                if (!isSameMessage(c)) {
                    throw new IllegalStateException("run mixes messages: " + this);
                }
                if (previous != null && (previous.ending() || c.beginning())) {
                    throw new IllegalStateException("message boundary inside a run: " + this);
                }
                sum += c.userData().length();
                previous = c;
                expectedTsn++;
            }
            if (sum != bytes) {
                throw new IllegalStateException("run byte count " + bytes + " but fragments hold " + sum);
            }
        }

        @Override
        public String toString() {
            return "Run[" + firstTsn + ".." + lastTsn + " stream " + first().streamId() + " ssn " + first().ssn()
                    + (first().unordered() ? " U" : "") + (first().beginning() ? " B" : "")
                    + (last().ending() ? " E" : "") + "]";
        }
    }
}
