package org.jsctp.core.assoc;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jsctp.core.cc.CongestionController;
import org.jsctp.core.cc.ProportionalRateReduction;
import org.jsctp.core.cc.SendPermit;
import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.cc.coupled.CoupledControllers;
import org.jsctp.core.cc.coupled.CoupledPaths;
import org.jsctp.core.cmt.BufferSplit;
import org.jsctp.core.cmt.CmtBufferSplitting;
import org.jsctp.core.cmt.CmtCongestionControl;
import org.jsctp.core.cmt.CwndUpdateForChangeover;
import org.jsctp.core.cmt.PathCwndUpdate;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.path.Path;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.OutstandingData;
import org.jsctp.core.tx.PathAcks;
import org.jsctp.core.tx.PathTables;
import org.jsctp.core.tx.RetransmitItem;
import org.jsctp.core.tx.RtoEstimator;
import org.jsctp.core.tx.SackOutcome;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.core.tx.StreamScheduler;
import org.jsctp.core.seq.Tsn;

/**
 * The sending half of an association's data transfer: the send queue, the data in flight, the
 * congestion window of each path, the peer's receive window and the T3-rtx timer (RFC 9260
 * sections 6.1, 6.2.1, 6.3, 7.2).
 *
 * <h2>Paths</h2>
 * {@link Routing} says where new data and retransmissions go (RFC 9260 section 6.4); each
 * destination has its own congestion controller and flight size (section 7.2: cwnd, ssthresh and
 * partial_bytes_acked per destination), and RTT measurements feed the RTO of the path the
 * measured chunk went to (section 6.3.1). One T3-rtx timer serves the association, as a
 * single-timer implementation of section 6.3.2: it runs whenever data is outstanding, with the RTO
 * of the path it was last started for, and its expiry is charged to that path (its RTO backs off,
 * its cwnd collapses, its error counter grows, section 6.3.3 E1 and E2); every outstanding chunk is
 * then marked for retransmission (E3) and goes to an alternate path when one is active.
 *
 * <h2>CMT</h2>
 * When {@link Routing#cmt()} says concurrent multipath transfer runs
 * (draft-tuexen-tsvwg-sctp-multipath section 3), new data is spread over the active paths with
 * room and retransmissions go where the {@link CmtPathSelection} says (while at least two paths
 * are active), miss indications follow Split Fast Retransmit and DAC ({@link
 * OutstandingData#setCmtMissRules}), each path's cwnd may grow when its pseudo-cumulative TSN ack
 * advances (CUC, {@link CwndUpdateForChangeover}) and a fast retransmission reduces the cwnd of
 * each path whose chunks it repairs. With a coupled {@link AssociationConfig#cmtCongestionControl()}
 * the paths' controllers share a {@link CoupledPaths} and grow (and for resource pooling shrink)
 * by their part of the association's window ({@link CoupledControllers}). With
 * {@link AssociationConfig#cmtBufferSplitting()} a path over its share of the send buffer or the
 * peer's window takes no new data ({@link BufferSplit}); retransmissions are not limited by it.
 */
final class DataSender {

    /**
     * What a SACK did, as far as the association must react: one per sender, refilled by every
     * SACK (issue 6: no garbage per SACK), so it holds until the next SACK only; its {@link
     * #paths()} is the {@link SackOutcome}'s, refilled likewise.
     */
    static final class SackEffect {
        private boolean protocolViolation;
        private boolean newDataAcked;
        private boolean fastRetransmitNow;
        private PathAcks paths;

        SackEffect set(boolean protocolViolation, boolean newDataAcked, boolean fastRetransmitNow, PathAcks paths) {
            this.protocolViolation = protocolViolation;
            this.newDataAcked = newDataAcked;
            this.fastRetransmitNow = fastRetransmitNow;
            this.paths = paths;
            return this;
        }

        boolean protocolViolation() {
            return protocolViolation;
        }

        boolean newDataAcked() {
            return newDataAcked;
        }

        boolean fastRetransmitNow() {
            return fastRetransmitNow;
        }

        /** {@return the bytes acked and chunks reneged per path; null unless the SACK was accepted} */
        PathAcks paths() {
            return paths;
        }
    }

    private final SackEffect sackEffect = new SackEffect();

    /** Where the sender's packets go, and each path's RTO (the association's paths answer). */
    interface Routing {
        /** The path new data goes to (RFC 9260 section 6.4). */
        int dataPath();

        /** The path retransmissions of chunks last sent on {@code lastPathId} go to (section 6.4). */
        int retransmissionPath(int lastPathId);

        /** The path's RTO estimator. */
        RtoEstimator rto(int pathId);

        /** The path's MTU (path MTU discovery may lower it below the configured one). */
        default int mtu(int pathId) {
            return Integer.MAX_VALUE;
        }

