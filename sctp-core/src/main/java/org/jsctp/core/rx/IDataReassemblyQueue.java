package org.jsctp.core.rx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnEntry;
import org.jsctp.core.seq.SerialArithmetic;

/**
 * Reassembly and ordering of I-DATA chunks (RFC 8260 sections 2.1 and 4) with partial delivery
 * (see {@link ReassemblyQueue}) and the receiver side of I-FORWARD-TSN (RFC 8260 section 2.3).
 *
 * <p>A message is identified by its stream, its U bit and its MID: ordered and unordered messages
 * number their MIDs separately. Its fragments are numbered by FSN from 0; the first fragment (B)
 * has FSN 0 and carries the PPID, the last has E. Fragments of different messages may arrive
 * interleaved and in any order; each partial message keeps its fragments sorted by FSN and is
 * complete when it holds FSN 0 through the FSN of its E fragment. Unordered messages become
 * deliverable at once; ordered ones go through their stream's {@link OrderedStream}, which
 * delivers MID 0, 1, 2, ... and wraps from 2^32-1 to 0.
 *
 * <p>A partial message next in line whose fragments from FSN 0 on, without a hole, hold the
 * partial delivery point's bytes (or any, under memory pressure) hands them out as a piece; it
 * then waits for the FSN after the piece's last, and whenever that arrives, hands out the run of
 * fragments from there without a hole.
 *
 * <p>FSNs are taken as unsigned offsets from the first fragment's 0. They cannot wrap within one
 * message here: 2^32 fragments would exceed any admissible {@code maxBufferedBytes} (a partially
 * delivered message could in theory go on for longer; its FSNs are then compared as the 64-bit
 * values the peer would have to wrap, which it cannot without a protocol violation).
 *
 * <p>{@link AddResult#PROTOCOL_VIOLATION} is returned, with nothing changed, for: a fragment
 * without B but with FSN 0 (FSN 0 is the first fragment's, RFC 8260 section 2.1); a fragment whose
 * stream, U bit, MID and FSN match a held one but whose data or E bit differ; a fragment with an
 * FSN beyond the held E fragment, or an E fragment below a held FSN or besides another E; and a
 * fragment of an ordered message that is already complete and waiting for its turn. A fragment
 * that repeats a held one exactly (same FSN, E bit and data, a new TSN), or one already handed out
 * in a piece, is accepted and dropped.
 */
public final class IDataReassemblyQueue extends ReassemblyQueueBase {

    private final LongObjectMap<Partial> partials = new LongObjectMap<>();

    /**
     * A queue whose partial delivery point is half of {@code maxBufferedBytes}, as
     * {@code AssociationConfig} defaults it.
     *
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     */
    public IDataReassemblyQueue(int inboundStreams, long maxBufferedBytes) {
        this(inboundStreams, maxBufferedBytes, defaultPartialDeliveryPoint(maxBufferedBytes));
    }

    /**
     * An empty queue for I-DATA chunks (RFC 8260).
     *
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     * @param partialDeliveryPoint leading bytes of a message next in line that start its partial
     *                             delivery (SCTP_PARTIAL_DELIVERY_POINT, RFC 6458 section 8.1.20); at least 1
     */
    public IDataReassemblyQueue(int inboundStreams, long maxBufferedBytes, long partialDeliveryPoint) {
        super(inboundStreams, maxBufferedBytes, partialDeliveryPoint, true);
    }

    /**
     * Takes one I-DATA chunk that the data tracker accepted as new.
     *
     * @param unwrappedTsn the chunk's TSN unwrapped to 64 bits
     * @param chunk the chunk
     * @return what happened; see {@link AddResult} and the class comment
     * @throws IllegalArgumentException if {@code unwrappedTsn} does not unwrap the chunk's TSN
     */
    public AddResult add(long unwrappedTsn, IDataChunk chunk) {
        return add(unwrappedTsn, chunk, false);
    }

