package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.cmt.DacFlags;
import org.jsctp.core.cmt.DacReceiverCounter;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.rx.AbortedPartialDelivery;
import org.jsctp.core.rx.DataReassemblyQueue;
import org.jsctp.core.rx.DataTracker;
import org.jsctp.core.rx.DeferredResetQueue;
import org.jsctp.core.rx.IDataReassemblyQueue;
import org.jsctp.core.rx.ReassemblyQueue;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The receiving half of an association's data transfer (RFC 9260 sections 6.2, 6.5, 6.6 and
 * 6.9): TSN bookkeeping, reassembly into messages (large ones delivered in pieces), the receive
 * window and when to SACK, and the receiver side of PR-SCTP (RFC 3758 section 3.6, RFC 8260
 * section 2.3).
 *
 * <p>Pieces of a message count in the window like messages: in the reassembly queue's
 * {@code bufferedBytes} until polled, then in the association's undelivered bytes until the user
 * takes them, so a_rwnd follows what the user has read either way.
 *
 * <p>While a stream reset of the peer's waits for data still to come (RFC 6525 section 5.2.2
 * E2, "deferred reset processing"), later DATA or I-DATA of the streams being reset is
 * acknowledged and kept in a {@link DeferredResetQueue} of its own, which counts in the window
 * and reserves its room in reassembly's bound; when the streams are reset the queued chunks go to
 * reassembly in TSN order (E4). A chunk beyond the queue's bound is left unacknowledged, for the
 * peer to send again after the reset.
 */
final class DataReceiver {

    /** What became of one received DATA or I-DATA chunk. */
    enum Outcome {
        /** Kept: it will be acknowledged and delivered. */
        ACCEPTED,
        /** Already received: reported as a duplicate in the next SACK. */
        DUPLICATE,
        /** Not kept (no room, or too far ahead): the peer will retransmit it. */
        DROPPED,
        /** Kept as received, but its stream does not exist: the peer gets an Invalid Stream Identifier error (section 6.5). */
        INVALID_STREAM,
        /** The fragments contradict each other: the association is aborted. */
        PROTOCOL_VIOLATION
    }

    private static final int MAX_GAP_RANGES = 4096;
    private static final int MAX_DUPLICATES_REPORTED = 64;

    private DataTracker tracker;
    private ReassemblyQueue reassembly;
    private final AssociationConfig config;
    private final boolean interleaved;
    private final int receiveBufferBytes;
    /** The configured cap on gap blocks per SACK; otherwise the room in the packet decides (RFC 9260 section 6.2). */
    private final int maxGapBlocks;
    private final Timer delayedSack;
    private int lastAdvertisedWindow;
    /** Packets per SACK for DAC; null unless {@link #useDelayedAckForCmt()}. */
    private DacReceiverCounter dac;
    /** Chunks held for a deferred stream reset (RFC 6525 section 5.2.2 E2); DataChunk or IDataChunk. */
    private DeferredResetQueue<Chunk> deferredData;
    /** The Sender's Last Assigned TSN of the deferred reset, or null when none waits. */
    private Tsn deferredLastAssigned;
    /**
     * The TSN of a released chunk that contradicted reassembly, until {@link #pollReleaseViolation()}
     * takes it; null when none did.
     */
    private Tsn releaseViolation;
    /** FORWARD TSN / I-FORWARD-TSN chunks beyond {@link #deferredLastAssigned}, applied again after the release. */
    private final List<Chunk> forwardsDuringDeferral = new ArrayList<>(); // no array until one comes (idle heap)

    DataReceiver(AssociationConfig config, Tsn peerInitialTsn, int inboundStreams, boolean interleaved, Timer delayedSack) {
        this.config = config;
        this.interleaved = interleaved;
        this.tracker = new DataTracker(peerInitialTsn, MAX_GAP_RANGES, MAX_DUPLICATES_REPORTED);
        this.reassembly = newReassembly(inboundStreams);
        this.receiveBufferBytes = config.receiveBufferBytes();
        this.maxGapBlocks = config.maxGapAckBlocks() == AssociationConfig.GAP_BLOCKS_WHAT_FITS ? Integer.MAX_VALUE
                : config.maxGapAckBlocks();
        this.delayedSack = delayedSack;
        this.lastAdvertisedWindow = config.receiveBufferBytes();
        this.deferredData = newDeferredQueue();
    }