        /** Whether CMT runs: asked for and NR-SACK negotiated ({@code CmtActivation}). */
        default boolean cmt() {
            return false;
        }

        /** Every path of the association, for CMT's choice among them. */
        default List<Path> paths() {
            return List.of();
        }

        /** One path with one RTO estimator. */
        static Routing single(RtoEstimator rto) {
            return new Routing() {
                @Override
                public int dataPath() {
                    return 0;
                }

                @Override
                public int retransmissionPath(int lastPathId) {
                    return 0;
                }

                @Override
                public RtoEstimator rto(int pathId) {
                    return rto;
                }
            };
        }
    }

    private static final int MAX_OUTSTANDING_CHUNKS = 1 << 16;

    private final SendQueue queue;
    private final OutstandingData outstanding;
    /**
     * Per path id, created when the path first carries data (RFC 9260 section 7.2); the table grows
     * to the highest path id used, not made for {@link PathSupervisor#MAX_PATHS} up front (idle heap, issue 6).
     */
    private CongestionController[] cc = new CongestionController[1];
    private final Routing routing;
    /** Each path's flight size before the SACK being handled (reused: no allocation per SACK). */
    private long[] flightBeforeScratch = new long[1]; // as long as cc
    private final int pathMtu;
    private final long initialSsthresh;
    private final Timer t3;
    /** The path T3-rtx was last started for, whose RTO it runs with and to which its expiry is charged. */
    private int t3Path;
    /** The path whose chunks are being retransmitted (the one a T3-rtx expired on, or the data path for fast retransmit). */
    private int retransmitAwayFrom;
    private final boolean interleaved;
    private final long rtoMaxNanos;
    private final AssociationCounters counters;
    private boolean noDelay;
    private int fullPacketPayload;
    private final long sendBufferBytes;
    private int outboundStreams;
    private final int maxMessageBytes;
    private long peerWindow;
    private int lastAdvertisedWindow = -1;
    private long maxPeerWindow;
    private final PrSctpSender pr;
    /** CMT's path choice; null unless {@link Routing#cmt()} said CMT runs when the sender was made. */
    private final CmtPathSelection cmt;
    /** The coupling of the paths' windows with CMT; UNCOUPLED without CMT. */
    private final CmtCongestionControl coupling;
    /** CMT buffer splitting (FreeBSD's {@code sctp_buffer_splitting}); NONE without CMT. */
    private final CmtBufferSplitting bufferSplitting;
    /** The last {@link #bufferSplit()}, kept while the peer's window stays (issue 6: no garbage per packet). */
    private BufferSplit split;
    /** The paths the coupled controllers see of each other; null unless {@link #coupling} couples. */
    private final CoupledPaths coupledPaths;
    /** Per path, RFC 6937's proportional retransmission in Fast Recovery; null unless configured. */
    private final ProportionalRateReduction[] prr;

    DataSender(AssociationConfig config, Tsn localInitialTsn, int outboundStreams, long peerWindow,
               boolean interleaved, RtoEstimator rto, Timer t3, AssociationCounters counters) {
        this(config, localInitialTsn, outboundStreams, peerWindow, interleaved, false, rto, t3, counters,
                (m, sent, reason) -> { }, config.streamScheduler().create());
    }

    /**
     * @param forwardTsn whether the peer supports FORWARD TSN (RFC 3758 section 3.3), so sent
     *                   messages may be abandoned
     * @param abandonedSink told of every message PR-SCTP abandons
     * @param scheduler the stream scheduler (RFC 8260 section 3), owned by the send queue from now on
     */
    DataSender(AssociationConfig config, Tsn localInitialTsn, int outboundStreams, long peerWindow,
               boolean interleaved, boolean forwardTsn, RtoEstimator rto, Timer t3, AssociationCounters counters,
               PrSctpSender.Sink abandonedSink, StreamScheduler scheduler) {
        this(config, localInitialTsn, outboundStreams, peerWindow, interleaved, forwardTsn, Routing.single(rto), t3,
                counters, abandonedSink, scheduler);
    }

