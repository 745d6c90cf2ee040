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
 * Reassembly and ordering of DATA chunks (RFC 9260 sections 6.5, 6.6 and 6.9) with the
 * receiver side of PR-SCTP (RFC 3758 section 3.6).
 *
 * <p>The fragments of one message carry consecutive TSNs and the same stream, SSN and U bit; the
 * first has B set, the last E (a chunk with both is a whole message). Fragments are kept in
 * <em>runs</em> of consecutive TSNs, indexed by their first and last TSN, so a fragment joins its
 * neighbours in constant time whatever order fragments arrive in; a run that holds a B fragment
 * and an E fragment is a complete message and leaves the queue as one {@link ReceivedMessage}.
 * Unordered messages become deliverable at once; ordered ones go through their stream's
 * {@link OrderedStream}, which delivers SSN 0, 1, 2, ... and wraps from 65535 to 0.
 *
 * <p>The caller passes each TSN unwrapped to 64 bits (as {@link DataTracker} does internally) and
 * only chunks the tracker found new: this class does not detect duplicate TSNs.
 *
 * <p>{@link AddResult#PROTOCOL_VIOLATION} is returned, with nothing changed, when a chunk cannot
 * sit next to a neighbouring held fragment: the fragment before it ended a message but it lacks
 * B, or the fragment before it did not end a message but it has B or a different stream, SSN or U
 * bit (and the mirror cases for the fragment after it); or when it completes an ordered message
 * whose stream already holds a complete message with the same SSN.
 */
public final class DataReassemblyQueue extends ReassemblyQueueBase {

    /** No FORWARD TSN seen yet. */
    private static final long NONE = Long.MIN_VALUE;

    private final LongObjectMap<Run> runByFirst = new LongObjectMap<>();
    private final LongObjectMap<Run> runByLast = new LongObjectMap<>();
    /**
     * Highest TSN known to belong to skipped data: the highest New Cumulative TSN of a FORWARD TSN,
     * or beyond it the fragments of a message cut by it that were since discarded.
     */
    private long abandonedThrough = NONE;

    /**
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     */
    public DataReassemblyQueue(int inboundStreams, long maxBufferedBytes) {
        super(inboundStreams, maxBufferedBytes, false);
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
        if ((int) unwrappedTsn != chunk.tsn().value()) {
            throw new IllegalArgumentException("unwrapped TSN " + unwrappedTsn + " is not the chunk's TSN " + chunk.tsn());
        }
        int streamId = chunk.streamId();
        if (streamId >= inboundStreams) {
            return AddResult.INVALID_STREAM; // RFC 9260 section 6.5
        }
        if (isStaleAfterForwardTsn(unwrappedTsn, chunk)) {
            return AddResult.ACCEPTED;
        }
        int ssn = chunk.ssn().value();
        boolean ordered = !chunk.unordered();
        OrderedStream order = ordered ? streams.get(streamId) : null;
        if (ordered && hasPassed(order, ssn)) {
            // RFC 3758 section 3.6: the stream skipped this SSN, so the chunk can never be delivered.
            return AddResult.ACCEPTED;
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
        Run right = runByFirst.get(unwrappedTsn + 1);
        if (right != null) {
            boolean rightBegins = right.first().beginning();
            if (rightBegins != chunk.ending() || (!rightBegins && !right.isSameMessage(chunk))) {
                return AddResult.PROTOCOL_VIOLATION;
            }
            if (rightBegins) {
                right = null;
            }
        }
        boolean complete = (chunk.beginning() || (left != null && left.first().beginning()))
                && (chunk.ending() || (right != null && right.last().ending()));
        if (complete && order != null && order.isHeld(ssn)) {
            return AddResult.PROTOCOL_VIOLATION; // RFC 9260 section 6.5: one message per SSN
        }
        int length = chunk.userData().length();
        if (!budget.fits(length)) {
            return AddResult.REFUSED_BUFFER_FULL;
        }

        if (complete) {
            completeMessage(left, unwrappedTsn, chunk, right);
        } else {
            holdFragment(left, unwrappedTsn, chunk, right);
        }
        return AddResult.ACCEPTED;
    }

    /**
     * Applies a FORWARD TSN (RFC 3758 section 3.6): discards every held fragment of a message
     * that has a TSN at or below {@code newCumulativeUnwrappedTsn} (such a message can never be
     * completed), then for each listed stream makes held messages with SSNs up to and including
     * the listed one deliverable in SSN order, moves the stream's next expected SSN past it and
     * delivers what is then in order. Fragments of ordered messages whose SSN is thereby skipped
     * are discarded, and so is the rest of a message cut by the new cumulative TSN, whether held
     * now or arriving later. Entries naming a stream that is not inbound, and SSNs the stream
     * has already passed, are ignored.
     *
     * <p>The caller also moves its {@link DataTracker} with {@link DataTracker#forwardTo}.
     *
     * @param newCumulativeUnwrappedTsn the chunk's New Cumulative TSN, unwrapped to 64 bits
     * @param entries the chunk's stream entries
     */
    public void forwardTsn(long newCumulativeUnwrappedTsn, List<ForwardTsnEntry> entries) {
        long through = Math.max(abandonedThrough, newCumulativeUnwrappedTsn);
        List<Run> doomed = new ArrayList<>();
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r != null && r.firstTsn <= newCumulativeUnwrappedTsn) {
                doomed.add(r);
                through = Math.max(through, r.lastTsn); // the rest of a cut message goes too
            }
        }
        removeRuns(doomed);
        abandonedThrough = through;
        dropRemnantAfterAbandoned();

        if (entries.isEmpty()) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            ForwardTsnEntry e = entries.get(i);
            if (e.streamId() < inboundStreams) {
                streamFor(e.streamId()).skipThrough(e.ssn().value(), ready);
            }
        }
        doomed.clear();
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r != null && !r.first().unordered()
                    && hasPassed(streams.get(r.first().streamId()), r.first().ssn().value())) {
                doomed.add(r);
            }
        }
        removeRuns(doomed);
    }

    @Override
    public void resetStreams(int[] streamIds) {
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
                releaseMessages(o.reset());
            }
        }
        removePristineStreams(streams);
    }

    /** A stream's next expected SSN (0 for a stream not used yet); for tests and diagnostics. */
    public int nextExpectedSsn(int streamId) {
        OrderedStream o = streams.get(streamId);
        return o == null ? 0 : (int) o.next();
    }

    /** Streams with ordered-delivery state; for tests of the lazy per-stream memory. */
    int trackedStreamCount() {
        return streams.size();
    }

    /** Fragments held, not counting complete messages; for tests and diagnostics. */
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
        if (tsn == abandonedThrough + 1 && !chunk.beginning()) {
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

    private void holdFragment(Run left, long tsn, DataChunk chunk, Run right) {
        budget.addEntry(chunk.userData().length());
        if (left != null && right != null) {
            runByLast.remove(left.lastTsn);
            runByFirst.remove(right.firstTsn);
            // Move the smaller run into the larger, so merging stays cheap in any arrival order.
            if (left.size() >= right.size()) {
                left.addLast(tsn, chunk);
                left.appendAll(right);
                runByLast.put(left.lastTsn, left);
            } else {
                right.addFirst(tsn, chunk);
                right.prependAll(left);
                runByFirst.put(right.firstTsn, right);
            }
        } else if (left != null) {
            runByLast.remove(left.lastTsn);
            left.addLast(tsn, chunk);
            runByLast.put(tsn, left);
        } else if (right != null) {
            runByFirst.remove(right.firstTsn);
            right.addFirst(tsn, chunk);
            runByFirst.put(tsn, right);
        } else {
            Run r = new Run(tsn, chunk);
            runByFirst.put(tsn, r);
            runByLast.put(tsn, r);
        }
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
        ReceivedMessage m = new ReceivedMessage(chunk.streamId(), chunk.unordered(), false, chunk.ssn().value(),
                first.ppid(), payload, left == null ? tsn : left.firstTsn, right == null ? tsn : right.lastTsn);
        budget.addEntry(payload.length());
        if (chunk.unordered()) {
            ready.addLast(m); // RFC 9260 section 6.6: unordered messages skip the stream's order
        } else {
            streamFor(chunk.streamId()).accept(m, ready); // RFC 9260 section 6.5: SSN order
        }
    }

    private void removeRun(Run r) {
        runByFirst.remove(r.firstTsn);
        runByLast.remove(r.lastTsn);
        budget.removeEntries(r.size(), r.bytes);
    }

    private void removeRuns(List<Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            removeRun(runs.get(i));
        }
    }

    private void releaseMessages(List<ReceivedMessage> dropped) {
        for (int i = 0; i < dropped.size(); i++) {
            budget.removeEntry(dropped.get(i).payload().length());
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
        streams.checkInvariants();
        if (runByFirst.size() != runByLast.size()) {
            throw new IllegalStateException("run indexes differ: " + runByFirst.size() + " vs " + runByLast.size());
        }
        long bytes = 0;
        long entries = 0;
        for (int s = 0; s < runByFirst.capacity(); s++) {
            Run r = runByFirst.valueAt(s);
            if (r == null) {
                continue;
            }
            r.checkInvariants(runByFirst.keyAt(s));
            if (runByLast.get(r.lastTsn) != r) {
                throw new IllegalStateException("run " + r + " missing from the last-TSN index");
            }
            if (r.first().streamId() >= inboundStreams) {
                throw new IllegalStateException("run on a stream that is not inbound: " + r);
            }
            Run before = runByLast.get(r.firstTsn - 1);
            if (before != null && !(before.last().ending() && r.first().beginning())) {
                throw new IllegalStateException("adjacent runs " + before + " and " + r + " should be one");
            }
            if (abandonedThrough != NONE && (r.firstTsn <= abandonedThrough
                    || (r.firstTsn == abandonedThrough + 1 && !r.first().beginning()))) {
                throw new IllegalStateException("run " + r + " belongs to data skipped through " + abandonedThrough);
            }
            bytes += r.bytes;
            entries += r.size();
        }
        checkSharedInvariants(bytes, entries);
    }

    @Override
    public String toString() {
        return "DataReassemblyQueue[runs=" + runByFirst.size() + ", streams=" + streams.size() + ", ready="
                + ready.size() + ", " + budget + "]";
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
            return f.streamId() == c.streamId() && f.ssn().value() == c.ssn().value() && f.unordered() == c.unordered();
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
                if (c.tsn().value() != (int) expectedTsn) {
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
