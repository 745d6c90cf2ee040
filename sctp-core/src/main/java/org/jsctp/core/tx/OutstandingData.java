package org.jsctp.core.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import org.jsctp.core.cmt.DacFlags;
import org.jsctp.core.cmt.DelayedAckForCmt;
import org.jsctp.core.cmt.MissingReport;
import org.jsctp.core.cmt.SackDigest;
import org.jsctp.core.cmt.SentChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Tsn;

/**
 * The data sender's record of DATA and I-DATA chunks in flight: the retransmission queue of
 * RFC 9260 sections 6.2.1, 6.3.3 and 7.2.4, with the abandonment of RFC 3758 section 3.5.
 *
 * <p>Every chunk sent for the first time is {@link #add added} with the next TSN; it stays here
 * until a SACK acknowledges it cumulatively. Meanwhile each chunk is in one of these states:
 * <ul>
 *   <li><b>in flight</b>: sent and not acknowledged; it counts in {@link #bytesInFlight()};</li>
 *   <li><b>gap-acked</b>: acknowledged by a Gap Ack Block of the latest SACK. It leaves the flight
 *       size but is kept, since the receiver may renege (RFC 9260 section 6.2.1 (D)(iii)); a later
 *       SACK that no longer reports it puts it back in flight;</li>
 *   <li><b>marked for retransmission</b>, by Fast Retransmit (section 7.2.4, third miss
 *       indication) or by a T3-rtx expiry (section 6.3.3 E3). It leaves the flight size (section
 *       6.2.1 (C)) until {@link #takeRetransmissions} hands it out again;</li>
 *   <li><b>abandoned</b> (RFC 3758 section 3.5): never retransmitted, out of the flight size,
 *       waiting for the peer to move its cumulative ack past it after a FORWARD TSN.</li>
 *   <li><b>NR-acked</b>: acknowledged by an NR Gap Ack Block of an NR-SACK
 *       (draft-tuexen-tsvwg-sctp-multipath section 4.2): the receiver will not renege, so the
 *       chunk is done with: out of the flight size and of {@link #bytesHeld()} (the send buffer),
 *       its chunk released, never retransmitted and never reneged. Only its place in the TSN
 *       sequence stays until the cumulative ack passes it.</li>
 * </ul>
 *
 * <p>TSNs are unwrapped to 64 bits internally, so all arithmetic is safe across the 2^32 wrap.
 * The chunks held are a contiguous run of TSNs (cumulative ack point + 1 up to the highest TSN
 * sent) kept in a ring whose capacity is bounded by {@code maxOutstandingChunks}; ring slots are
 * reused, so steady-state sending allocates nothing here. Three bit sets over the ring slots
 * ({@link SlotBits}: chunks in flight, gap-acked, not yet acknowledged) let a SACK visit only the
 * chunks it changes: it costs O(blocks log blocks + chunks newly acked, reneged or given a miss
 * indication), plus one 64-bit word per 64 chunks held for the scans, instead of a visit to every
 * chunk held.
 *
 * <p>Payload byte counts are the caller's: the flight size is the sum of the {@code payloadBytes}
 * given to {@link #add}. Path identifiers are opaque small integers {@code 0..maxPaths-1}.
 */
public final class OutstandingData {

    /** Outcome of {@link #add}. */
    public enum AddResult {
        /** The chunk is recorded; it may be sent. */
        ADDED,
        /** {@code maxOutstandingChunks} are held already; nothing was recorded, do not send it. */
        FULL
    }

    /** RFC 9260 section 7.2.4: the third miss indication triggers Fast Retransmit. */
    public static final int FAST_RETRANSMIT_MISS_INDICATIONS = 3;

    private enum State { IN_FLIGHT, GAP_ACKED, FAST_RETRANSMIT, T3_RETRANSMIT, ABANDONED, NR_ACKED }

    /** One chunk held; slots of the ring are reused. */
    private static final class Entry {
        Chunk chunk;
        Object message;
        boolean ending;
        int payloadBytes;
        long sentAtNanos;
        int pathId;
        State state;
        int missIndications;
        int transmissions;
        boolean fastRetransmitEligible;
        /** Unwrapped highest TSN sent when this chunk was last retransmitted; -1 if never. */
        long retransmittedAtHighestTsn;
        /** The ring slot this entry lives in (entries move only when the ring grows). */
        int slot;

        void clear() {
            chunk = null;
            message = null;
        }
    }

    private final int maxOutstandingChunks;
    private final int maxPaths;
    /** One more than the highest path identifier used so far: the size of a SACK's per-path tables. */
    private int pathsUsed = 1;
    private boolean lostRetransmissionDetection;
    /** CMT's per-destination miss rules (SFR and DAC) in place of RFC 9260's HTNA rule. */
    private boolean cmtMissRules;
    /** The last accepted SACK as the CMT algorithms see it; null unless {@link #cmtMissRules}. */
    private SackDigest lastCmtDigest;
    /** Bit per path: the paths whose chunks the last SACK newly marked for Fast Retransmit. */
    private long fastMarkedPaths;
    private final PathAcks noPaths;

    private Entry[] ring;
    private int head;
    private int count;
    /** Unwrapped Cumulative TSN Ack Point; the chunk at ring index {@code i} has TSN {@code cumAck + 1 + i}. */
    private long cumAck;

    private long flight;

    /** Payload bytes of the chunks held and not abandoned, in any other state (see {@link #bytesHeld()}). */

    private long held;
    private long[] flightByPath;
    private int gapAcked;
    private int nrAcked;
    private int pendingFast;
    private int pendingT3;
    /** Ring slots of the chunks in state IN_FLIGHT, GAP_ACKED, and IN_FLIGHT or marked for retransmission. */
    private final SlotBits inFlightSlots;
    private final SlotBits gapAckedSlots;
    private final SlotBits unackedSlots;

    /** The Gap Ack Blocks of the SACK being applied, then its NR Gap Ack Blocks. */
    private final MergedGapBlocks blocks = new MergedGapBlocks();