    /** As the constructor above, with the association's paths to route by. */
    DataSender(AssociationConfig config, Tsn localInitialTsn, int outboundStreams, long peerWindow,
               boolean interleaved, boolean forwardTsn, Routing routing, Timer t3, AssociationCounters counters,
               PrSctpSender.Sink abandonedSink, StreamScheduler scheduler) {
        this.queue = new SendQueue(outboundStreams, config.sendBufferBytes(),
                (int) Math.min(config.maxMessageBytes(), config.sendBufferBytes()), scheduler);
        this.outstanding = new OutstandingData(localInitialTsn, MAX_OUTSTANDING_CHUNKS, PathSupervisor.MAX_PATHS);
        outstanding.setLostRetransmissionDetection(config.lostRetransmissionDetection());
        // RFC 9260 section 7.2.1: the initial ssthresh may be arbitrarily high, e.g. the peer's a_rwnd.
        this.pathMtu = config.pathMtu();
        this.initialSsthresh = Math.max(peerWindow, 1);
        this.routing = routing;
        // Coupled congestion control only matters, and only runs, where CMT does (CmtActivation).
        this.coupling = routing.cmt() ? config.cmtCongestionControl() : CmtCongestionControl.UNCOUPLED;
        // Buffer splitting, too, limits only CMT's spreading of new data (FreeBSD applies it with CMT on).
        this.bufferSplitting = routing.cmt() ? config.cmtBufferSplitting() : CmtBufferSplitting.NONE;
        this.coupledPaths = coupling == CmtCongestionControl.UNCOUPLED ? null
                : new CoupledPaths(p -> routing.rto(p).srttNanos());
        cc(routing.dataPath());
        this.t3 = t3;
        this.interleaved = interleaved;
        this.rtoMaxNanos = config.rtoMaxNanos();
        this.noDelay = config.noDelay();
        this.counters = counters;
        this.fullPacketPayload = config.pathMtu() - CommonHeader.LENGTH;
        this.sendBufferBytes = config.sendBufferBytes();
        this.outboundStreams = outboundStreams;
        this.maxMessageBytes = (int) Math.min(config.maxMessageBytes(), config.sendBufferBytes());
        this.peerWindow = peerWindow;
        this.maxPeerWindow = peerWindow;
        this.pr = new PrSctpSender(queue, outstanding, forwardTsn, interleaved, counters, abandonedSink);
        this.cmt = routing.cmt() ? new CmtPathSelection(new CmtPathSelection.Figures() {
            @Override
            public CongestionController cc(int pathId) {
                return DataSender.this.cc(pathId);
            }

            @Override
            public long flightSize(int pathId) {
                return outstanding.bytesInFlight(pathId);
            }
        }) : null;
        outstanding.setCmtMissRules(cmt != null); // draft-tuexen-tsvwg-sctp-multipath sections 3.1 and 3.3
        this.prr = config.proportionalRateReduction() ? new ProportionalRateReduction[PathSupervisor.MAX_PATHS] : null;
    }

    SendQueue.OfferResult offer(OutgoingMessage message, long nowNanos) {
        int length = message.payload().length();
        // The send buffer bounds all the user data we hold until the peer acknowledges it, queued
        // and in flight (AssociationConfig.sendBufferBytes); the queue alone counts only what is
        // not yet sent, so without this a peer slow to acknowledge made us hold more. Found by
        // fuzzing. An offer the queue would refuse anyway keeps the queue's reason.
        if (length > 0 && length <= maxMessageBytes && message.streamId() < outboundStreams
                && bufferedAmount() + length > sendBufferBytes
                && !pr.makeRoom(message, bufferedAmount() + length - sendBufferBytes)) {
            return SendQueue.OfferResult.REFUSED_BUFFER_FULL; // RFC 7496 section 3.2 made no room either
        }
        return queue.offer(message, nowNanos);
    }

    /**
     * The path MTU changed (PLPMTUD, RFC 8899): new fragments and packets follow it, and each
     * path's congestion controller follows its own path's MTU for its MTU-based formulas. Chunks
     * already sent keep their size: their TSNs are assigned, so they cannot be fragmented again
     * (RFC 9260 section 6.9).
     */
    void onMtuChange(int mtu) {
        fullPacketPayload = mtu - CommonHeader.LENGTH;
        for (int p = 0; p < cc.length; p++) {
            if (cc[p] != null) {
                cc[p].onMtuChange(mtuOf(p));
            }
        }
    }

    /** The congestion controller of a path, created at its first use (RFC 9260 section 7.2.1: initial cwnd). */
    private CongestionController cc(int pathId) {
        if (pathId >= cc.length) {
            cc = Arrays.copyOf(cc, PathTables.grownLength(cc.length, pathId, PathSupervisor.MAX_PATHS));
        }
        CongestionController c = cc[pathId];
        if (c == null) {
            c = coupledPaths == null ? new RenoCongestionController(RenoConfig.defaults(mtuOf(pathId)), initialSsthresh)
                    : CoupledControllers.create(coupling, coupledPaths, pathId, RenoConfig.defaults(mtuOf(pathId)),
                            initialSsthresh, Math.max(1, routing.paths().size()));
            cc[pathId] = c;
        }
        return c;
    }

    /** The MTU of a path as the routing knows it, the configured one where it does not. */
    private int mtuOf(int pathId) {
        int mtu = routing.mtu(pathId);
        return mtu == Integer.MAX_VALUE ? pathMtu : mtu;
    }