    /**
     * As {@link #add(long, IDataChunk)}, telling whether the chunk carries the lowest TSN not yet
     * received (the data tracker's cumulative TSN ack + 1): such a chunk may pass the bound, up
     * to twice it, since everything else may wait for it (see {@link ReassemblyQueue}).
     *
     * @param unwrappedTsn the chunk's TSN on the 64-bit number line
     * @param chunk the I-DATA chunk
     * @param lowestMissing whether its TSN is the cumulative TSN ack + 1
     * @return whether the chunk was taken, or why not
     */
    public AddResult add(long unwrappedTsn, IDataChunk chunk, boolean lowestMissing) {
        if ((int) unwrappedTsn != chunk.tsn().value()) {
            throw new IllegalArgumentException("unwrapped TSN " + unwrappedTsn + " is not the chunk's TSN " + chunk.tsn());
        }
        AddResult r = take(unwrappedTsn, chunk, lowestMissing);
        if (r == AddResult.ACCEPTED) {
            afterTaken(chunk.userData().length());
        }
        return r;
    }

    private AddResult take(long unwrappedTsn, IDataChunk chunk, boolean lowestMissing) {
        int streamId = chunk.streamId();
        if (streamId >= inboundStreams) {
            return AddResult.INVALID_STREAM; // RFC 9260 section 6.5, which RFC 8260 section 2.1 keeps
        }
        long fsn = chunk.fsn().unsigned();
        if (!chunk.beginning() && fsn == 0) {
            return AddResult.PROTOCOL_VIOLATION; // RFC 8260 section 2.1: FSN 0 is the B fragment's
        }
        long mid = chunk.mid().unsigned();
        boolean ordered = !chunk.unordered();
        if (ordered) {
            OrderedStream order = streams.get(streamId);
            if (hasPassed(order, mid)) {
                // RFC 8260 section 2.3: the stream skipped this MID, so it can never be delivered.
                return AddResult.ACCEPTED;
            }
            if (order != null && order.isHeld(mid)) {
                return AddResult.PROTOCOL_VIOLATION; // a fragment after its message was complete
            }
        }
        long key = key(streamId, chunk.unordered(), chunk.mid().value());
        Partial p = partials.get(key);
        int at = -1;
        if (p != null) {
            if (fsn < p.nextFsn) {
                return AddResult.ACCEPTED; // handed out in a piece already; a copy under a new TSN
            }
            at = p.indexOf(fsn);
            if (at >= 0) {
                IDataChunk held = p.chunks[at];
                boolean sameCopy = held.ending() == chunk.ending() && held.ppid() == chunk.ppid()
                        && held.userData().equals(chunk.userData());
                return sameCopy ? AddResult.ACCEPTED : AddResult.PROTOCOL_VIOLATION;
            }
            // RFC 8260 section 2.1: E marks the message's last fragment, nothing comes after it.
            if (p.endFsn >= 0 && fsn > p.endFsn) {
                return AddResult.PROTOCOL_VIOLATION;
            }
            if (chunk.ending() && (p.endFsn >= 0 || p.highestFsn() > fsn)) {
                return AddResult.PROTOCOL_VIOLATION;
            }
        }
        // A fragment that continues a partial delivery, or extends the leading fragments of a
        // message next in line, leaves at once, so it may pass the bound (see ReassemblyQueue).
        boolean deliverableNow = p != null && p.delivering != null
                ? fsn == p.nextFsn
                : fsn == (p == null ? 0 : p.prefixEnd()) && isNextInLine(streamId, chunk.unordered(), mid);
        boolean pastBound = !budget.fits(chunk.userData().length());
        if (pastBound && !mayPassBound(chunk.userData().length(), deliverableNow, lowestMissing)) {
            relievePressure();
            return AddResult.REFUSED_BUFFER_FULL;
        }

        markPressureSearchDue();
        if (p == null) {
            if (chunk.beginning() && chunk.ending()) {
                // A whole message in one chunk: pass its bytes through, no copy.
                deliverComplete(new ReceivedMessage(streamId, chunk.unordered(), true, mid, chunk.ppid(),
                        chunk.userData(), unwrappedTsn, unwrappedTsn));
                return AddResult.ACCEPTED;
            }
            p = new Partial(key);
            partials.put(key, p);
        }
        p.insert(-at - 1, fsn, unwrappedTsn, chunk);
        budget.addEntry(chunk.userData().length());
        if (p.delivering != null) {
            if (p.prefixCount > 0) {
                deliverNextPiece(p);
            }
        } else if (p.isComplete()) {
            partials.remove(key);
            budget.removeEntries(p.count, p.bytes);
            deliverComplete(p.assemble());
        } else if (p.prefixCount > 0 && (pastBound || p.prefixBytes >= partialDeliveryPoint)
                && isNextInLine(streamId, chunk.unordered(), mid)) {
            startPartialDelivery(p); // RFC 6458 section 8.1.20
        }
        return AddResult.ACCEPTED;
    }