    /**
     * Turns on the receiver's side of Delayed Ack for CMT (draft-tuexen-tsvwg-sctp-multipath
     * section 3.3), for associations that run CMT: SACKs are delayed even when data arrives out of
     * order, and each SACK's flags say how many DATA packets it acknowledges ({@link DacFlags}).
     */
    void useDelayedAckForCmt() {
        dac = new DacReceiverCounter();
        tracker.setDelayOnReordering(true);
    }

    Outcome onData(DataChunk chunk, long undeliveredBytes) {
        return onData(chunk, undeliveredBytes, false);
    }

    /**
     * A DATA chunk; {@code heldBack} when a deferred stream reset holds it (RFC 6525 section
     * 5.2.2 E2): new, it is then acknowledged and queued for after the reset, or, with the queue
     * full, left unacknowledged; a duplicate is reported as one. The TSN is read as the chunk's
     * 32 bits ({@link DataChunk#tsnValue()}): no {@code Tsn} per chunk (issue 6).
     */
    Outcome onData(DataChunk chunk, long undeliveredBytes, boolean heldBack) {
        int tsn = chunk.tsnValue();
        if (!(reassembly instanceof DataReassemblyQueue queue)) {
            return Outcome.PROTOCOL_VIOLATION; // RFC 8260 section 2.1: DATA is not used once I-DATA is
        }
        Outcome pre = classify(tsn, undeliveredBytes);
        if (pre != null) {
            return pre;
        }
        if (heldBack) {
            return queueForDeferredReset(tsn, chunk, chunk.userData().length());
        }
        return record(tsn, queue.add(tracker.unwrap(tsn), chunk, tracker.isNextAfterCumulativeAck(tsn)));
    }

    Outcome onIData(IDataChunk chunk, long undeliveredBytes) {
        return onIData(chunk, undeliveredBytes, false);
    }

    /** An I-DATA chunk, as {@link #onData(DataChunk, long, boolean)} (RFC 8260: MIDs are reset too). */
    Outcome onIData(IDataChunk chunk, long undeliveredBytes, boolean heldBack) {
        if (!(reassembly instanceof IDataReassemblyQueue queue)) {
            return Outcome.PROTOCOL_VIOLATION; // RFC 8260 section 2.2: I-DATA only when negotiated
        }
        int tsn = chunk.tsn().value();
        Outcome pre = classify(tsn, undeliveredBytes);
        if (pre != null) {
            return pre;
        }
        if (heldBack) {
            return queueForDeferredReset(tsn, chunk, chunk.userData().length());
        }
        return record(tsn, queue.add(tracker.unwrap(tsn), chunk, tracker.isNextAfterCumulativeAck(tsn)));
    }

    /**
     * A FORWARD TSN (RFC 3758 section 3.6): the cumulative TSN moves to its New Cumulative TSN and
     * the reassembly queue drops what was skipped, aborting partial deliveries that cannot finish
     * ({@link #pollAbortedDeliveries()}). One not beyond the cumulative TSN is out of date and
     * changes nothing: {@link Outcome#DUPLICATE}, so a SACK goes at once. With I-DATA in use it is
     * a protocol violation (RFC 8260 section 2.3: I-FORWARD-TSN replaces it).
     */
    Outcome onForwardTsn(ForwardTsnChunk chunk) {
        if (!(reassembly instanceof DataReassemblyQueue queue)) {
            return Outcome.PROTOCOL_VIOLATION;
        }
        long newCumulative = tracker.unwrap(chunk.newCumulativeTsn());
        if (!tracker.forwardTo(chunk.newCumulativeTsn())) {
            return Outcome.DUPLICATE;
        }
        queue.forwardTsn(newCumulative, chunk.entries());
        rememberForDeferredReset(chunk, chunk.newCumulativeTsn());
        return Outcome.ACCEPTED;
    }