    /** Opens a transmission opportunity on every path (idle decay, a fresh Max.Burst budget). */
    void beginTransmission(long nowNanos) {
        for (int p = 0; p < cc.length; p++) {
            if (cc[p] != null) {
                cc[p].beginTransmission(nowNanos, routing.rto(p).rtoNanos());
            }
        }
    }

    /**
     * The DATA chunks for one packet with {@code space} bytes left: retransmissions first
     * (RFC 9260 section 6.1), then new data within cwnd and the peer's window. With
     * {@code fastRetransmitNow} the fast retransmissions go out regardless of cwnd (section 7.2.4
     * step 3). With {@code lastBeforeShutdown} the chunk that empties the send queue carries the I
     * bit, so the peer acknowledges it at once and the shutdown is not held up by a delayed SACK
     * (RFC 7053 section 4.1). The chunks are appended to {@code chunks}, which must be empty.
     *
     * @return the path the chunks are for (RFC 9260 section 6.4): the packet goes to its address
     */
    int nextChunks(List<Chunk> chunks, long nowNanos, int space, boolean fastRetransmitNow,
                   boolean lastBeforeShutdown) {
        pr.beforeTransmission(nowNanos);
        // RFC 9260 section 6.4: retransmissions to an alternate when one is active, new data to the data path.
        int dest = outstanding.hasRetransmissionsPending() ? retransmissionDestination() : newDataDestination();
        CongestionController cc = cc(dest);
        // A packet to a path whose MTU is below the one bundling assumed (the data path's) is that much smaller.
        space -= Math.max(0, fullPacketPayload + CommonHeader.LENGTH - routing.mtu(dest));
        // RFC 3758 section 3.5 C4: a FORWARD TSN goes before the DATA it is bundled with.
        Chunk forwardTsn = pr.takeForwardTsn(space); // RFC 3758 section 3.5: it must fit the packet
        if (forwardTsn != null) {
            chunks.add(forwardTsn);
            space -= forwardTsn.encodedLength();
        }
        long flight = outstanding.bytesInFlight();
        long pathFlight = outstanding.bytesInFlight(dest);
        if (outstanding.hasRetransmissionsPending()) {
            if (fastRetransmitNow || cc.mayTransmit(pathFlight).isAllowed() || prrAllows(dest, cc, pathFlight)) {
                long bytes = 0;
                Tsn firstOutstanding = outstanding.cumulativeTsnAcked().next();
                boolean firstFastRetransmitted = false;
                for (RetransmitItem item : outstanding.takeRetransmissions(space, fastRetransmitNow, dest)) {
                    chunks.add(item.chunk());
                    bytes += item.payloadBytes();
                    counters.onRetransmission(item.fastRetransmit());
                    firstFastRetransmitted |= item.fastRetransmit() && item.tsn().equals(firstOutstanding);
                }
                if (chunks.size() > (forwardTsn == null ? 0 : 1)) {
                    cc.onDataSent(nowNanos, bytes);
                    prrSent(dest, bytes);
                    if (firstFastRetransmitted) {
                        // RFC 9260 section 7.2.4 step 4: retransmitting the first outstanding DATA
                        // chunk restarts T3-rtx, so the timer started for its first transmission
                        // does not expire while the fast retransmission is on its way.
                        startT3(nowNanos, dest);
                    } else {
                        armT3(nowNanos, dest);
                    }
                }
            }
            return dest; // new data waits until retransmissions are done
        }
        if (!cc.mayTransmit(pathFlight).isAllowed() || overShare(dest)) {
            return dest; // no cwnd room, or (CMT buffer splitting) no room in the path's share
        }
        int header = interleaved ? IDataChunk.FIXED_VALUE_LENGTH + 4 : DataChunk.FIXED_VALUE_LENGTH + 4;
        if (!noDelay && flight > 0 && queue.bufferedBytes() < space - header && !lastBeforeShutdown) {
            return dest; // Nagle: a packet that would not be full waits for the data in flight
        }
        long bytes = 0;
        while (space > header && outstanding.hasRoom()) {
            long window = peerWindow - flight - bytes;
            // Sender-side silly window avoidance (RFC 9260 section 6.1, RFC 1122 4.2.3.4): do not
            // cut a small fragment to fit a window that is nearly shut; wait for it to open.
            boolean silly = window > 0 && window < space - header && window < maxPeerWindow / 2
                    && window < queue.bufferedBytes();
            // RFC 9260 section 6.1 rule A: nothing new beyond the peer's window, except one chunk
            // while nothing is in flight. It probes a window that is shut, or too small to use:
            // with nothing in flight no SACK will come, and the window update may be lost.
            boolean probe = (window <= 0 || silly) && flight + bytes == 0;
            if ((window <= 0 || silly) && !probe) {
                break;
            }
            int allowed = probe ? space - header : (int) Math.min(space - header, window);
            if (!chunks.isEmpty() && queue.schedulerClosesPacket()) {
                break; // RFC 8260 section 3.3: the packet's stream has no more data
            }
            if (!chunks.isEmpty()) {
                int remaining = queue.nextMessageRemaining(interleaved);
                if (remaining > allowed && remaining <= fullPacketPayload - header) {
                    break; // it fits a packet of its own: no need to split it across two
                }
            }
            // The TSN travels as an int and the chunk comes straight from the queue: no Tsn,
            // Ssn or OutgoingFragment per chunk sent (issue 6); RFC 1982 order stays OutstandingData's.
            int tsn = outstanding.nextTsnValue();
            Chunk chunk = queue.produceChunk(nowNanos, allowed, interleaved, tsn);
            if (chunk == null) {
                break;
            }
            OutgoingMessage message = queue.lastProducedMessage();
            if (lastBeforeShutdown && queue.isEmpty() && UserDataChunks.ending(chunk)) {
                chunk = UserDataChunks.withImmediate(chunk); // RFC 7053 section 4.1: the last DATA before SHUTDOWN
            }
            int payloadBytes = UserDataChunks.payloadLength(chunk);
            outstanding.add(tsn, chunk, payloadBytes, nowNanos, message, dest);
            pr.onChunkSent(message, chunk, tsn);
            chunks.add(chunk);
            bytes += payloadBytes;
            space -= chunk.encodedLength();
            if (probe) {
                break;
            }
        }
        if (chunks.size() > (forwardTsn == null ? 0 : 1)) {
            queue.packetCompleted();
            cc.onDataSent(nowNanos, bytes);
            prrSent(dest, bytes);
            armT3(nowNanos, dest);
        }
        return dest;
    }