    /**
     * Nothing outstanding yet.
     *
     * @param initialTsn our Initial TSN (sent in INIT or INIT ACK): the first TSN {@link #add}
     *                   expects; the Cumulative TSN Ack Point starts one below it (RFC 9260
     *                   section 6.2.1 (A) and section 5.1)
     * @param maxOutstandingChunks bound on the chunks held (sent and not cumulatively acked)
     * @param maxPaths number of path identifiers, {@code 0..maxPaths-1}
     */
    public OutstandingData(Tsn initialTsn, int maxOutstandingChunks, int maxPaths) {
        Objects.requireNonNull(initialTsn, "initialTsn");
        if (maxOutstandingChunks < 1) {
            throw new IllegalArgumentException("maxOutstandingChunks must be at least 1: " + maxOutstandingChunks);
        }
        if (maxPaths < 1 || maxPaths > 1024) {
            throw new IllegalArgumentException("maxPaths must be in 1..1024: " + maxPaths);
        }
        this.maxOutstandingChunks = maxOutstandingChunks;
        this.maxPaths = maxPaths;
        this.noPaths = new PathAcks(new long[0], new int[0]); // every path reads zero
        this.flightByPath = new long[1]; // grows to the highest path id given to add (idle heap, issue 6)
        this.ring = new Entry[Math.min(maxOutstandingChunks, 16)];
        this.inFlightSlots = new SlotBits(ring.length);
        this.gapAckedSlots = new SlotBits(ring.length);
        this.unackedSlots = new SlotBits(ring.length);
        this.cumAck = Integer.toUnsignedLong(initialTsn.value()) - 1;
    }

    /**
     * Whether a fast retransmission that is lost too may be fast retransmitted again, instead of
     * waiting for T3-rtx: off by default, as RFC 9260 section 7.2.4 (5) makes a chunk ineligible
     * for a subsequent Fast Retransmit. When on, a fast-retransmitted chunk collects miss
     * indications again, but only from SACKs that newly acknowledge a TSN sent after its
     * retransmission (so acknowledgements of data sent before it say nothing about it); the third
     * marks it again. Chunks retransmitted by T3-rtx are eligible again either way.
     *
     * @param on whether lost fast retransmissions may be fast retransmitted again
     */
    public void setLostRetransmissionDetection(boolean on) {
        this.lostRetransmissionDetection = on;
    }

    /**
     * Whether miss indications follow CMT's rules (draft-tuexen-tsvwg-sctp-multipath sections 3.1
     * and 3.3) instead of RFC 9260 section 7.2.4's: a chunk is reported missing only below the
     * highest TSN newly acknowledged among the chunks sent on its own path (Split Fast
     * Retransmit), with as many indications as the SACK's DAC flags allow ({@link
     * DelayedAckForCmt}); the Fast Recovery exception is not applied. Each accepted SACK then
     * leaves its {@link #lastCmtDigest()} for the per-path cwnd update (CUC). Renege rules are
     * unchanged. Off by default. The digest lists every chunk in flight, so with these rules a
     * SACK costs O(chunks in flight) instead of O(chunks it changes).
     *
     * @param on whether CMT's miss-indication rules apply
     */
    public void setCmtMissRules(boolean on) {
        this.cmtMissRules = on;
        if (!on) {
            lastCmtDigest = null;
        }
    }

    /**
     * {@return the last SACK accepted while {@link #setCmtMissRules CMT's rules} are on: the chunks it
     * newly acknowledged and those it left in flight, each with its path; null otherwise}
     */
    public SackDigest lastCmtDigest() {
        return lastCmtDigest;
    }

