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
 * Reassembly and ordering of I-DATA chunks (RFC 8260 sections 2.1 and 4) with the receiver side
 * of I-FORWARD-TSN (RFC 8260 section 2.3).
 *
 * <p>A message is identified by its stream, its U bit and its MID: ordered and unordered messages
 * number their MIDs separately. Its fragments are numbered by FSN from 0; the first fragment (B)
 * has FSN 0 and carries the PPID, the last has E. Fragments of different messages may arrive
 * interleaved and in any order; each partial message keeps its fragments sorted by FSN and is
 * complete when it holds FSN 0 through the FSN of its E fragment. Unordered messages become
 * deliverable at once; ordered ones go through their stream's {@link OrderedStream}, which
 * delivers MID 0, 1, 2, ... and wraps from 2^32-1 to 0.
 *
 * <p>FSNs are taken as unsigned offsets from the first fragment's 0. They cannot wrap within one
 * message here: 2^32 fragments would exceed any admissible {@code maxBufferedBytes}.
 *
 * <p>{@link AddResult#PROTOCOL_VIOLATION} is returned, with nothing changed, for: a fragment
 * without B but with FSN 0 (FSN 0 is the first fragment's, RFC 8260 section 2.1); a fragment whose
 * stream, U bit, MID and FSN match a held one but whose data or E bit differ; a fragment with an
 * FSN beyond the held E fragment, or an E fragment below a held FSN or besides another E; and a
 * fragment of an ordered message that is already complete and waiting for its turn. A fragment
 * that repeats a held one exactly (same FSN, E bit and data, a new TSN) is accepted and dropped.
 */
public final class IDataReassemblyQueue extends ReassemblyQueueBase {

    private final LongObjectMap<Partial> partials = new LongObjectMap<>();

    /**
     * @param inboundStreams number of inbound streams negotiated at setup (1..65535)
     * @param maxBufferedBytes bound on held user data plus {@value ReassemblyQueue#ENTRY_OVERHEAD_BYTES}
     *                         bytes per held entry; at most {@code Integer.MAX_VALUE - 8}
     */
    public IDataReassemblyQueue(int inboundStreams, long maxBufferedBytes) {
        super(inboundStreams, maxBufferedBytes, true);
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
        if ((int) unwrappedTsn != chunk.tsn().value()) {
            throw new IllegalArgumentException("unwrapped TSN " + unwrappedTsn + " is not the chunk's TSN " + chunk.tsn());
        }
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
        int length = chunk.userData().length();
        long key = key(streamId, chunk.unordered(), chunk.mid().value());
        Partial p = partials.get(key);
        if (p == null) {
            if (!budget.fits(length)) {
                return AddResult.REFUSED_BUFFER_FULL;
            }
            if (chunk.beginning() && chunk.ending()) {
                // A whole message in one chunk: pass its bytes through, no copy.
                deliver(new ReceivedMessage(streamId, chunk.unordered(), true, mid, chunk.ppid(), chunk.userData(),
                        unwrappedTsn, unwrappedTsn));
                return AddResult.ACCEPTED;
            }
            p = new Partial(key);
            p.insert(0, fsn, unwrappedTsn, chunk);
            partials.put(key, p);
            budget.addEntry(length);
            return AddResult.ACCEPTED;
        }

        int at = p.indexOf(fsn);
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
        if (chunk.ending() && (p.endFsn >= 0 || p.maxFsn() > fsn)) {
            return AddResult.PROTOCOL_VIOLATION;
        }
        if (!budget.fits(length)) {
            return AddResult.REFUSED_BUFFER_FULL;
        }
        p.insert(-at - 1, fsn, unwrappedTsn, chunk);
        budget.addEntry(length);
        if (p.isComplete()) {
            partials.remove(key);
            budget.removeEntries(p.count, p.bytes);
            deliver(p.assemble());
        }
        return AddResult.ACCEPTED;
    }

    /**
     * Applies an I-FORWARD-TSN (RFC 8260 section 2.3, following RFC 3758 section 3.6 with MIDs
     * for SSNs): for each entry, discards the held fragments of that stream's messages of the
     * entry's kind (ordered or unordered, by its U bit) with MIDs up to and including the
     * entry's; for an ordered entry also makes complete held messages up to that MID deliverable
     * in order, moves the stream's next expected MID past it and delivers what is then in order.
     * Entries naming a stream that is not inbound, and ordered MIDs already passed, are ignored.
     *
     * <p>The New Cumulative TSN is not needed here: with I-DATA every skipped message is named by
     * an entry, and a held fragment at or below that TSN may belong to a message that is not
     * skipped and still completes. The caller moves its {@link DataTracker} with it.
     *
     * @param entries the chunk's stream entries
     */
    public void forwardTsn(List<IForwardTsnEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // The largest skipped MID per stream and kind; later entries for the same pair may only raise it.
        LongObjectMap<IForwardTsnEntry> skipped = new LongObjectMap<>();
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
                streamFor(e.streamId()).skipThrough(e.mid().unsigned(), ready);
            }
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
            partials.remove(p.key);
            budget.removeEntries(p.count, p.bytes);
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
        BitSet affected = DataReassemblyQueue.affectedStreams(streamIds, inboundStreams);
        List<Partial> doomed = new ArrayList<>();
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p != null && affected.get(p.streamId())) {
                doomed.add(p);
            }
        }
        for (int i = 0; i < doomed.size(); i++) {
            Partial p = doomed.get(i);
            partials.remove(p.key);
            budget.removeEntries(p.count, p.bytes);
        }
        for (int s = 0; s < streams.capacity(); s++) {
            OrderedStream o = streams.valueAt(s);
            if (o != null && affected.get((int) streams.keyAt(s))) {
                List<ReceivedMessage> dropped = o.reset();
                for (int i = 0; i < dropped.size(); i++) {
                    budget.removeEntry(dropped.get(i).payload().length());
                }
            }
        }
        DataReassemblyQueue.removePristineStreams(streams);
    }

    /** A stream's next expected ordered MID, unsigned (0 for a stream not used yet); for tests and diagnostics. */
    public long nextExpectedMid(int streamId) {
        OrderedStream o = streams.get(streamId);
        return o == null ? 0 : o.next();
    }

    /** Streams with ordered-delivery state; for tests of the lazy per-stream memory. */
    int trackedStreamCount() {
        return streams.size();
    }

    /** Number of messages partly received; for tests and diagnostics. */
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

    private void deliver(ReceivedMessage m) {
        budget.addEntry(m.payload().length());
        if (m.unordered()) {
            ready.addLast(m); // RFC 8260 section 2.1: unordered messages skip the stream's MID order
        } else {
            streamFor(m.streamId()).accept(m, ready);
        }
    }

    @Override
    public void checkInvariants() {
        partials.checkInvariants();
        streams.checkInvariants();
        long bytes = 0;
        long entries = 0;
        for (int s = 0; s < partials.capacity(); s++) {
            Partial p = partials.valueAt(s);
            if (p == null) {
                continue;
            }
            p.checkInvariants(partials.keyAt(s));
            if (p.streamId() >= inboundStreams) {
                throw new IllegalStateException("partial message on a stream that is not inbound: " + p);
            }
            if (!p.unordered()) {
                OrderedStream o = streams.get(p.streamId());
                long mid = Integer.toUnsignedLong(p.midValue());
                if (hasPassed(o, mid) || (o != null && o.isHeld(mid))) {
                    throw new IllegalStateException("partial message " + p + " already passed or complete");
                }
            }
            bytes += p.bytes;
            entries += p.count;
        }
        checkSharedInvariants(bytes, entries);
    }

    @Override
    public String toString() {
        return "IDataReassemblyQueue[partials=" + partials.size() + ", streams=" + streams.size() + ", ready="
                + ready.size() + ", " + budget + "]";
    }

    /** The fragments of one message received so far, sorted by FSN; not yet complete. */
    private static final class Partial {
        private final long key;
        private long[] fsns = new long[4];
        private long[] tsns = new long[4];
        private IDataChunk[] chunks = new IDataChunk[4];
        private int count;
        private long bytes;
        /** FSN of the E fragment, or -1 while it is missing. */
        private long endFsn = -1;

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

        long maxFsn() {
            return fsns[count - 1];
        }

        boolean isComplete() {
            // FSNs are distinct and start at 0, so E's FSN + 1 of them means none is missing.
            return fsns[0] == 0 && endFsn >= 0 && count == endFsn + 1;
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
            if (indexedKey != key || count < 1 || isComplete()) {
                throw new IllegalStateException("partial message inconsistent: " + this);
            }
            long sum = 0;
            for (int i = 0; i < count; i++) {
                IDataChunk c = chunks[i];
                if (key(c.streamId(), c.unordered(), c.mid().value()) != key || c.fsn().unsigned() != fsns[i]
                        || (i > 0 && fsns[i] <= fsns[i - 1]) || c.tsn().value() != (int) tsns[i]) {
                    throw new IllegalStateException("fragment " + i + " does not belong where it is: " + this);
                }
                if (c.ending() != (fsns[i] == endFsn)) {
                    throw new IllegalStateException("E bit and end FSN disagree: " + this);
                }
                sum += c.userData().length();
            }
            if (endFsn >= 0 && fsns[count - 1] != endFsn) {
                throw new IllegalStateException("a fragment beyond the E fragment: " + this);
            }
            if (sum != bytes) {
                throw new IllegalStateException("partial byte count " + bytes + " but fragments hold " + sum);
            }
        }

        @Override
        public String toString() {
            return "Partial[stream " + streamId() + (unordered() ? " U" : "") + " mid " + Integer.toUnsignedString(midValue())
                    + ", " + count + " fragments, end " + endFsn + "]";
        }
    }
}