    /** RFC 9260 section 6.4, or with CMT spreading the {@link CmtPathSelection}'s choice. */
    private int retransmissionDestination() {
        List<Path> paths = cmt == null ? List.of() : routing.paths();
        if (cmt != null && CmtPathSelection.spreads(paths)) {
            int p = cmt.retransmissionPath(paths, retransmitAwayFrom);
            if (p >= 0) {
                return p;
            }
        }
        return routing.retransmissionPath(retransmitAwayFrom);
    }

    /**
     * RFC 9260 section 6.4's data path, or with CMT spreading the next active path with room
     * (draft-tuexen-tsvwg-sctp-multipath section 3); the data path when none has room (then
     * nothing new goes, but a FORWARD TSN still may).
     */
    private int newDataDestination() {
        List<Path> paths = cmt == null ? List.of() : routing.paths();
        if (cmt != null && CmtPathSelection.spreads(paths)) {
            OptionalInt p = cmt.newDataPath(paths, bufferSplit());
            if (p.isPresent()) {
                return p.getAsInt();
            }
        }
        return routing.dataPath();
    }

    /**
     * Whether CMT buffer splitting keeps new data off {@code dest}: an active path over its share
     * while CMT spreads data. The scheduler never names such a path; this holds the data path it
     * falls back to when no path has room, which would otherwise take what the scheduler refused.
     */
    private boolean overShare(int dest) {
        if (bufferSplitting == CmtBufferSplitting.NONE) {
            return false; // also whenever CMT does not run (cmt is null then)
        }
        List<Path> paths = routing.paths();
        return CmtPathSelection.spreads(paths) && cmt.overShare(paths, dest, bufferSplit());
    }

    /**
     * The buffer splitting in force (FreeBSD's {@code sctp_buffer_splitting}): the send buffer
     * and the peer's last a_rwnd (RFC 9260 section 6.2.1), to be divided among the active paths.
     */
    private BufferSplit bufferSplit() {
        if (bufferSplitting == CmtBufferSplitting.NONE) {
            return BufferSplit.OFF;
        }
        long window = Math.max(0, peerWindow);
        if (split == null || split.peerWindowBytes() != window) {
            split = new BufferSplit(bufferSplitting, sendBufferBytes, window); // anew only when a_rwnd changes
        }
        return split;
    }

    /** RFC 9260 section 6.2.1. */
    SackEffect onSack(SackChunk sack, long nowNanos) {
        return onSack(sack, List.of(), nowNanos);
    }