    /**
     * {@return whether the last SACK newly marked a chunk last sent on {@code pathId} for Fast Retransmit}
     *
     * @param pathId a path
     */
    public boolean fastMarkedOnPath(int pathId) {
        return pathId < 64 && (fastMarkedPaths & (1L << pathId)) != 0;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Records a DATA or I-DATA chunk just sent for the first time, on path {@code pathId}.
     *
     * <p>{@code tsn} must be {@link #nextTsn()} and the chunk must carry it; the chunk's E bit
     * says whether it is its message's last fragment. {@code payloadBytes} is what the chunk
     * counts for in the flight size. Returns {@link AddResult#FULL} and records nothing when
     * {@code maxOutstandingChunks} are held already.
     *
     * @param message the caller's object for the chunk's message, the same object for every
     *                fragment; reported back when the message is acked and given to
     *                {@link #abandon}'s filter
     * @param tsn the chunk's TSN
     * @param chunk the DATA or I-DATA chunk
     * @param payloadBytes the bytes it counts in the flight size
     * @param sentAtNanos when it was sent, for the RTT sample
     * @param pathId the path it was sent on
     * @return {@link AddResult#ADDED}, or {@link AddResult#FULL} when nothing was recorded
     */
    public AddResult add(Tsn tsn, Chunk chunk, int payloadBytes, long sentAtNanos, Object message, int pathId) {
        Objects.requireNonNull(tsn, "tsn");
        return add(tsn.value(), chunk, payloadBytes, sentAtNanos, message, pathId);
    }

    /**
     * {@link #add(Tsn, Chunk, int, long, Object, int)} with the TSN as its 32-bit value, as the
     * sender's transmit loop carries it ({@link #nextTsnValue()}; no {@link Tsn} per chunk sent).
     *
     * @param tsn the chunk's TSN as a 32-bit value: the one {@link #nextTsnValue()} gives
     * @param chunk the DATA or I-DATA chunk, carrying that TSN
     * @param payloadBytes the chunk's user data length, for flight size and a_rwnd accounting
     * @param sentAtNanos when it was sent, for the RTT sample
     * @param message the message it belongs to
     * @param pathId the path it was sent on
     * @return {@link AddResult#ADDED}, or {@link AddResult#FULL} when nothing was recorded
     */
    public AddResult add(int tsn, Chunk chunk, int payloadBytes, long sentAtNanos, Object message, int pathId) {
        Objects.requireNonNull(message, "message");
        long expected = cumAck + 1 + count;
        if (tsn != (int) expected) {
            throw new IllegalArgumentException("TSNs are added in sequence: expected " + new Tsn((int) expected)
                    + ", got " + new Tsn(tsn));
        }
        boolean ending;
        if (chunk instanceof DataChunk data) {
            checkChunkTsn(tsn, data.tsnValue());
            ending = data.ending();
        } else if (chunk instanceof IDataChunk idata) {
            checkChunkTsn(tsn, idata.tsn().value());
            ending = idata.ending();
        } else {
            throw new IllegalArgumentException("only DATA and I-DATA chunks are outstanding, got " + chunk);
        }
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("payloadBytes must not be negative: " + payloadBytes);
        }
        checkPath(pathId);
        if (count == maxOutstandingChunks) {
            return AddResult.FULL;
        }
        if (count == ring.length) {
            grow();
        }
        int slot = slot(count);
        Entry e = ring[slot];
        if (e == null) {
            e = new Entry();
            e.slot = slot;
            ring[slot] = e;
        }
        e.chunk = chunk;
        e.message = message;
        e.ending = ending;
        e.payloadBytes = payloadBytes;
        e.sentAtNanos = sentAtNanos;
        e.pathId = pathId;
        pathsUsed = Math.max(pathsUsed, pathId + 1);
        setState(e, State.IN_FLIGHT);
        e.missIndications = 0;
        e.transmissions = 1;
        e.fastRetransmitEligible = true;
        e.retransmittedAtHighestTsn = -1;
        count++;
        held += payloadBytes;
        addFlight(e);
        return AddResult.ADDED;
    }

    /** {@return whether {@link #add} has room for another chunk} */
    public boolean hasRoom() {
        return count < maxOutstandingChunks;
    }

    // ---------------------------------------------------------------- SACK

    /**
     * {@return {@link #handleSack(SackChunk, long, boolean)} outside Fast Recovery}
     *
     * @param sack the SACK received
     * @param nowNanos the time it arrived
     */
    public SackResult handleSack(SackChunk sack, long nowNanos) {
        return handleSack(sack, nowNanos, false);
    }

    /**
     * Applies a received SACK (RFC 9260 section 6.2.1 (D), section 7.2.4).
     *
     * <p>A SACK whose Cumulative TSN Ack is behind the Cumulative TSN Ack Point is dropped as
     * stale; one that acknowledges a TSN never sent is a protocol violation. Either way nothing
     * changes. Otherwise every chunk up to the Cumulative TSN Ack is removed, chunks in Gap Ack
     * Blocks become gap-acked, chunks gap-acked before but not now are reneged (back in flight,
     * one miss indication), and miss indications are counted for Fast Retransmit. Malformed Gap
     * Ack Blocks (start 0, or start after end) are ignored; overlapping or unordered blocks are
     * merged.
     *
     * @param nowNanos the time the SACK arrived, for the RTT sample
     * @param inFastRecovery whether the association is in Fast Recovery: then a SACK that advances
     *                       the cumulative ack counts a miss for every TSN it reports missing,
     *                       not only those below the highest TSN newly acked (section 7.2.4)
     * @param sack the SACK received
     * @return what it acknowledged, marked and measured, or why it was dropped
     */
    public SackResult handleSack(SackChunk sack, long nowNanos, boolean inFastRecovery) {
        return handleSack(sack, List.of(), nowNanos, inFastRecovery);
    }

    /**
     * Applies a received NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2): {@code sack}
     * carries its Cumulative TSN Ack, a_rwnd, duplicates and, as Gap Ack Blocks, both its Gap Ack
     * Blocks and its NR Gap Ack Blocks, since a TSN reported non-renegable is received as well.
     * The SACK rules of {@link #handleSack(SackChunk, long, boolean)} apply to those; then every
     * chunk in {@code nrGapAckBlocks} (offsets from the same Cumulative TSN Ack) becomes NR-acked:
     * it leaves {@link #bytesHeld()} at once, is never retransmitted and is never reneged, even
     * when a later SACK no longer reports it. The cumulative ack rules are unchanged.
     *
     * @param sack the acknowledgement, its Gap Ack Blocks including the NR ones
     * @param nrGapAckBlocks the NR Gap Ack Blocks; empty for a plain SACK
     * @param nowNanos the time the SACK arrived, for the RTT sample
     * @param inFastRecovery whether the association is in Fast Recovery
     * @return what the acknowledgement did
     */
    public SackResult handleSack(SackChunk sack, List<GapAckBlock> nrGapAckBlocks, long nowNanos,
                                 boolean inFastRecovery) {
        SackOutcome o = applySack(sack, nrGapAckBlocks, nowNanos, inFastRecovery);
        SackResult r = o.isAccepted() ? o.toResult() : SackResult.rejected(o.outcome(), noPaths);
        o.forgetAckedMessages();
        return r;
    }

    /**
     * {@link #handleSack(SackChunk, List, long, boolean)} without garbage: the figures go into
     * this instance's one {@link SackOutcome}, refilled by every SACK, so they hold until the next
     * call only (issue 6). The sender's SACK path uses this; it keeps nothing of the outcome.
     *
     * @param sack the acknowledgement, its Gap Ack Blocks including the NR ones
     * @param nrGapAckBlocks the NR Gap Ack Blocks; empty for a plain SACK
     * @param nowNanos the time the SACK arrived, for the RTT sample
     * @param inFastRecovery whether the association is in Fast Recovery
     * @return what the acknowledgement did, valid until the next SACK
     */
    public SackOutcome applySack(SackChunk sack, List<GapAckBlock> nrGapAckBlocks, long nowNanos,
                                 boolean inFastRecovery) {
        SackOutcome o = acc.outcome;
        long sackCum = unwrap(sack.cumulativeTsnAckValue()); // the 32 bits: no Tsn per SACK (issue 6)
        long highest = cumAck + count;
        if (sackCum < cumAck) {
            o.reset(SackResult.Outcome.STALE, pathsUsed); // RFC 9260 section 6.2.1 (D)(i)
            return o;
        }
        if (sackCum > highest) {
            o.reset(SackResult.Outcome.PROTOCOL_VIOLATION, pathsUsed);
            return o;
        }
        if (!blocks.merge(sack.gapAckBlocks(), sackCum, highest)) {
            blocks.releaseOversized();
            o.reset(SackResult.Outcome.PROTOCOL_VIOLATION, pathsUsed);
            return o;
        }
        o.reset(SackResult.Outcome.ACCEPTED, pathsUsed);
        acc.reset();
        boolean advanced = sackCum > cumAck;
        fastMarkedPaths = 0;
        if (cmtMissRules) {
            acc.cmtAcked = new ArrayList<>();
        }
        ackCumulatively(sackCum, acc);
        boolean fastMarked = ackGapsAndCountMisses(advanced && inFastRecovery, acc);
        if (cmtMissRules) {
            fastMarked |= countCmtMisses(acc, DacFlags.packetCount(sack.dacFlags()));
        }
        acc.cmtAcked = null;
        if (!nrGapAckBlocks.isEmpty()) {
            // The NR blocks lie within the blocks just applied (the caller included them), so the
            // check against the highest TSN sent has passed: merging cannot fail here.
            blocks.merge(nrGapAckBlocks, sackCum, highest);
            markNonRenegable();
        }
        blocks.releaseOversized();
        long rtt = -1;
        if (acc.rttTsn >= 0 && nowNanos - acc.rttSentAtNanos >= 0) {
            rtt = nowNanos - acc.rttSentAtNanos; // RFC 9260 section 6.3.1 C5: from a chunk sent once
            o.paths.setRttSamplePathId(acc.rttPathId);
        }
        o.cumulativeAckAdvanced = advanced;
        o.rttSampleNanos = rtt;
        o.fastRetransmitNeeded = fastMarked;
        o.peerReceiverWindow = Integer.toUnsignedLong(sack.advertisedReceiverWindowCredit());
        return o;
    }

    /**
     * Running totals of one SACK, written into the one {@link SackOutcome}; reused from SACK to
     * SACK (an association handles one SACK at a time).
     */
    private final Accumulator acc = new Accumulator();

    private static final class Accumulator {
        final SackOutcome outcome = new SackOutcome();
        long rttTsn;
        long rttSentAtNanos;
        int rttPathId;
        /** The chunks newly acked, for CMT's digest; null unless CMT's miss rules are on. */
        List<SentChunk> cmtAcked;

        void reset() {
            rttTsn = -1;
            rttSentAtNanos = 0;
            rttPathId = -1;
        }

        void newlyAcked(Entry e, long tsn) {
            if (cmtAcked != null) {
                cmtAcked.add(new SentChunk(new Tsn((int) tsn), e.pathId, e.payloadBytes, e.transmissions > 1));
            }
            outcome.newlyAckedBytes += e.payloadBytes;
            outcome.paths.addAcked(e.pathId, e.payloadBytes);
            // RFC 9260 section 6.3.1 C5 (Karn): only a chunk sent exactly once gives an RTT; the
            // newest (highest TSN) such chunk newly acked by this SACK.
            if (e.transmissions == 1 && tsn > rttTsn) {
                rttTsn = tsn;
                rttSentAtNanos = e.sentAtNanos;
                rttPathId = e.pathId;
            }
        }

        void reneged(Entry e) {
            outcome.renegedChunks++;
            outcome.paths.addReneged(e.pathId);
        }
    }

    /** Removes every chunk up to {@code sackCum}, which is at least the current ack point. */
    private void ackCumulatively(long sackCum, Accumulator acc) {
        while (cumAck < sackCum) {
            Entry e = ring[head];
            long tsn = cumAck + 1;
            switch (e.state) {
                case IN_FLIGHT -> {
                    removeFlight(e);
                    acc.newlyAcked(e, tsn);
                }
                case FAST_RETRANSMIT, T3_RETRANSMIT -> {
                    // An earlier transmission arrived after all; the pending retransmission is moot.
                    unmarkPending(e);
                    acc.newlyAcked(e, tsn);
                }
                case GAP_ACKED -> gapAcked--; // acked before: not newly acked
                case NR_ACKED -> nrAcked--; // acked and released before
                case ABANDONED -> { } // RFC 3758 section 3.5: the peer moved past it
            }
            if (e.ending && e.state != State.ABANDONED) {
                acc.outcome.addAckedMessage(e.message);
            }
            if (e.state != State.ABANDONED && e.state != State.NR_ACKED) {
                held -= e.payloadBytes;
            }
            clearSlot(e);
            e.clear();
            head = head + 1 == ring.length ? 0 : head + 1;
            count--;
            cumAck = tsn;
        }
    }

    /**
     * Applies the merged Gap Ack Blocks to the chunks above the (new) cumulative ack, visiting
     * only the chunks that change: first the chunks in the blocks not acknowledged before (so the
     * highest TSN newly acked is known), then the chunks in flight in the holes below it, which
     * get a miss indication, then the gap-acked chunks outside the blocks, which were reneged.
     * Returns whether any chunk was newly marked for Fast Retransmit.
     */
    private boolean ackGapsAndCountMisses(boolean fastRecoveryRule, Accumulator acc) {
        int merged = blocks.count();
        long highestNewlyAcked = -1;
        for (int b = 0; b < merged; b++) {
            int last = index(blocks.end(b));
            for (int i = nextIndex(unackedSlots, index(blocks.start(b)), last); i >= 0;
                 i = nextIndex(unackedSlots, i + 1, last)) {
                Entry e = ring[slot(i)];
                if (e.state == State.IN_FLIGHT) {
                    removeFlight(e);
                } else {
                    unmarkPending(e); // an earlier transmission arrived; the retransmission is moot
                }
                setState(e, State.GAP_ACKED);
                gapAcked++;
                long tsn = cumAck + 1 + i;
                acc.newlyAcked(e, tsn);
                highestNewlyAcked = tsn; // blocks and slots are visited in ascending TSN order
            }
        }
        long highestReported = merged > 0 ? blocks.end(merged - 1) : cumAck;
        // RFC 9260 section 7.2.4 (HTNA): a miss only below the highest TSN newly acked; in Fast
        // Recovery with the cumulative ack advancing, every TSN reported missing.
        long threshold = cmtMissRules ? -1 : fastRecoveryRule ? highestReported : highestNewlyAcked;
        boolean fastMarked = false;
        long from = cumAck + 1;
        for (int b = 0; b <= merged && from < threshold; b++) {
            long to = b < merged ? Math.min(blocks.start(b), threshold) - 1 : threshold - 1;
            int last = index(to);
            for (int i = nextIndex(inFlightSlots, index(from), last); i >= 0; i = nextIndex(inFlightSlots, i + 1, last)) {
                fastMarked |= countMiss(ring[slot(i)], threshold);
            }
            if (b < merged) {
                from = blocks.end(b) + 1;
            }
        }
        if (gapAcked > 0) {
            from = cumAck + 1;
            for (int b = 0; b <= merged; b++) {
                long to = b < merged ? blocks.start(b) - 1 : cumAck + count;
                int last = index(to);
                for (int i = nextIndex(gapAckedSlots, index(from), last); i >= 0;
                     i = nextIndex(gapAckedSlots, i + 1, last)) {
                    // RFC 9260 section 6.2.1 (D)(iii): the receiver reneged; the chunk is outstanding
                    // again and this counts as one miss indication.
                    Entry e = ring[slot(i)];
                    setState(e, State.IN_FLIGHT);
                    gapAcked--;
                    addFlight(e);
                    acc.reneged(e);
                    long tsn = cumAck + 1 + i;
                    fastMarked |= countMiss(e, tsn < highestNewlyAcked ? highestNewlyAcked : -1);
                }
                if (b < merged) {
                    from = blocks.end(b) + 1;
                }
            }
        }
        return fastMarked;
    }

    /**
     * CMT's miss indications for the SACK just applied (draft-tuexen-tsvwg-sctp-multipath sections
     * 3.1 and 3.3): builds its {@link SackDigest} from the chunks it newly acked and those still in
     * flight, asks {@link DelayedAckForCmt} for the reports (SFR, then DAC's counts) and counts
     * them. Returns whether any chunk was newly marked for Fast Retransmit.
     */
    private boolean countCmtMisses(Accumulator acc, int dacPacketCount) {
        List<SentChunk> inFlight = new ArrayList<>();
        for (int i = nextIndex(inFlightSlots, 0, count - 1); i >= 0; i = nextIndex(inFlightSlots, i + 1, count - 1)) {
            Entry e = ring[slot(i)];
            inFlight.add(new SentChunk(tsnAt(i), e.pathId, e.payloadBytes, e.transmissions > 1));
        }
        lastCmtDigest = new SackDigest(acc.cmtAcked, inFlight, dacPacketCount);
        long[] highestOnPath = new long[pathsUsed];
        Arrays.fill(highestOnPath, -1);
        for (SentChunk c : acc.cmtAcked) {
            highestOnPath[c.pathId()] = Math.max(highestOnPath[c.pathId()], unwrap(c.tsn()));
        }
        boolean fastMarked = false;
        for (MissingReport r : DelayedAckForCmt.missingReports(lastCmtDigest)) {
            Entry e = ring[slot(index(unwrap(r.tsn())))];
            if (e.state != State.IN_FLIGHT) {
                continue;
            }
            if (countMiss(e, highestOnPath[r.pathId()], r.count())) {
                fastMarked = true;
                if (r.pathId() < 64) {
                    fastMarkedPaths |= 1L << r.pathId();
                }
            }
        }
        return fastMarked;
    }

    /**
     * The merged NR Gap Ack Blocks (draft-tuexen-tsvwg-sctp-multipath section 4.2): every chunk
     * in them is gap-acked by now (the NR blocks were applied as Gap Ack Blocks too) or NR-acked
     * already; the gap-acked ones become NR-acked, which frees their bytes of the send buffer.
     */
    private void markNonRenegable() {
        int merged = blocks.count();
        for (int b = 0; b < merged && gapAcked > 0; b++) {
            int last = index(blocks.end(b));
            for (int i = nextIndex(gapAckedSlots, index(blocks.start(b)), last); i >= 0;
                 i = nextIndex(gapAckedSlots, i + 1, last)) {
                Entry e = ring[slot(i)];
                setState(e, State.NR_ACKED);
                gapAcked--;
                nrAcked++;
                held -= e.payloadBytes;
                e.chunk = null; // never sent again: the payload need not be kept for it
            }
        }
    }

    /**
     * One miss indication for an in-flight chunk, from a SACK that acknowledges TSNs up to
     * {@code evidenceTsn} above it; returns whether it is now marked for Fast Retransmit.
     */
    private boolean countMiss(Entry e, long evidenceTsn) {
        return countMiss(e, evidenceTsn, 1);
    }

    /** As {@link #countMiss(Entry, long)}, with {@code indications} at once (DAC may give more than one). */
    private boolean countMiss(Entry e, long evidenceTsn, int indications) {
        boolean eligible = e.fastRetransmitEligible;
        if (!eligible && lostRetransmissionDetection) {
            // The fast retransmission itself is missing only if data sent after it got through.
            if (evidenceTsn <= e.retransmittedAtHighestTsn) {
                return false;
            }
            eligible = true;
        }
        e.missIndications += indications;
        // RFC 9260 section 7.2.4 (1) and (5): on the third miss mark it, at most once until a
        // T3-rtx retransmission makes it eligible again (unless lost retransmissions are detected).
        if (e.missIndications >= FAST_RETRANSMIT_MISS_INDICATIONS && eligible) {
            removeFlight(e);
            setState(e, State.FAST_RETRANSMIT);
            e.fastRetransmitEligible = false;
            pendingFast++;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- retransmission

    /**
     * {@return T3-rtx expired (RFC 9260 section 6.3.3 E3): every chunk in flight, and every chunk already
     * marked for Fast Retransmit, is marked for retransmission by T3; gap-acked and abandoned
     * chunks are not} The marked chunks leave the flight size. Returns how many chunks are now
     * marked for T3 retransmission that were not before.
     */
    public int markAllForRetransmission() {
        return markForT3(-1);
    }

    /**
     * As {@link #markAllForRetransmission()}, for the chunks last sent on {@code pathId} only: the
     * T3-rtx timer of one destination expired (RFC 9260 section 6.3.3).
     *
     * @param pathId the path whose T3-rtx expired
     * @return the number of chunks newly marked
     */
    public int markForRetransmission(int pathId) {
        checkPath(pathId);
        return markForT3(pathId);
    }

    private int markForT3(int pathId) {
        int marked = 0;
        for (int i = 0; i < count; i++) {
            Entry e = ring[slot(i)];
            if (pathId >= 0 && e.pathId != pathId) {
                continue;
            }
            if (e.state == State.IN_FLIGHT) {
                removeFlight(e);
            } else if (e.state == State.FAST_RETRANSMIT) {
                pendingFast--;
            } else {
                continue;
            }
            setState(e, State.T3_RETRANSMIT);
            e.missIndications = 0;
            pendingT3++;
            marked++;
        }
        return marked;
    }

    /**
     * {@return {@link #takeRetransmissions(int, boolean, int)} keeping each chunk's previous path}
     *
     * @param maxBytes the room in the packet
     * @param fastRetransmitOnly whether to take only chunks marked by Fast Retransmit
     */
    public List<RetransmitItem> takeRetransmissions(int maxBytes, boolean fastRetransmitOnly) {
        return take(maxBytes, fastRetransmitOnly, -1);
    }

    /**
     * Hands out chunks marked for retransmission, to be sent now on {@code pathId}: first those
     * marked by Fast Retransmit, lowest TSN first (RFC 9260 section 7.2.4 (3)), then, unless
     * {@code fastRetransmitOnly}, those marked by T3-rtx, lowest TSN first (section 6.3.3 E3).
     *
     * <p>Chunks are taken while their {@link Chunk#encodedLength() encoded lengths} (header and
     * padding included) fit in {@code maxBytes}; the first chunk is taken even if it alone does
     * not fit, so a marked chunk always makes progress when {@code maxBytes > 0}. Taking stops at
     * the first chunk that does not fit, keeping TSN order. Each chunk taken is back in flight,
     * its transmission count goes up (so it never again gives an RTT sample) and its miss count
     * restarts; a T3 retransmission makes it eligible for Fast Retransmit again.
     *
     * @param maxBytes the room in the packet
     * @param fastRetransmitOnly whether to take only chunks marked by Fast Retransmit
     * @param pathId the path they are sent on now
     * @return the chunks to send, lowest TSN first
     */
    public List<RetransmitItem> takeRetransmissions(int maxBytes, boolean fastRetransmitOnly, int pathId) {
        checkPath(pathId);
        return take(maxBytes, fastRetransmitOnly, pathId);
    }

    private List<RetransmitItem> take(int maxBytes, boolean fastOnly, int pathId) {
        if (maxBytes <= 0 || (pendingFast == 0 && (fastOnly || pendingT3 == 0))) {
            return List.of();
        }
        List<RetransmitItem> out = new ArrayList<>(4);
        int used = collect(State.FAST_RETRANSMIT, pendingFast, maxBytes, 0, pathId, out);
        if (!fastOnly && used >= 0) {
            collect(State.T3_RETRANSMIT, pendingT3, maxBytes, used, pathId, out);
        }
        return out;
    }

    /** Takes chunks in {@code state} while they fit; returns the bytes used, or -1 once one did not fit. */
    private int collect(State state, int pending, int maxBytes, int used, int pathId, List<RetransmitItem> out) {
        int left = pending;
        for (int i = 0; i < count && left > 0; i++) {
            Entry e = ring[slot(i)];
            if (e.state != state) {
                continue;
            }
            left--;
            int size = e.chunk.encodedLength();
            if (!out.isEmpty() && used + size > maxBytes) {
                return -1;
            }
            used += size;
            boolean fast = state == State.FAST_RETRANSMIT;
            if (fast) {
                pendingFast--;
            } else {
                pendingT3--;
                e.fastRetransmitEligible = true; // RFC 9260 section 7.2.4 (5): until T3 retransmits it
            }
            if (pathId >= 0) {
                e.pathId = pathId;
                pathsUsed = Math.max(pathsUsed, pathId + 1);
            }
            setState(e, State.IN_FLIGHT);
            e.transmissions++;
            e.missIndications = 0;
            e.retransmittedAtHighestTsn = cumAck + count;
            addFlight(e);
            out.add(new RetransmitItem(tsnAt(i), e.chunk, e.payloadBytes, e.pathId, fast, e.transmissions, e.message));
        }
        return used;
    }

    // ---------------------------------------------------------------- PR-SCTP

    /**
     * Abandons the messages {@code messageFilter} accepts (RFC 3758 section 3.5 A1-A3): every held
     * chunk of such a message, whatever its state, becomes abandoned; it leaves the flight size,
     * is never retransmitted, and its message is not reported as acked. The filter is asked once
     * per distinct message of the chunks not yet abandoned. Returns the newly abandoned messages,
     * in the TSN order of their first held chunk. Fragments not sent yet are the send queue's to
     * drop; the association then sends FORWARD TSN up to {@link #advancedPeerAckPoint()}.
     *
     * @param messageFilter which messages to abandon
     * @return the newly abandoned messages
     */
    public List<Object> abandon(Predicate<Object> messageFilter) {
        Objects.requireNonNull(messageFilter, "messageFilter");
        IdentityHashMap<Object, Boolean> verdicts = null;
        List<Object> abandoned = List.of();
        for (int i = 0; i < count; i++) {
            Entry e = ring[slot(i)];
            if (e.state == State.ABANDONED || e.state == State.NR_ACKED) {
                continue; // an NR-acked chunk has arrived for good: nothing to abandon
            }
            if (verdicts == null) {
                verdicts = new IdentityHashMap<>();
            }
            Boolean verdict = verdicts.get(e.message);
            if (verdict == null) {
                verdict = messageFilter.test(e.message);
                verdicts.put(e.message, verdict);
                if (verdict) {
                    if (abandoned.isEmpty()) {
                        abandoned = new ArrayList<>(4);
                    }
                    abandoned.add(e.message);
                }
            }
            if (!verdict) {
                continue;
            }
            switch (e.state) {
                case IN_FLIGHT -> removeFlight(e);
                case GAP_ACKED -> gapAcked--;
                case FAST_RETRANSMIT, T3_RETRANSMIT -> unmarkPending(e);
                case ABANDONED, NR_ACKED -> { }
            }
            setState(e, State.ABANDONED);
        }
        return abandoned;
    }

    /**
     * The payload bytes of {@code message}'s chunks held and not abandoned (counted in
     * {@link #bytesHeld()}): what abandoning it frees in the send buffer. Costs a walk over the
     * held chunks; meant for the rare full send buffer (RFC 7496 section 3.2).
     *
     * @param message the message, as handed to the chunks
     * @return the bytes
     */
    public long bytesHeldOf(Object message) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Entry e = ring[slot(i)];
            if (e.message == message && e.state != State.ABANDONED && e.state != State.NR_ACKED) {
                bytes += e.payloadBytes;
            }
        }
        return bytes;
    }

    /**
     * Shows {@code visitor} each chunk marked for retransmission (by Fast Retransmit or T3-rtx)
     * with its message and how often it has been sent so far, lowest TSN first: the moment RFC
     * 3758 section 3.5 A1 and RFC 7496 section 3.1 let a PR-SCTP sender decide to abandon the
     * message instead. Changes nothing; costs nothing when no chunk is marked.
     *
     * @param visitor takes each marked chunk's message and transmission count
     */
    public void forEachMarkedForRetransmission(ObjIntConsumer<Object> visitor) {
        int left = pendingFast + pendingT3;
        for (int i = 0; i < count && left > 0; i++) {
            Entry e = ring[slot(i)];
            if (e.state == State.FAST_RETRANSMIT || e.state == State.T3_RETRANSMIT) {
                left--;
                visitor.accept(e.message, e.transmissions);
            }
        }
    }

    /**
     * {@return the Advanced.Peer.Ack.Point of RFC 3758 section 3.5 C1: the Cumulative TSN Ack Point moved up
     * over every abandoned chunk that directly follows it} A gap-acked chunk stops it, since the
     * receiver may still renege that chunk. When it is after {@link #cumulativeTsnAcked()} the
     * association sends a FORWARD TSN carrying it (C2).
     */
    public Tsn advancedPeerAckPoint() {
        int i = 0;
        while (i < count && ring[slot(i)].state == State.ABANDONED) {
            i++;
        }
        return new Tsn((int) (cumAck + i));
    }

    // ---------------------------------------------------------------- queries

    /**
     * {@return the flight size of RFC 9260 section 6.1: payload bytes of chunks sent and not acknowledged,
     * neither cumulatively nor by a Gap Ack Block, not marked for retransmission and not
     * abandoned} Gap-acked chunks do not count (they come back if the receiver reneges).
     */
    public long bytesInFlight() {
        return flight;
    }

    /**
     * The path the oldest chunk in flight (lowest TSN, not acknowledged, not marked) was last sent
     * on, or -1 when none is in flight: the path a single T3-rtx timer is about (RFC 9260 section
     * 6.3.2 times the oldest outstanding data of a destination).
     *
     * @return the path identifier, or -1
     */
    public int oldestInFlightPath() {
        for (int i = 0; i < count; i++) {
            Entry e = ring[slot(i)];
            if (e.state == State.IN_FLIGHT) {
                return e.pathId;
            }
        }
        return -1;
    }

    /**
     * {@return {@link #bytesInFlight()} of the chunks last sent on {@code pathId}}
     *
     * @param pathId a path
     */
    public long bytesInFlight(int pathId) {
        checkPath(pathId);
        return pathId < flightByPath.length ? flightByPath[pathId] : 0;
    }

    /**
     * Payload bytes of the chunks held and not abandoned: in flight, gap-acknowledged (the receiver
     * may renege) or waiting for retransmission. With the send queue's bytes this is the user data
     * the send buffer bounds; the flight size alone leaves out chunks marked for retransmission.
     *
     * @return the bytes
     */
    public long bytesHeld() {
        return held;
    }

    /** {@return chunks held: sent and not cumulatively acknowledged, in any state} */
    public int outstandingChunks() {
        return count;
    }

    /** {@return whether any chunk is marked for retransmission, by Fast Retransmit or by T3-rtx} */
    public boolean hasRetransmissionsPending() {
        return pendingFast + pendingT3 > 0;
    }

    /** {@return whether any chunk is marked for Fast Retransmit and not yet handed out} */
    public boolean hasFastRetransmissionsPending() {
        return pendingFast > 0;
    }

    /** {@return the highest TSN sent, or one below the Initial TSN before anything was sent} */
    public Tsn highestTsnSent() {
        return new Tsn((int) (cumAck + count));
    }

    /** {@return the TSN the next {@link #add} must carry} */
    public Tsn nextTsn() {
        return new Tsn(nextTsnValue());
    }

    /** {@return {@link #nextTsn()} as its 32-bit value, without a {@link Tsn} (issue 6)} */
    public int nextTsnValue() {
        return (int) (cumAck + count + 1);
    }

    /** {@return the Cumulative TSN Ack Point: the highest TSN acknowledged with all TSNs before it} */
    public Tsn cumulativeTsnAcked() {
        return new Tsn((int) cumAck);
    }

    /** {@return whether no chunk is held: everything sent is cumulatively acknowledged} */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * Moves the next TSN to {@code nextTsn} once nothing is outstanding: the SSN/TSN reset of RFC
     * 6525 sections 5.2.4 and 5.2.7 gives the sender a new TSN space.
     *
     * @param nextTsn the TSN the next {@link #add} must carry
     * @throws IllegalStateException if chunks are still held
     */
    public void restartAt(Tsn nextTsn) {
        if (count != 0) {
            throw new IllegalStateException(count + " chunks outstanding: the TSN cannot be reset");
        }
        cumAck = Integer.toUnsignedLong(nextTsn.value()) - 1;
    }

    // ---------------------------------------------------------------- internals

    private long unwrap(Tsn tsn) {
        return unwrap(tsn.value());
    }

    /** The 64-bit position of a TSN's 32 bits, nearest the cumulative ack (RFC 1982 distance). */
    private long unwrap(int tsnValue) {
        return cumAck + (tsnValue - (int) cumAck);
    }

    private Tsn tsnAt(int index) {
        return new Tsn((int) (cumAck + 1 + index));
    }

    /** The ring index of an unwrapped TSN held. */
    private int index(long tsn) {
        return (int) (tsn - cumAck - 1);
    }

    /**
     * The lowest ring index in {@code from..to} (inclusive, {@code to < count}) whose slot is set
     * in {@code bits}, or -1 if none; the index range may wrap around the end of the ring.
     */
    private int nextIndex(SlotBits bits, int from, int to) {
        if (from > to) {
            return -1;
        }
        int first = slot(from);
        int end = first + (to - from + 1);
        if (end <= ring.length) {
            int s = bits.next(first, end);
            return s < 0 ? -1 : from + (s - first);
        }
        int s = bits.next(first, ring.length);
        if (s >= 0) {
            return from + (s - first);
        }
        s = bits.next(0, end - ring.length);
        return s < 0 ? -1 : from + (ring.length - first) + s;
    }

    /** Moves an entry to {@code state}, keeping the slot bit sets in step. */
    private void setState(Entry e, State state) {
        if (state == State.ABANDONED && e.state != State.ABANDONED && e.state != null) {
            held -= e.payloadBytes; // the message went back to the user; its room is free
        }
        clearSlot(e);
        switch (state) {
            case IN_FLIGHT -> {
                inFlightSlots.set(e.slot);
                unackedSlots.set(e.slot);
            }
            case GAP_ACKED -> gapAckedSlots.set(e.slot);
            case FAST_RETRANSMIT, T3_RETRANSMIT -> unackedSlots.set(e.slot);
            case ABANDONED, NR_ACKED -> { }
        }
        e.state = state;
    }

    private void clearSlot(Entry e) {
        inFlightSlots.clear(e.slot);
        gapAckedSlots.clear(e.slot);
        unackedSlots.clear(e.slot);
    }

    private int slot(int index) {
        int s = head + index;
        return s >= ring.length ? s - ring.length : s;
    }

    private void grow() {
        int capacity = (int) Math.min(maxOutstandingChunks, 2L * ring.length);
        Entry[] bigger = new Entry[capacity];
        for (int i = 0; i < count; i++) {
            bigger[i] = ring[slot(i)];
        }
        ring = bigger;
        head = 0;
        inFlightSlots.resize(capacity);
        gapAckedSlots.resize(capacity);
        unackedSlots.resize(capacity);
        for (int i = 0; i < count; i++) {
            Entry e = ring[i];
            e.slot = i;
            setState(e, e.state);
        }
    }

    private void addFlight(Entry e) {
        flight += e.payloadBytes;
        if (e.pathId >= flightByPath.length) {
            flightByPath = Arrays.copyOf(flightByPath, PathTables.grownLength(flightByPath.length, e.pathId, maxPaths));
        }
        flightByPath[e.pathId] += e.payloadBytes;
    }

    private void removeFlight(Entry e) {
        flight -= e.payloadBytes;
        flightByPath[e.pathId] -= e.payloadBytes;
    }

    private void unmarkPending(Entry e) {
        if (e.state == State.FAST_RETRANSMIT) {
            pendingFast--;
        } else {
            pendingT3--;
        }
    }

    private void checkPath(int pathId) {
        if (pathId < 0 || pathId >= maxPaths) {
            throw new IllegalArgumentException("path identifier " + pathId + " outside 0.." + (maxPaths - 1));
        }
    }

    private static void checkChunkTsn(int tsn, int chunkTsn) {
        if (tsn != chunkTsn) {
            throw new IllegalArgumentException("chunk carries TSN " + new Tsn(chunkTsn) + ", recorded as " + new Tsn(tsn));
        }
    }

    /** Checks internal consistency; throws {@link IllegalStateException} if any count disagrees. */
    public void checkInvariants() {
        if (count < 0 || count > maxOutstandingChunks || count > ring.length) {
            throw new IllegalStateException("count " + count + " outside the ring " + ring.length
                    + " or the bound " + maxOutstandingChunks);
        }
        long inFlight = 0;
        long[] byPath = new long[flightByPath.length];
        int gaps = 0;
        int fast = 0;
        int t3 = 0;
        int inFlightCount = 0;
        int nr = 0;
        long heldSum = 0;
        for (int i = 0; i < count; i++) {
            Entry e = ring[slot(i)];
            if (e == null || (e.chunk == null && e.state != State.NR_ACKED) || e.message == null || e.state == null) {
                throw new IllegalStateException("empty slot at index " + i);
            }
            Tsn chunkTsn = e.chunk == null ? tsnAt(i)
                    : e.chunk instanceof DataChunk d ? d.tsn() : ((IDataChunk) e.chunk).tsn();
            if (!chunkTsn.equals(tsnAt(i))) {
                throw new IllegalStateException("chunk " + chunkTsn + " held at the place of " + tsnAt(i));
            }
            if (e.transmissions < 1 || e.missIndications < 0 || e.pathId < 0 || e.pathId >= maxPaths) {
                throw new IllegalStateException("bad counters for TSN " + tsnAt(i));
            }
            int s = slot(i);
            if (e.slot != s || inFlightSlots.get(s) != (e.state == State.IN_FLIGHT)
                    || gapAckedSlots.get(s) != (e.state == State.GAP_ACKED)
                    || unackedSlots.get(s) != (e.state == State.IN_FLIGHT || e.state == State.FAST_RETRANSMIT
                            || e.state == State.T3_RETRANSMIT)) {
                throw new IllegalStateException("slot bits disagree with the state " + e.state + " of TSN " + tsnAt(i));
            }
            switch (e.state) {
                case IN_FLIGHT -> {
                    inFlight += e.payloadBytes;
                    byPath[e.pathId] += e.payloadBytes;
                    inFlightCount++;
                }
                case GAP_ACKED -> gaps++;
                case FAST_RETRANSMIT -> {
                    fast++;
                    if (e.fastRetransmitEligible) {
                        throw new IllegalStateException("TSN " + tsnAt(i) + " marked for Fast Retransmit twice");
                    }
                }
                case T3_RETRANSMIT -> t3++;
                case NR_ACKED -> nr++;
                case ABANDONED -> { }
            }
            if (e.state != State.ABANDONED && e.state != State.NR_ACKED) {
                heldSum += e.payloadBytes;
            }
        }
        for (int i = count; i < ring.length; i++) {
            Entry e = ring[slot(i)];
            if (e != null && (e.chunk != null || e.message != null)) {
                throw new IllegalStateException("a free slot still references a chunk");
            }
        }
        if (inFlightSlots.cardinality() + gapAckedSlots.cardinality() + unackedSlots.cardinality()
                != 2 * inFlightCount + gaps + fast + t3) {
            throw new IllegalStateException("slot bits set for free slots");
        }
        if (inFlight != flight || !Arrays.equals(byPath, flightByPath)) {
            throw new IllegalStateException("flight size " + flight + " " + Arrays.toString(flightByPath)
                    + ", chunks in flight sum to " + inFlight + " " + Arrays.toString(byPath));
        }
        if (nr != nrAcked || heldSum != held) {
            throw new IllegalStateException("NR-acked " + nrAcked + " / held " + held + ", chunks say " + nr + " / "
                    + heldSum);
        }
        if (gaps != gapAcked || fast != pendingFast || t3 != pendingT3) {
            throw new IllegalStateException("counters gap/fast/t3 " + gapAcked + "/" + pendingFast + "/" + pendingT3
                    + ", chunks say " + gaps + "/" + fast + "/" + t3);
        }
    }

    @Override
    public String toString() {
        return "OutstandingData[cumAck=" + cumulativeTsnAcked() + ", held=" + count + ", flight=" + flight
                + ", gapAcked=" + gapAcked + ", nrAcked=" + nrAcked + ", fast=" + pendingFast + ", t3=" + pendingT3 + "]";
    }
}