    /**
     * Applies an I-FORWARD-TSN (RFC 8260 section 2.3, following RFC 3758 section 3.6 with MIDs
     * for SSNs): for each entry, discards the held fragments of that stream's messages of the
     * entry's kind (ordered or unordered, by its U bit) with MIDs up to and including the
     * entry's, aborting a partial delivery among them; for an ordered entry also makes complete
     * held messages up to that MID deliverable in order, moves the stream's next expected MID past
     * it and delivers what is then in order. Entries naming a stream that is not inbound, and
     * ordered MIDs already passed, are ignored.
     *
     * <p>The New Cumulative TSN is not needed here: with I-DATA every skipped message is named by
     * an entry, and a held fragment at or below that TSN may belong to a message that is not
     * skipped and still completes. The caller moves its {@link DataTracker} with it, so later
     * copies of skipped fragments (their TSNs are at or below it) are dropped there as duplicates,
     * and reports the aborted partial deliveries ({@link #pollAbortedDeliveries()}).
     *
     * @param entries the chunk's stream entries
     */
    public void forwardTsn(List<IForwardTsnEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        markPressureSearchDue();
        // The largest skipped MID per stream and kind; later entries for the same pair may only raise it.
        LongObjectMap<IForwardTsnEntry> skipped = new LongObjectMap<>();
        List<Integer> moved = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IForwardTsnEntry e = entries.get(i);
            if (e.streamId() >= inboundStreams) {
                continue;
            }
            long k = ((long) e.streamId() << 1) | (e.unordered() ? 1 : 0);
            IForwardTsnEntry known = skipped.get(k);
            if (known == null || e.mid().isAfter(known.mid())) {
                skipped.put(k, e);
            }
            if (!e.unordered()) {
                OrderedStream o = streamFor(e.streamId());
                PartialDelivery pd = o.delivering();
                if (pd != null && !pd.unordered() && o.distance(e.mid().unsigned()) >= 0) {
                    abortDelivery(o); // the entry skips the message being delivered
                }
                o.skipThrough(e.mid().unsigned(), ready);
            }
            moved.add(e.streamId());
        }
        List<Partial> doomed = new ArrayList<>();
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p == null) {
                continue;
            }
            IForwardTsnEntry e = skipped.get(((long) p.streamId() << 1) | (p.unordered() ? 1 : 0));
            if (e != null && !SerialArithmetic.lessThan32(e.mid().value(), p.midValue())) {
                doomed.add(p); // MID at or before the entry's
            } else if (!p.unordered() && hasPassed(streams.get(p.streamId()), Integer.toUnsignedLong(p.midValue()))) {
                doomed.add(p);
            }
        }
        for (int i = 0; i < doomed.size(); i++) {
            Partial p = doomed.get(i);
            if (p.delivering != null) {
                abortDelivery(streams.get(p.streamId())); // RFC 3758 section 3.6: the user is told
            } else {
                removePartial(p);
            }
        }
        for (int i = 0; i < moved.size(); i++) {
            startDueDeliveries(moved.get(i), true);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>For I-DATA this resets the next expected ordered MID; the receiver keeps no expectation
     * for unordered MIDs, but partial messages of either kind on the affected streams are dropped.
     */
    @Override
    public void resetStreams(int[] streamIds) {
        markPressureSearchDue();
        BitSet affected = DataReassemblyQueue.affectedStreams(streamIds, inboundStreams);
        List<Partial> doomed = new ArrayList<>();
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p != null && affected.get(p.streamId())) {
                doomed.add(p);
            }
        }
        for (int i = 0; i < doomed.size(); i++) {
            removePartial(doomed.get(i));
        }
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && affected.get((int) streams.keyAt(s))) {
                reportAbortBeforeReset(o);
                releaseMessages(o.reset());
            }
        }
        DataReassemblyQueue.removePristineStreams(streams);
    }

    @Override
    public void abortPartialDeliveries() {
        markPressureSearchDue();
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && o.delivering() != null) {
                abortDelivery(o);
            }
        }
        List<Partial> rest = new ArrayList<>(partials.size());
        for (int s = 0; s < partials.capacity(); s++) {
            if (partials.valueAt(s) != null) {
                rest.add(partials.valueAt(s));
            }
        }
        for (int i = 0; i < rest.size(); i++) {
            removePartial(rest.get(i));
        }
        dropUndeliverableMessages();
    }

    /**
     * {@return a stream's next expected ordered MID, unsigned (0 for a stream not used yet); for tests and diagnostics}
     *
     * @param streamId an inbound stream
     */
    public long nextExpectedMid(int streamId) {
        OrderedStream o = streams.get(streamId);
        return o == null ? 0 : o.next();
    }

    /** Streams with ordered-delivery state; for tests of the lazy per-stream memory. */
    int trackedStreamCount() {
        return streams.size();
    }

    /** {@return number of messages partly received, those being delivered in pieces included; for tests and diagnostics} */
    public int partialMessageCount() {
        return partials.size();
    }

    // ---------------------------------------------------------------------------------------

    private static long key(int streamId, boolean unordered, int mid) {
        return ((long) streamId << 33) | (unordered ? 1L << 32 : 0) | Integer.toUnsignedLong(mid);
    }

    private static boolean hasPassed(OrderedStream order, long mid) {
        // A stream without state expects MID 0 (RFC 8260 section 2.1).
        return order == null ? (int) mid < 0 : order.hasPassed(mid);
    }

    private void removePartial(Partial p) {
        partials.remove(p.key);
        budget.removeEntries(p.count, p.bytes);
    }

    /** Aborts the partial delivery on {@code o} and drops the rest of its message that is held. */
    private void abortDelivery(OrderedStream o) {
        PartialDelivery pd = abortPartialDelivery(o);
        removePartial(partials.get(key(pd.streamId(), pd.unordered(), (int) pd.sequenceNumber())));
    }

    /** Hands out a message's leading fragments as the first piece of its partial delivery (RFC 9260 section 6.9). */
    private void startPartialDelivery(Partial p) {
        IDataChunk first = p.chunks[0];
        Piece piece = takePrefix(p);
        p.delivering = startPartialDelivery(first.streamId(), first.unordered(), first.mid().unsigned(), first.ppid(), 0,
                piece.payload, piece.firstTsn, piece.lastTsn, piece.next);
    }

    /** Hands out the fragments that continue a partial delivery; the one with E ends it. */
    private void deliverNextPiece(Partial p) {
        Piece piece = takePrefix(p);
        if (piece.complete) {
            partials.remove(p.key);
        }
        deliverPiece(p.delivering, piece.payload, piece.firstTsn, piece.lastTsn, piece.complete, piece.next);
    }

    /** A piece's data and TSNs, taken out of a partial message. */
    private record Piece(Bytes payload, long firstTsn, long lastTsn, boolean complete, long next) {
    }

    /** Removes the fragments from {@code nextFsn} on without a hole from {@code p} and the budget, joined. */
    private Piece takePrefix(Partial p) {
        int k = p.prefixCount;
        long bytes = p.prefixBytes;
        Bytes payload;
        if (k == 1) {
            payload = p.chunks[0].userData();
        } else {
            byte[] joined = new byte[(int) bytes]; // fits: the budget is below Integer.MAX_VALUE
            int at = 0;
            for (int i = 0; i < k; i++) {
                p.chunks[i].userData().copyTo(joined, at);
                at += p.chunks[i].userData().length();
            }
            payload = Bytes.wrap(joined);
        }
        long firstTsn = Long.MAX_VALUE;
        long lastTsn = Long.MIN_VALUE;
        for (int i = 0; i < k; i++) {
            firstTsn = Math.min(firstTsn, p.tsns[i]);
            lastTsn = Math.max(lastTsn, p.tsns[i]);
        }
        boolean complete = p.chunks[k - 1].ending();
        p.removePrefix();
        budget.removeEntries(k, bytes);
        return new Piece(payload, firstTsn, lastTsn, complete, p.nextFsn);
    }

    @Override
    protected void startDueDeliveries(int streamId, boolean includeUnordered) {
        OrderedStream o = streams.get(streamId);
        if (o != null && o.delivering() != null) {
            return;
        }
        Partial head = partials.get(key(streamId, false, o == null ? 0 : (int) o.next()));
        if (head != null && head.prefixBytes >= partialDeliveryPoint) {
            startPartialDelivery(head);
            return;
        }
        if (!includeUnordered) {
            return;
        }
        // Rare (a partial delivery ended or was aborted): an unordered message of the stream that
        // reached the point while the stream was held.
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p != null && p.streamId() == streamId && p.unordered() && p.prefixBytes >= partialDeliveryPoint) {
                startPartialDelivery(p);
                return;
            }
        }
    }

    @Override
    protected void deliverLeadingPiecesNextInLine() {
        List<Partial> due = new ArrayList<>();
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p != null && p.delivering == null && p.prefixCount > 0) {
                due.add(p);
            }
        }
        for (int i = 0; i < due.size(); i++) {
            Partial p = due.get(i);
            if (isNextInLine(p.streamId(), p.unordered(), Integer.toUnsignedLong(p.midValue()))) { // one per stream
                startPartialDelivery(p);
            }
        }
    }

    @Override
    public void checkInvariants() {
        partials.checkInvariants();
        streams.checkInvariants();
        long bytes = 0;
        long entries = 0;
        int deliveries = 0;
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p == null) {
                continue;
            }
            p.checkInvariants(partials.keyAt(s));
            if (p.streamId() >= inboundStreams) {
                throw new IllegalStateException("partial message on a stream that is not inbound: " + p);
            }
            long mid = Integer.toUnsignedLong(p.midValue());
            OrderedStream o = streams.get(p.streamId());
            if (!p.unordered() && (hasPassed(o, mid) || (o != null && o.isHeld(mid)))) {
                throw new IllegalStateException("partial message " + p + " already passed or complete");
            }
            if (p.delivering != null) {
                deliveries++;
                if (o == null || o.delivering() != p.delivering || p.delivering.nextFragment() != p.nextFsn) {
                    throw new IllegalStateException(p + " is not its stream's partial delivery " + o);
                }
            } else if (p.prefixBytes >= partialDeliveryPoint && isNextInLine(p.streamId(), p.unordered(), mid)) {
                throw new IllegalStateException(p + " reached the partial delivery point but waits");
            }
            bytes += p.bytes;
            entries += p.count;
        }
        checkSharedInvariants(bytes, entries, deliveries);
    }

    @Override
    public String toString() {
        return "IDataReassemblyQueue[partials=" + partials.size() + ", streams=" + streams.size() + ", ready="
                + ready.size() + ", " + budget + "]";
    }

    /**
     * The fragments of one message received and not yet handed out, sorted by FSN: a message not
     * yet complete, or one being delivered in pieces (then possibly none are held).
     */
    private static final class Partial {
        private final long key;
        private long[] fsns = new long[4];
        private long[] tsns = new long[4];
        private IDataChunk[] chunks = new IDataChunk[4];
        private int count;
        private long bytes;
        /** FSN of the E fragment, or -1 while it is missing. */
        private long endFsn = -1;
        /** The first FSN not handed out yet: 0 until a partial delivery starts. */
        private long nextFsn;
        /** How many fragments, from index 0, hold {@code nextFsn}, {@code nextFsn + 1}, ... without a hole. */
        private int prefixCount;
        private long prefixBytes;
        /** The partial delivery of this message, or null. */
        private PartialDelivery delivering;

        Partial(long key) {
            this.key = key;
        }

        int streamId() {
            return (int) (key >>> 33);
        }

        boolean unordered() {
            return (key & (1L << 32)) != 0;
        }

        int midValue() {
            return (int) key;
        }

        /** The highest FSN received so far, held or handed out. */
        long highestFsn() {
            return count > 0 ? fsns[count - 1] : nextFsn - 1;
        }

        /** The FSN that would extend the run of fragments from {@code nextFsn}. */
        long prefixEnd() {
            return nextFsn + prefixCount;
        }

        boolean isComplete() {
            // FSNs are distinct and run from nextFsn without a hole up to E: nothing is missing.
            return endFsn >= 0 && prefixCount == count && fsns[count - 1] == endFsn;
        }

        /** Binary search: index of {@code fsn}, or -(insertion point) - 1. */
        int indexOf(long fsn) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int m = (lo + hi) >>> 1;
                if (fsns[m] < fsn) {
                    lo = m + 1;
                } else if (fsns[m] > fsn) {
                    hi = m - 1;
                } else {
                    return m;
                }
            }
            return -lo - 1;
        }

        void insert(int at, long fsn, long tsn, IDataChunk chunk) {
            if (count == fsns.length) {
                int grown = count * 2;
                fsns = Arrays.copyOf(fsns, grown);
                tsns = Arrays.copyOf(tsns, grown);
                chunks = Arrays.copyOf(chunks, grown);
            }
            System.arraycopy(fsns, at, fsns, at + 1, count - at);
            System.arraycopy(tsns, at, tsns, at + 1, count - at);
            System.arraycopy(chunks, at, chunks, at + 1, count - at);
            fsns[at] = fsn;
            tsns[at] = tsn;
            chunks[at] = chunk;
            count++;
            bytes += chunk.userData().length();
            if (chunk.ending()) {
                endFsn = fsn;
            }
            extendPrefix();
        }

        /** Drops the fragments of the run from {@code nextFsn}, which were handed out; the next piece starts after it. */
        void removePrefix() {
            int k = prefixCount;
            nextFsn += k;
            count -= k;
            bytes -= prefixBytes;
            System.arraycopy(fsns, k, fsns, 0, count);
            System.arraycopy(tsns, k, tsns, 0, count);
            System.arraycopy(chunks, k, chunks, 0, count);
            Arrays.fill(chunks, count, count + k, null);
            prefixCount = 0;
            prefixBytes = 0;
            extendPrefix();
        }

        private void extendPrefix() {
            while (prefixCount < count && fsns[prefixCount] == nextFsn + prefixCount) {
                prefixBytes += chunks[prefixCount].userData().length();
                prefixCount++;
            }
        }

        /** The complete message: fragments joined in FSN order into one new array. */
        ReceivedMessage assemble() {
            byte[] joined = new byte[(int) bytes]; // fits: the budget is below Integer.MAX_VALUE
            int at = 0;
            long firstTsn = Long.MAX_VALUE;
            long lastTsn = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                Bytes data = chunks[i].userData();
                data.copyTo(joined, at);
                at += data.length();
                firstTsn = Math.min(firstTsn, tsns[i]);
                lastTsn = Math.max(lastTsn, tsns[i]);
            }
            IDataChunk first = chunks[0];
            return new ReceivedMessage(first.streamId(), first.unordered(), true, first.mid().unsigned(), first.ppid(),
                    Bytes.wrap(joined), firstTsn, lastTsn);
        }

        void checkInvariants(long indexedKey) {
            if (indexedKey != key || (count < 1 && delivering == null) || (delivering == null && isComplete())) {
                throw new IllegalStateException("partial message inconsistent: " + this);
            }
            if (delivering == null ? nextFsn != 0 : prefixCount != 0) {
                throw new IllegalStateException("a partial delivery not handed out as far as it can be: " + this);
            }
            long sum = 0;
            long prefix = 0;
            int run = 0;
            for (int i = 0; i < count; i++) {
                IDataChunk c = chunks[i];
                if (key(c.streamId(), c.unordered(), c.mid().value()) != key || c.fsn().unsigned() != fsns[i]
                        || (i > 0 && fsns[i] <= fsns[i - 1]) || fsns[i] < nextFsn || c.tsn().value() != (int) tsns[i]) {
                    throw new IllegalStateException("fragment " + i + " does not belong where it is: " + this);
                }
                if (c.ending() != (fsns[i] == endFsn)) {
                    throw new IllegalStateException("E bit and end FSN disagree: " + this);
                }
                if (run == i && fsns[i] == nextFsn + i) {
                    run++;
                    prefix += c.userData().length();
                }
                sum += c.userData().length();
            }
            if (count > 0 && endFsn >= 0 && fsns[count - 1] != endFsn) {
                throw new IllegalStateException("a fragment beyond the E fragment: " + this);
            }
            if (sum != bytes || run != prefixCount || prefix != prefixBytes) {
                throw new IllegalStateException("partial byte counts inconsistent: " + this);
            }
        }

        @Override
        public String toString() {
            return "Partial[stream " + streamId() + (unordered() ? " U" : "") + " mid " + Integer.toUnsignedString(midValue())
                    + ", " + count + " fragments from FSN " + nextFsn + ", end " + endFsn
                    + (delivering == null ? "" : ", delivering") + "]";
        }
    }
}