    /**
     * RFC 9260 section 6.2.1 for a SACK or, with {@code nrGapAckBlocks}, an NR-SACK (its Gap Ack
     * Blocks in {@code sack} including the NR ones, see {@link NrSackRules#asSack}): the chunks in
     * the NR blocks are freed at once (draft-tuexen-tsvwg-sctp-multipath section 4.2).
     */
    SackEffect onSack(SackChunk sack, List<GapAckBlock> nrGapAckBlocks, long nowNanos) {
        int dataPath = routing.dataPath();
        boolean inFastRecovery = cc(dataPath).inFastRecovery(); // first: it may grow the table
        if (flightBeforeScratch.length < cc.length) {
            flightBeforeScratch = new long[cc.length];
        }
        long[] flightBefore = flightBeforeScratch;
        for (int p = 0; p < cc.length; p++) {
            flightBefore[p] = cc[p] == null ? 0 : outstanding.bytesInFlight(p);
        }
        SackOutcome r = outstanding.applySack(sack, nrGapAckBlocks, nowNanos, inFastRecovery);
        r.forgetAckedMessages(); // nothing here needs them: the user's messages go when the SACK is handled
        if (r.isProtocolViolation()) {
            return sackEffect.set(true, false, false, null);
        }
        if (r.isStale()) {
            return sackEffect.set(false, false, false, null);
        }
        if (r.hasRttSample()) {
            // Section 6.3.1 C5: Karn's rule applied by OutstandingData; the RTO of the path measured.
            int measured = r.paths().rttSamplePathId();
            routing.rto(measured >= 0 ? measured : dataPath).onRttMeasurement(r.rttSampleNanos());
        }
        boolean windowReopened = lastAdvertisedWindow == 0 && sack.advertisedReceiverWindowCredit() != 0;
        lastAdvertisedWindow = sack.advertisedReceiverWindowCredit();
        maxPeerWindow = Math.max(maxPeerWindow, Integer.toUnsignedLong(lastAdvertisedWindow));
        peerWindow = r.peerReceiverWindow(); // section 6.2.1 (C) and (D)(ii), less flight when used
        pr.afterSack();
        if (windowReopened && !outstanding.isEmpty()) {
            // What we sent into the closed window was dropped (section 6.2: the receiver MUST drop
            // DATA beyond what it holds while its window is 0): send it again now, not after T3.
            outstanding.markAllForRetransmission();
        }
        // draft-tuexen-tsvwg-sctp-multipath section 3.2 (CUC): with CMT a path may also grow when
        // its own pseudo-cumulative TSN ack advanced.
        Map<Integer, PathCwndUpdate> cuc = cmt == null || outstanding.lastCmtDigest() == null ? Map.of()
                : CwndUpdateForChangeover.updates(outstanding.lastCmtDigest());
        for (int p = 0; p < cc.length; p++) {
            if (cc[p] != null) { // section 7.2: each destination's window follows what was acked on it
                PathCwndUpdate u = cuc.get(p);
                boolean mayGrow = r.cumulativeAckAdvanced() || (u != null && u.mayIncrease());
                cc[p].onSack(nowNanos, sack.cumulativeTsnAckValue(), mayGrow, // the 32 bits: no Tsn per SACK (issue 6)
                        r.paths().newlyAckedBytes(p), flightBefore[p], outstanding.bytesInFlight(p));
            }
        }
        prrOnSack(r.paths());
        if (outstanding.isEmpty()) {
            t3.stop(); // section 6.3.2 R2
        } else if (r.cumulativeAckAdvanced()) {
            startT3(nowNanos, timedPath()); // section 6.3.2 R3, for the oldest data still in flight
        }
        boolean fastNow = false;
        if (r.fastRetransmitNeeded() && cmt != null && anyFastMarkedPath()) {
            // CMT: each path whose chunks are repaired enters Fast Recovery (its cwnd, section 7.2.4 step 2).
            boolean first = true;
            for (int p = 0; p < cc.length; p++) {
                if (outstanding.fastMarkedOnPath(p)) {
                    if (first) {
                        retransmitAwayFrom = p;
                        first = false;
                    }
                    boolean entered = cc(p).onFastRetransmit(nowNanos, outstanding.highestTsnSent());
                    fastNow |= entered;
                    if (entered) {
                        prrEnter(p, flightBefore[p]);
                    }
                }
            }
        } else if (r.fastRetransmitNeeded()) {
            retransmitAwayFrom = dataPath; // section 7.2.4: the losses were (mostly) sent on the data path
            fastNow = cc(dataPath).onFastRetransmit(nowNanos, outstanding.highestTsnSent());
            if (fastNow) {
                prrEnter(dataPath, flightBefore[dataPath]);
            }
        }
        return sackEffect.set(false, r.newlyAckedBytes() > 0, fastNow, r.paths());
    }

    // ------------------------------------------------ Proportional Rate Reduction (RFC 6937), optional

    /**
     * Whether marked chunks may go to {@code pathId} although its cwnd is full: only with
     * {@link AssociationConfig#proportionalRateReduction()}, in Fast Recovery, and while RFC 6937's
     * sndcnt is positive; Max.Burst and the one packet after a timeout still apply.
     */
    private boolean prrAllows(int pathId, CongestionController c, long pathFlight) {
        return prr != null && prr[pathId] != null && c.inFastRecovery() && prr[pathId].allowsPacket()
                && c.mayTransmit(pathFlight) == SendPermit.CWND_FULL;
    }