    /** An I-FORWARD-TSN (RFC 8260 section 2.3), as {@link #onForwardTsn} for I-DATA; without I-DATA a violation. */
    Outcome onIForwardTsn(IForwardTsnChunk chunk) {
        if (!(reassembly instanceof IDataReassemblyQueue queue)) {
            return Outcome.PROTOCOL_VIOLATION;
        }
        if (!tracker.forwardTo(chunk.newCumulativeTsn())) {
            return Outcome.DUPLICATE;
        }
        queue.forwardTsn(chunk.entries());
        rememberForDeferredReset(chunk, chunk.newCumulativeTsn());
        return Outcome.ACCEPTED;
    }

    /**
     * Whether a FORWARD TSN or I-FORWARD-TSN moving the cumulative TSN to {@code newCumulativeTsn}
     * names TSNs the peer cannot have sent ({@link DataTracker#isFarBeyondHighestReceived}).
     */
    boolean forwardsBeyondAnythingSent(Tsn newCumulativeTsn) {
        return tracker.isFarBeyondHighestReceived(newCumulativeTsn);
    }

    /** The partial deliveries aborted since the last call (RFC 6458 section 6.1.7). */
    List<AbortedPartialDelivery> pollAbortedDeliveries() {
        return reassembly.pollAbortedDeliveries();
    }

    /**
     * The association ends or restarts: every partial delivery in progress is aborted (then
     * reported by {@link #pollAbortedDeliveries()}).
     */
    void abortPartialDeliveries() {
        reassembly.abortPartialDeliveries();
    }

    /** After all chunks of a packet that carried DATA (RFC 9260 section 6.2, RFC 7053). */
    void onDataPacketEnd(boolean immediateRequested, long nowNanos) {
        tracker.onDataPacketProcessed(immediateRequested);
        if (dac != null) {
            dac.onDataPacket();
        }
        if (!tracker.isSackDueNow()) {
            delayedSack.startIfStopped(nowNanos); // section 6.2: at most the delayed-ACK time
        }
    }

    /** Whether a SACK must go out with the next packet. */
    boolean isSackDueNow() {
        return tracker.isSackDueNow();
    }

    /** The delayed-SACK timer fired: the SACK is due. */
    void onDelayedSackTimer() {
        tracker.markSackDue();
    }

    /** The size on the wire of the SACK {@link #createSack} would build now with {@code room} bytes for it. */
    int sackLength(int room) {
        return tracker.sackLength(maxGapBlocks, room);
    }

    boolean isSackPending() {
        return tracker.isSackPending();
    }

    /**
     * Builds the SACK, at most {@code room} bytes long (RFC 9260 section 6.2: as many Gap Ack
     * Blocks as fit the path MTU, the lowest first, see {@link DataTracker#createSack(int, int, int)}),
     * and clears the SACK-due state.
     */
    SackChunk createSack(long undeliveredBytes, int room) {
        delayedSack.stop();
        lastAdvertisedWindow = advertisedWindow(undeliveredBytes);
        SackChunk sack = tracker.createSack(lastAdvertisedWindow, maxGapBlocks, room);
        return dac == null ? sack : sack.withDacFlags(dac.takeSackFlags()); // draft section 3.3
    }

    /**
     * Whether the user's reading has opened the window enough since the last SACK that the peer,
     * possibly stalled on a small window, should hear of it now: by at least a packet or half the
     * buffer, whichever is less, so the update is worth a packet (receiver-side silly window
     * syndrome avoidance, RFC 9260 section 6.2 and RFC 1122 section 4.2.3.3, which takes the
     * minimum: with a buffer under two packets, requiring a full packet and half the buffer would
     * leave a peer that waits for the window, with nothing in flight, waiting forever).
     */
    boolean windowUpdateWorthSending(long undeliveredBytes, int mtu) {
        int now = advertisedWindow(undeliveredBytes);
        return lastAdvertisedWindow < receiveBufferBytes / 2
                && now - lastAdvertisedWindow >= Math.min(mtu, receiveBufferBytes / 2);
    }

