package org.jsctp.core.rx;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.SerialUnwrapper;
import org.jsctp.core.seq.Tsn;

/**
 * The data receiver's record of TSNs (RFC 9260 section 6.2): the cumulative TSN ack point, the
 * TSNs received after gaps, the duplicates to report, and when a SACK is due.
 *
 * <p>TSNs are unwrapped to 64 bits internally, so gap arithmetic cannot go wrong at the wrap.
 * Memory is bounded: at most {@code maxGapRanges} runs of out-of-order TSNs are held (a TSN that
 * would need one more is refused and the sender will retransmit it), TSNs further than 65535
 * past the cumulative ack cannot be described by a SACK's 16-bit offsets and are refused too, and
 * at most {@code maxDuplicatesReported} duplicates are remembered between SACKs.
 */
public final class DataTracker {

    /** What {@link #observe} decided about a received TSN. */
    public enum Observation {
        /** A TSN not seen before: the chunk is accepted. */
        NEW,
        /** Already received (at or below the cumulative ack, or in a gap block): discard the chunk. */
        DUPLICATE,
        /** Too far ahead, or no room to track it: discard the chunk, the sender will retransmit. */
        REFUSED
    }

    /** Largest distance a Gap Ack Block can express (16-bit offsets, RFC 9260 section 3.3.4). */
    public static final int MAX_TSN_AHEAD = 0xFFFF;

    /** The chunk header and fixed fields of a SACK (RFC 9260 section 3.3.4). */
    private static final int SACK_FIXED = 4 + SackChunk.FIXED_VALUE_LENGTH;
    /** The largest chunk the 16-bit Chunk Length can describe, rounded down to whole blocks. */
    private static final int MAX_SACK_LENGTH = 0xFFFC;

    private final SerialUnwrapper unwrapper;
    private final TsnRangeSet received;
    private final int maxDuplicatesReported;
    private final List<Tsn> duplicates = new ArrayList<>();
    private long cumulativeAck;
    /** The last {@link #cumulativeTsnAck()} handed out, reused while the ack point stays. */
    private Tsn lastCumulativeTsnAck;
    private int dataPacketsSinceSack;
    private boolean sackImmediately;
    /** Delayed Ack for CMT: out-of-order arrival does not make a SACK due at once. */
    private boolean delayOnReordering;

    /**
     * A tracker that expects {@code peerInitialTsn} first.
     *
     * @param peerInitialTsn the Initial TSN from the peer's INIT or INIT ACK
     * @param maxGapRanges bound on the out-of-order runs held
     * @param maxDuplicatesReported bound on the duplicates kept for the next SACK
     */
    public DataTracker(Tsn peerInitialTsn, int maxGapRanges, int maxDuplicatesReported) {
        this.unwrapper = new SerialUnwrapper(peerInitialTsn.value());
        this.cumulativeAck = unwrapper.unwrap(peerInitialTsn.value()) - 1; // RFC 9260 section 6.1: nothing received yet
        this.received = new TsnRangeSet(maxGapRanges);
        this.maxDuplicatesReported = maxDuplicatesReported;
    }

    /**
     * Delayed Ack for CMT (draft-tuexen-tsvwg-sctp-multipath section 3.3): with CMT, data of the
     * faster path always overtakes the slower path's, so RFC 9260 section 6.7's "SACK every packet
     * while gaps are open" would acknowledge every packet; with this on, opening or filling a gap
     * no longer makes the SACK due at once, and section 6.2's delayed SACK rules (every second
     * DATA packet, the delayed-ACK timer, the I bit, duplicates) decide alone. Off by default.
     *
     * @param on whether gaps no longer make a SACK due at once
     */
    public void setDelayOnReordering(boolean on) {
        this.delayOnReordering = on;
    }

    /**
     * {@return what {@link #observe} would decide for {@code tsn}, without recording anything: lets the
     * caller try the chunk in the reassembly queue first and record it only if it was kept}
     *
     * @param tsn a received chunk's TSN
     */
    public Observation classify(Tsn tsn) {
        return classify(tsn.value());
    }

    /**
     * {@return as {@link #classify(Tsn)}, for a TSN carried as its 32 bits (no {@code Tsn} per
     * chunk, issue 6; the unwrapper keeps the RFC 1982 comparison wrap-safe)}
     *
     * @param tsnValue a received chunk's TSN, its 32 bits
     */
    public Observation classify(int tsnValue) {
        long n = unwrapper.peek(tsnValue);
        if (n <= cumulativeAck || received.contains(n)) {
            return Observation.DUPLICATE;
        }
        return n - cumulativeAck > MAX_TSN_AHEAD ? Observation.REFUSED : Observation.NEW;
    }