    private void prrEnter(int pathId, long flightSizeAtStart) {
        if (prr != null) {
            if (prr[pathId] == null) {
                prr[pathId] = new ProportionalRateReduction();
            }
            prr[pathId].enter(flightSizeAtStart, cc(pathId).ssthresh()); // RFC 6937 section 3.1: RecoverFS
        }
    }

    private void prrSent(int pathId, long bytes) {
        if (prr != null && prr[pathId] != null) {
            prr[pathId].onSent(bytes);
        }
    }

    /** Each SACK: the data it reports delivered per path, or the end of recovery (RFC 6937 section 3.1). */
    private void prrOnSack(PathAcks acks) {
        if (prr == null) {
            return;
        }
        for (int p = 0; p < prr.length; p++) {
            if (prr[p] != null && prr[p].isActive()) {
                if (p >= cc.length || cc[p] == null || !cc[p].inFastRecovery()) {
                    prr[p].exit();
                } else {
                    prr[p].onDelivered(acks.newlyAckedBytes(p));
                }
            }
        }
    }

    private boolean anyFastMarkedPath() {
        for (int p = 0; p < cc.length; p++) {
            if (outstanding.fastMarkedOnPath(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A SACK saying only what a SHUTDOWN's Cumulative TSN Ack says (RFC 9260 section 9.2), with
     * the peer's window left as it was.
     */
    /** {@return whether {@code cumulativeTsnAck} acknowledges a TSN we have not sent yet} */
    boolean acknowledgesUnsent(Tsn cumulativeTsnAck) {
        return cumulativeTsnAck.isAtOrAfter(outstanding.nextTsn());
    }

    SackChunk sackFromCumulativeAck(Tsn cumulativeTsnAck) {
        return SackChunk.of(cumulativeTsnAck, (int) Math.min(0xFFFF_FFFFL, peerWindow));
    }

    /** T3-rtx expired (RFC 9260 section 6.3.3 E1 and E3; the caller has backed the RTO off, E2). */
    void onT3Expiry(long nowNanos) {
        t3Path = timedPath();
        cc(t3Path).onRetransmissionTimeout(nowNanos); // E1 (E2, the RTO backoff, is done by the path)
        retransmitAwayFrom = t3Path;
        outstanding.markAllForRetransmission(); // E3 (one timer: every outstanding chunk)
        pr.onT3Expiry();
        if (!outstanding.isEmpty()) {
            // R4: the retransmission goes out with this expiry, under the RTO of where it goes.
            startT3(nowNanos, routing.retransmissionPath(t3Path));
        }
    }

    /**
     * The path T3-rtx runs for, the one an expiry is charged to (RFC 9260 section 6.3.3): that of
     * the oldest chunk in flight, else the one it was last started for.
     */
    int t3PathId() {
        return timedPath();
    }

    private int timedPath() {
        int oldest = outstanding.oldestInFlightPath();
        return oldest >= 0 ? oldest : t3Path;
    }

    /** Whether DATA sent is waiting for its acknowledgement (a zero window probe, for one). */
    boolean hasDataInFlight() {
        return !outstanding.isEmpty();
    }

    /** Whether nothing is queued or in flight: the condition for sending SHUTDOWN (section 9.2). */
    boolean isIdle() {
        return queue.isEmpty() && outstanding.isEmpty();
    }

    /** Bytes accepted from the user and not yet acknowledged by the peer. */
    long bufferedAmount() {
        return queue.bufferedBytes() + outstanding.bytesHeld(); // marked for retransmission counts too (fuzzing)
    }

    /** cwnd of the data path. */
    long cwnd() {
        return cc(routing.dataPath()).cwnd();
    }

    /** cwnd of one path (RFC 9260 section 7.2), 0 if it never carried data. */
    long cwnd(int pathId) {
        return pathId >= cc.length || cc[pathId] == null ? 0 : cc[pathId].cwnd();
    }

    /** ssthresh of one path, 0 if it never carried data. */
    long ssthresh(int pathId) {
        return pathId >= cc.length || cc[pathId] == null ? 0 : cc[pathId].ssthresh();
    }

    /** ssthresh of the data path. */
    long ssthresh() {
        return cc(routing.dataPath()).ssthresh();
    }

    /** rwnd: the peer's last a_rwnd less what was sent since (RFC 9260 section 6.2.1). */
    long peerWindow() {
        return peerWindow;
    }

    /** Bytes the send queue accepts before refusing with {@code REFUSED_BUFFER_FULL}. */
    /**
     * What {@link #offer} accepts before it refuses with REFUSED_BUFFER_FULL: the send buffer
     * less what is queued and what is in flight, as {@link #offer} counts (not only the queue's
     * room, which told a sender filling the buffer it could send while offers were refused).
     */
    long sendBufferAvailable() {
        return Math.max(0, Math.min(queue.availableBytes(), sendBufferBytes - bufferedAmount()));
    }

    /** SCTP_NODELAY (RFC 6458 section 8.1.5) changed on the live association; the next transmission follows it. */
    void setNoDelay(boolean noDelay) {
        this.noDelay = noDelay;
    }

    /** SCTP_STREAM_SCHEDULER_VALUE (RFC 8260 section 4.3.2) for the live scheduler. */
    void setStreamSchedulerValue(int streamId, int value) {
        queue.setStreamSchedulerValue(streamId, value);
    }

    /** Messages never sent, for a send-failed report when the association ends. */
    List<OutgoingMessage> clearUnsent() {
        return queue.clear();
    }

    /**
     * The association ended: hands back every message sent but not acknowledged, then every
     * message not (completely) sent, and forgets them all.
     */
    void drainUndelivered(BiConsumer<OutgoingMessage, Boolean> sink) {
        List<Object> sent = outstanding.abandon(x -> true);
        List<OutgoingMessage> unsent = queue.clear();
        if (sent.isEmpty() && unsent.isEmpty()) {
            t3.stop();
            return; // nothing undelivered (an idle association): no set to build
        }
        Set<Object> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object m : sent) {
            if (m instanceof OutgoingMessage message && reported.add(message)) {
                sink.accept(message, true);
            }
        }
        for (OutgoingMessage m : unsent) {
            if (reported.add(m)) {
                sink.accept(m, false); // a partly sent message was already reported as sent
            }
        }
        t3.stop();
    }

    // ------------------------------------------------ stream reconfiguration (RFC 6525)

    /** Holds new messages of the streams (all when empty) while their reset is pending (section 5.1.2). */
    void pauseStreams(int[] streams) {
        if (streams.length == 0) {
            queue.pauseAll(true);
        } else {
            queue.pauseStreams(streams);
        }
    }

    /** Lets the streams (all when empty) send again after their reset completed or failed. */
    void resumeStreams(int[] streams) {
        if (streams.length == 0) {
            queue.pauseAll(false);
        } else {
            queue.resumeStreams(streams);
        }
    }

    /** Whether a message of one of the streams (any stream when empty) is partly sent. */
    boolean hasPartialMessage(int[] streams) {
        if (streams.length == 0) {
            return queue.hasPartialMessages();
        }
        for (int id : streams) {
            if (queue.hasPartialMessage(id)) {
                return true;
            }
        }
        return false;
    }

    /** The streams' (all when empty) next SSN and MIDs go to 0 (section 5.1.2, on success). */
    void resetStreams(int[] streams) {
        queue.resetStreams(streams);
    }

    /** The TSN the next new DATA chunk gets. */
    Tsn nextTsn() {
        return outstanding.nextTsn();
    }

    /** The highest TSN the peer acknowledged cumulatively. */
    Tsn cumulativeTsnAcked() {
        return outstanding.cumulativeTsnAcked();
    }

    /** Gives the sender a new TSN space once nothing is outstanding (SSN/TSN reset, sections 5.2.4 and 5.2.7). */
    void restartAt(Tsn nextTsn) {
        outstanding.restartAt(nextTsn);
        t3.stop();
    }

    /** Adds outbound streams (section 5.1.5, once the peer accepted). */
    void addStreams(int added) {
        queue.addStreams(added);
        outboundStreams += added;
    }

    void checkInvariants() {
        queue.checkInvariants();
        outstanding.checkInvariants();
        for (CongestionController c : cc) {
            if (c != null) {
                c.checkInvariants();
            }
        }
        pr.checkInvariants();
        if (!outstanding.isEmpty() && !t3.isRunning()) {
            throw new IllegalStateException("data outstanding without a running T3-rtx");
        }
    }

    private void armT3(long nowNanos, int pathId) {
        if (!t3.isRunning()) {
            startT3(nowNanos, pathId); // section 6.3.2 R1 (and R4 after an expiry, with the backed-off RTO)
        }
    }

    private void startT3(long nowNanos, int pathId) {
        t3Path = pathId;
        t3.setDuration(routing.rto(pathId).rtoNanos(), rtoMaxNanos);
        t3.start(nowNanos);
    }

    /**
     * The peer deleted the address of path {@code pathId} (RFC 5061 section 5.2; the sender's
     * side of section 5.3 rule D4): the chunks last sent there are marked for retransmission, which
     * goes to the paths still in use; nothing is lost or sent twice as new data.
     *
     * @return how many chunks were marked
     */
    int retransmitAwayFromRemovedPath(int pathId) {
        if (retransmitAwayFrom == pathId) {
            retransmitAwayFrom = -1;
        }
        return outstanding.markForRetransmission(pathId);
    }
}