    /**
     * a_rwnd (RFC 9260 section 6.2): the receive buffer less what reassembly holds and what was
     * delivered but not yet read by the user.
     */
    int advertisedWindow(long undeliveredBytes) {
        long free = receiveBufferBytes - reassembly.bufferedBytes() - deferredData.dataBytes() - undeliveredBytes;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, free));
    }

    /**
     * User-data bytes reassembly holds (fragments and complete messages not yet handed out), and
     * those queued for a deferred stream reset.
     */
    long reassemblyBytes() {
        return reassembly.bufferedBytes() + deferredData.dataBytes();
    }

    /** The next message or piece of one, or null. */
    ReceivedMessage poll() {
        return reassembly.poll();
    }

    Tsn cumulativeTsnAck() {
        return tracker.cumulativeTsnAck();
    }

    /**
     * {@return the TSN of a chunk that a deferred stream reset released (RFC 6525 section 5.2.2
     * E4) and that contradicted the fragments reassembly held, once; null when none did since the
     * last call}
     */
    Tsn pollReleaseViolation() {
        Tsn t = releaseViolation;
        releaseViolation = null;
        return t;
    }

    /** The cumulative TSN ack point's 32 bits, without a {@code Tsn} (issue 6). */
    int cumulativeTsnAckValue() {
        return tracker.cumulativeTsnAckValue();
    }

    /** Whether all received data is acknowledged and delivered from reassembly. */
    boolean hasGaps() {
        return tracker.hasGaps();
    }

    // ------------------------------------------------ stream reconfiguration (RFC 6525)

    /**
     * A reset of the peer's outgoing streams waits for our cumulative TSN to reach
     * {@code senderLastAssignedTsn} (section 5.2.2 E2): chunks the caller marks held back are
     * queued until {@link #resetStreams}.
     */
    void deferReset(Tsn senderLastAssignedTsn) {
        deferredLastAssigned = senderLastAssignedTsn;
    }

    /**
     * The inbound streams (all when empty) expect SSN/MID 0 next (section 5.2.2 E3); then the
     * chunks queued for the reset are processed, in TSN order (E4).
     */
    void resetStreams(int[] streams) {
        reassembly.resetStreams(streams);
        releaseDeferredData();
    }

    /**
     * Section 5.2.2 E4: the queued chunks go to reassembly in TSN order, so their SSNs or MIDs,
     * from 0 after the reset, order correctly. A FORWARD TSN or I-FORWARD-TSN that came during
     * the deferral beyond the Sender's Last Assigned TSN is applied again afterwards: its New
     * Cumulative TSN may cover queued chunks (those of messages it abandoned are dropped then,
     * whole messages kept, RFC 3758 section 3.6) and its stream entries, for a stream being
     * reset, name sequence numbers counted from the reset.
     */
    private void releaseDeferredData() {
        deferredLastAssigned = null;
        reassembly.setReserved(0);
        for (DeferredResetQueue.Held<Chunk> h : deferredData.drain()) {
            // The room was reserved, so reassembly takes them. A fragment contradicting what it
            // holds (a misbehaving peer) ends the association, as it would have had it come
            // without the deferral (RFC 9260 section 3.3.10.13); the rest is not released.
            ReassemblyQueue.AddResult r = ReassemblyQueue.AddResult.ACCEPTED;
            if (h.chunk() instanceof DataChunk d && reassembly instanceof DataReassemblyQueue q) {
                r = q.addReleased(h.unwrappedTsn(), d);
            } else if (h.chunk() instanceof IDataChunk i && reassembly instanceof IDataReassemblyQueue q) {
                r = q.add(h.unwrappedTsn(), i, true);
            }
            if (r == ReassemblyQueue.AddResult.PROTOCOL_VIOLATION) {
                releaseViolation = new Tsn((int) h.unwrappedTsn());
                forwardsDuringDeferral.clear();
                return;
            }
        }
        for (Chunk f : forwardsDuringDeferral) {
            if (f instanceof ForwardTsnChunk ft && reassembly instanceof DataReassemblyQueue q) {
                q.forwardTsn(tracker.unwrap(ft.newCumulativeTsn()), ft.entries());
            } else if (f instanceof IForwardTsnChunk ift && reassembly instanceof IDataReassemblyQueue q) {
                q.forwardTsn(ift.entries());
            }
        }
        forwardsDuringDeferral.clear();
    }

    private Outcome queueForDeferredReset(int tsn, Chunk chunk, int length) {
        if (!reassembly.hasRoomFor(length) || !deferredData.offer(tracker.unwrap(tsn), chunk)) {
            // Beyond the bound: not acknowledged, the peer sends it again after the reset.
            return Outcome.DROPPED;
        }
        reassembly.setReserved(deferredData.chargedBytes());
        tracker.observe(tsn);
        return Outcome.ACCEPTED;
    }

    private void rememberForDeferredReset(Chunk forward, Tsn newCumulativeTsn) {
        if (deferredLastAssigned != null && newCumulativeTsn.isAfter(deferredLastAssigned)) {
            forwardsDuringDeferral.add(forward);
        }
    }

    private DeferredResetQueue<Chunk> newDeferredQueue() {
        // Half the receive buffer at most, so the streams not being reset keep room too.
        return new DeferredResetQueue<>(config.receiveBufferBytes() / 2L,
                c -> c instanceof DataChunk d ? d.userData().length() : ((IDataChunk) c).userData().length());
    }

    /** Adds inbound streams (section 5.2.5). */
    void addStreams(int added) {
        reassembly.addStreams(added);
    }

    /** The highest TSN received, in or out of order. */
    Tsn highestTsnReceived() {
        return tracker.highestReceived();
    }

    /**
     * Starts receiving afresh from {@code nextTsn} with every stream at SSN/MID 0 (SSN/TSN reset,
     * RFC 6525 sections 5.2.4 and 5.2.7). The caller has taken what was deliverable; fragments
     * still in reassembly are dropped, as a FORWARD TSN to the highest TSN received would (the
     * caller reports aborted partial deliveries first).
     */
    void restartAt(Tsn nextTsn, int inboundStreams) {
        tracker = new DataTracker(nextTsn, MAX_GAP_RANGES, MAX_DUPLICATES_REPORTED);
        tracker.setDelayOnReordering(dac != null);
        reassembly = newReassembly(inboundStreams);
        deferredData = newDeferredQueue(); // what was queued belongs to the old TSN space
        deferredLastAssigned = null;
        forwardsDuringDeferral.clear();
        delayedSack.stop();
    }

    private ReassemblyQueue newReassembly(int inboundStreams) {
        return interleaved
                ? new IDataReassemblyQueue(inboundStreams, config.receiveBufferBytes(), config.partialDeliveryPointBytes())
                : new DataReassemblyQueue(inboundStreams, config.receiveBufferBytes(), config.partialDeliveryPointBytes());
    }

    void checkInvariants() {
        tracker.checkInvariants();
        reassembly.checkInvariants();
        deferredData.checkInvariants();
    }

    /** {@code tsn}: the chunk's TSN, its 32 bits; the tracker compares it wrap-safe (RFC 1982). */
    private Outcome classify(int tsn, long undeliveredBytes) {
        DataTracker.Observation o = tracker.classify(tsn);
        if (o == DataTracker.Observation.DUPLICATE) {
            tracker.observe(tsn); // records it for the next SACK's duplicate list
            return Outcome.DUPLICATE;
        }
        if (o == DataTracker.Observation.REFUSED) {
            return Outcome.DROPPED;
        }
        // RFC 9260 section 6.2: with no window left, new DATA beyond the highest TSN received is
        // dropped (a zero-window probe included); what fills a gap is still taken.
        if (advertisedWindow(undeliveredBytes) <= 0 && tracker.isBeyondHighestReceived(tsn)) {
            tracker.markDropped();
            return Outcome.DROPPED;
        }
        return null;
    }

    private Outcome record(int tsn, ReassemblyQueue.AddResult result) {
        switch (result) {
            case ACCEPTED:
                tracker.observe(tsn);
                return Outcome.ACCEPTED;
            case INVALID_STREAM:
                tracker.observe(tsn); // section 6.5: acknowledged, then reported and discarded
                return Outcome.INVALID_STREAM;
            case REFUSED_BUFFER_FULL:
                tracker.markDropped();
                return Outcome.DROPPED;
            case PROTOCOL_VIOLATION:
            default:
                return Outcome.PROTOCOL_VIOLATION;
        }
    }
}