    /**
     * {@return the 64-bit position of {@code tsn} on this tracker's number line}
     *
     * @param tsn a TSN
     */
    public long unwrap(Tsn tsn) {
        return unwrapper.peek(tsn.value());
    }

    /**
     * {@return as {@link #unwrap(Tsn)}, for a TSN carried as its 32 bits}
     *
     * @param tsnValue a TSN, its 32 bits
     */
    public long unwrap(int tsnValue) {
        return unwrapper.peek(tsnValue);
    }

    /**
     * Records one received DATA or I-DATA chunk's TSN.
     *
     * @param tsn a received chunk's TSN
     * @return whether the chunk is new, a duplicate, or refused
     */
    public Observation observe(Tsn tsn) {
        return observe(tsn.value());
    }

    /**
     * As {@link #observe(Tsn)}, for a TSN carried as its 32 bits (no {@code Tsn} per chunk, issue
     * 6; only a duplicate, kept for the next SACK, is made a {@code Tsn}).
     *
     * @param tsnValue a received chunk's TSN, its 32 bits
     * @return whether the chunk is new, a duplicate, or refused
     */
    public Observation observe(int tsnValue) {
        long n = unwrapper.peek(tsnValue);
        if (n <= cumulativeAck || received.contains(n)) {
            noteDuplicate(new Tsn(tsnValue));
            return Observation.DUPLICATE;
        }
        if (n - cumulativeAck > MAX_TSN_AHEAD) {
            return Observation.REFUSED;
        }
        if (n == cumulativeAck + 1) {
            boolean hadGaps = !received.isEmpty();
            cumulativeAck = n;
            advanceOverReceived();
            if (hadGaps) {
                // RFC 9260 section 6.7: while gaps are open every packet is acknowledged at once,
                // and so is the one that fills the last gap (not with DAC, section 3.3 of the draft).
                sackImmediately |= !delayOnReordering;
            }
        } else {
            if (received.add(n) == TsnRangeSet.AddResult.FULL) {
                return Observation.REFUSED;
            }
            sackImmediately |= !delayOnReordering; // RFC 9260 section 6.7: a gap is reported without delay
        }
        unwrapper.unwrap(tsnValue);
        return Observation.NEW;
    }

    /**
     * Called once per received packet that carried DATA, after its chunks were observed. Every
     * second such packet makes a SACK due (RFC 9260 section 6.2), as does the I bit of RFC 7053
     * section 4.2.
     *
     * @param immediateRequested whether a chunk of the packet had the I bit set
     */
    public void onDataPacketProcessed(boolean immediateRequested) {
        dataPacketsSinceSack++;
        if (dataPacketsSinceSack >= 2 || immediateRequested) {
            sackImmediately = true;
        }
    }

    /**
     * A DATA chunk was dropped for want of room (RFC 9260 section 6.2): the receiver "MUST
     * immediately send back a SACK" showing what it accepted and its current window, so that a
     * sender probing a shut window learns at once that the window is still shut.
     */
    public void markDropped() {
        sackImmediately = true;
    }

    /** The delayed-SACK timer expired (RFC 9260 section 6.2): the SACK is due now. */
    public void markSackDue() {
        if (isSackPending()) {
            sackImmediately = true;
        }
    }

    /** {@return whether a SACK must go out now rather than when the delayed-SACK timer fires} */
    public boolean isSackDueNow() {
        return sackImmediately;
    }

    /** {@return whether data was received since the last SACK, so the delayed-SACK timer should run} */
    public boolean isSackPending() {
        return sackImmediately || dataPacketsSinceSack > 0 || !duplicates.isEmpty();
    }

    /** {@return the cumulative TSN ack point: the last TSN received with all before it} */
    public Tsn cumulativeTsnAck() {
        // Asked several times per packet (SACK building, delivery checks): one Tsn per new ack
        // point rather than one per call (issue 6). Tsn is immutable, so sharing it is safe.
        Tsn last = lastCumulativeTsnAck;
        if (last == null || last.value() != (int) cumulativeAck) {
            last = new Tsn((int) cumulativeAck);
            lastCumulativeTsnAck = last;
        }
        return last;
    }

    /**
     * {@return the cumulative TSN ack point's 32 bits, as {@link #cumulativeTsnAck()} without a
     * {@code Tsn} (the per-packet paths, issue 6)}
     */
    public int cumulativeTsnAckValue() {
        return (int) cumulativeAck;
    }

    /**
     * {@return whether {@code tsn} is the lowest TSN not received yet: the one after the cumulative TSN ack point}
     *
     * @param tsn a TSN
     */
    public boolean isNextAfterCumulativeAck(Tsn tsn) {
        return isNextAfterCumulativeAck(tsn.value());
    }

    /**
     * {@return as {@link #isNextAfterCumulativeAck(Tsn)}, for a TSN carried as its 32 bits}
     *
     * @param tsnValue a TSN, its 32 bits
     */
    public boolean isNextAfterCumulativeAck(int tsnValue) {
        return unwrapper.peek(tsnValue) == cumulativeAck + 1;
    }

    /**
     * {@return whether {@code tsn} lies beyond every TSN received so far}
     *
     * @param tsn a TSN
     */
    public boolean isBeyondHighestReceived(Tsn tsn) {
        return isBeyondHighestReceived(tsn.value());
    }

    /**
     * {@return as {@link #isBeyondHighestReceived(Tsn)}, for a TSN carried as its 32 bits}
     *
     * @param tsnValue a TSN, its 32 bits
     */
    public boolean isBeyondHighestReceived(int tsnValue) {
        long highest = received.isEmpty() ? cumulativeAck : received.rangeEnd(received.rangeCount() - 1);
        return unwrapper.peek(tsnValue) > highest;
    }

    /**
     * {@return whether {@code tsn} lies more than {@link #MAX_TSN_AHEAD} beyond every TSN received so far:
     * further than the peer could have sent and had refused here, as DATA that far ahead is never
     * taken (see {@link #observe})} A FORWARD TSN to such a point names TSNs never sent.
     *
     * @param tsn a TSN
     */
    public boolean isFarBeyondHighestReceived(Tsn tsn) {
        long highest = received.isEmpty() ? cumulativeAck : received.rangeEnd(received.rangeCount() - 1);
        return unwrapper.peek(tsn.value()) - highest > MAX_TSN_AHEAD;
    }

    /**
     * The highest TSN received so far (the cumulative TSN ack point when no gap is open).
     *
     * @return the highest TSN received
     */
    public Tsn highestReceived() {
        long highest = received.isEmpty() ? cumulativeAck : received.rangeEnd(received.rangeCount() - 1);
        return new Tsn((int) highest);
    }

    /** {@return whether TSNs above the cumulative ack are held, i.e. a gap is open} */
    public boolean hasGaps() {
        return !received.isEmpty();
    }

    /**
     * {@return the encoded size of the SACK {@link #createSack} would build now, without building it}
     *
     * @param maxGapBlocks the most gap blocks to report
     */
    public int sackLength(int maxGapBlocks) {
        return sackLength(maxGapBlocks, MAX_SACK_LENGTH);
    }

    /**
     * {@return the encoded size of the SACK {@link #createSack(int, int, int)} would build now with
     * {@code room} bytes for the chunk, without building it}
     *
     * @param maxGapBlocks the most gap blocks to report
     * @param room the bytes available for the chunk
     */
    public int sackLength(int maxGapBlocks, int room) {
        int blocks = reportedBlocks(maxGapBlocks, room);
        return SACK_FIXED + 4 * blocks + 4 * reportedDuplicates(blocks, room);
    }

    /**
     * Builds a SACK with at most {@code maxGapBlocks} gap blocks (those nearest the cumulative ack)
     * and the duplicates seen since the last one, and resets the SACK-due state.
     *
     * @param advertisedReceiverWindowCredit the a_rwnd to announce, in bytes
     * @param maxGapBlocks the most gap blocks to report
     * @return the SACK
     */
    public SackChunk createSack(int advertisedReceiverWindowCredit, int maxGapBlocks) {
        return createSack(advertisedReceiverWindowCredit, maxGapBlocks, MAX_SACK_LENGTH);
    }

    /**
     * Builds a SACK of at most {@code room} bytes (RFC 9260 section 6.2: "as many Gap Ack Blocks
     * as can fit in a single SACK chunk limited by the current path MTU") with at most
     * {@code maxGapBlocks} gap blocks, and resets the SACK-due state.
     *
     * <p>Which blocks when not all fit: the lowest, those nearest the cumulative ack. The sender
     * takes a SACK's blocks as the whole truth below its highest block (a chunk it had seen
     * gap-acked and that a block no longer covers counts as reneged, section 6.2.1 (D)(iii)), so a
     * SACK must not skip blocks in the middle; and the lowest holes are the ones whose repair
     * advances the cumulative TSN ack and frees the receive window. Reporting the newest blocks
     * instead (as TCP's SACK option does, RFC 2018 section 4) would make every chunk between the
     * lowest and the newest look missing to the sender's miss-indication rule (section 7.2.4) and
     * have it retransmitted spuriously. Gap blocks go before duplicates: duplicates only take the
     * room the blocks leave (they are advisory, section 6.2; losing a block would look like a
     * renege), and those not reported are forgotten with the rest.
     *
     * @param advertisedReceiverWindowCredit the a_rwnd to announce, in bytes
     * @param maxGapBlocks the most gap blocks to report
     * @param room the most bytes the chunk may take
     * @return the SACK
     */
    public SackChunk createSack(int advertisedReceiverWindowCredit, int maxGapBlocks, int room) {
        int blocks = reportedBlocks(maxGapBlocks, room);
        // Without gaps or duplicates (the loss-free case) the lists are the shared empty list.
        List<GapAckBlock> gaps = List.of();
        if (blocks > 0) {
            GapAckBlock[] array = new GapAckBlock[blocks];
            for (int i = 0; i < blocks; i++) {
                array[i] = new GapAckBlock((int) (received.rangeStart(i) - cumulativeAck),
                        (int) (received.rangeEnd(i) - cumulativeAck));
            }
            gaps = List.of(array);
        }
        int dups = reportedDuplicates(blocks, room);
        List<Tsn> reportedDuplicates = dups == 0 ? List.of() : List.copyOf(duplicates.subList(0, dups));
        SackChunk sack = new SackChunk((int) cumulativeAck, advertisedReceiverWindowCredit, gaps, reportedDuplicates); // no Tsn per SACK (issue 6)
        duplicates.clear();
        dataPacketsSinceSack = 0;
        sackImmediately = false;
        return sack;
    }

    /** Gap blocks a SACK of {@code room} bytes reports: the lowest ones, as many as fit and are allowed. */
    private int reportedBlocks(int maxGapBlocks, int room) {
        int fit = Math.max(0, (Math.min(room, MAX_SACK_LENGTH) - SACK_FIXED) / 4);
        return Math.min(Math.min(maxGapBlocks, fit), received.rangeCount());
    }

    /** Duplicates reported with {@code blocks} gap blocks: what room the blocks leave. */
    private int reportedDuplicates(int blocks, int room) {
        int fit = Math.max(0, (Math.min(room, MAX_SACK_LENGTH) - SACK_FIXED - 4 * blocks) / 4);
        return Math.min(fit, duplicates.size());
    }

    /**
     * Moves the cumulative ack point forward to {@code newCumulativeTsn}, as a FORWARD TSN asks
     * (RFC 3758 section 3.6); an older value is ignored. Returns whether the point moved.
     *
     * @param newCumulativeTsn the FORWARD TSN's New Cumulative TSN
     * @return whether the cumulative ack point moved
     */
    public boolean forwardTo(Tsn newCumulativeTsn) {
        long n = unwrapper.peek(newCumulativeTsn.value());
        if (n <= cumulativeAck) {
            return false;
        }
        unwrapper.unwrap(newCumulativeTsn.value());
        cumulativeAck = n;
        received.removeUpTo(n);
        advanceOverReceived();
        return true;
    }

    private void advanceOverReceived() {
        if (!received.isEmpty() && received.rangeStart(0) == cumulativeAck + 1) {
            cumulativeAck = received.rangeEnd(0);
            received.removeUpTo(cumulativeAck);
        }
    }

    private void noteDuplicate(Tsn tsn) {
        sackImmediately = true; // RFC 9260 section 6.2: duplicates are reported at once
        if (duplicates.size() < maxDuplicatesReported) {
            duplicates.add(tsn);
        }
    }

    /** Checks internal consistency; for tests and the association's invariant checks. */
    public void checkInvariants() {
        for (int i = 0; i < received.rangeCount(); i++) {
            if (received.rangeStart(i) <= cumulativeAck + 1) {
                throw new IllegalStateException("range " + received + " touches cumulative ack " + cumulativeAck);
            }
            if (received.rangeEnd(i) - cumulativeAck > MAX_TSN_AHEAD) {
                throw new IllegalStateException("range beyond the SACK offset limit: " + received);
            }
        }
    }

    @Override
    public String toString() {
        return "DataTracker[cumAck=" + cumulativeTsnAck() + ", gaps=" + received + ", dups=" + duplicates.size() + "]";
    }
}
