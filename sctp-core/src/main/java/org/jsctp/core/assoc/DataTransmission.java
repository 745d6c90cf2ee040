package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.cmt.CmtActivation;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.path.Path;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.tx.PathAcks;
import org.jsctp.core.tx.RtoEstimator;
import org.jsctp.core.tx.StreamScheduler;

/**
 * The sending side of data transfer: bundles DATA (with a due SACK first) into packets as cwnd,
 * the peer's window and Max.Burst allow (RFC 9260 sections 6.1 and 6.10), takes SACKs in
 * (section 6.2.1), runs T3-rtx expiries and fast retransmit (sections 6.3.3 and 7.2.4), tells the
 * user when the send buffer drains (RFC 6458 sections 6.1.9 and 8.1.5) and moves a shutdown on
 * once everything is acknowledged (section 9.2).
 */
final class DataTransmission {

    private final Tcb tcb;
    private final AssociationCounters counters;
    private final AssociationLifecycle lifecycle;
    private final ErrorCounter errors;
    private final PathSupervisor paths;
    private final DataDelivery delivery;
    private final ShutdownProcedure shutdown;
    private final StreamReconfiguration reconfig;
    private final Timer t3Rtx;
    private DataSender sender;
    private long bufferedAmountLowThreshold;
    private boolean noDelay;
    /** The DATA chunks of the packet being bundled, reused for every packet (transmitData). */
    private final ArrayList<Chunk> bundlingScratch = new ArrayList<>();

    DataTransmission(Tcb tcb, AssociationCounters counters, AssociationLifecycle lifecycle, ErrorCounter errors,
                     PathSupervisor paths, DataDelivery delivery, ShutdownProcedure shutdown,
                     StreamReconfiguration reconfig, Timer t3Rtx) {
        this.tcb = tcb;
        this.counters = counters;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.paths = paths;
        this.delivery = delivery;
        this.shutdown = shutdown;
        this.reconfig = reconfig;
        this.t3Rtx = t3Rtx;
        this.noDelay = tcb.config.noDelay();
    }

    /** (Re)creates the sender from our initial TSN, outbound streams and the peer's window. */
    void startSending(StreamScheduler scheduler) {
        sender = new DataSender(tcb.config, tcb.localInitialTsn, tcb.outboundStreams,
                Integer.toUnsignedLong(tcb.peerReceiverWindow), tcb.capabilities.interleaving(),
                tcb.capabilities.forwardTsn(), routing(), t3Rtx, counters,
                (m, sent, reason) -> tcb.emit(new AssociationEvent.SendFailed(m, sent, reason)),
                scheduler);
        sender.setNoDelay(noDelay);
    }

    /** The sender's view of the paths: RFC 9260 section 6.4 selection and each path's RTO. */
    private DataSender.Routing routing() {
        return new DataSender.Routing() {
            @Override
            public int dataPath() {
                return paths.dataPath().id();
            }

            @Override
            public int retransmissionPath(int lastPathId) {
                return paths.retransmissionPath(lastPathId).id();
            }

            @Override
            public RtoEstimator rto(int pathId) {
                return paths.set().get(pathId).rto();
            }

            @Override
            public int mtu(int pathId) {
                return paths.set().get(pathId).mtu();
            }

            @Override
            public boolean cmt() {
                return CmtActivation.isActive(tcb.config.cmtEnabled(), tcb.capabilities.nrSack());
            }

            @Override
            public List<Path> paths() {
                return paths.set().all();
            }
        };
    }

    /** The congestion figures of each path, zero before data transfer starts. */
    PathSupervisor.CongestionView congestionView() {
        return new PathSupervisor.CongestionView() {
            @Override
            public long cwnd(int pathId) {
                return sender == null ? 0 : sender.cwnd(pathId);
            }

            @Override
            public long ssthresh(int pathId) {
                return sender == null ? 0 : sender.ssthresh(pathId);
            }
        };
    }

    /** The sender, or null before data transfer starts. */
    DataSender sender() {
        return sender;
    }

    boolean owns(Timer t) {
        return t == t3Rtx;
    }

    void setNoDelay(boolean noDelay) {
        this.noDelay = noDelay;
        if (sender != null) {
            sender.setNoDelay(noDelay);
        }
    }

    boolean noDelay() {
        return noDelay;
    }

    void setBufferedAmountLowThreshold(long bytes) {
        this.bufferedAmountLowThreshold = bytes;
    }

    long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    long bufferedAmount() {
        return sender == null ? 0 : sender.bufferedAmount();
    }

    void onSack(SackChunk sack, long nowNanos) {
        onSack(sack, List.of(), nowNanos);
    }

    private void onSack(SackChunk sack, List<GapAckBlock> nrGapAckBlocks, long nowNanos) {
        if (sender == null || tcb.state == AssociationState.COOKIE_WAIT) {
            return;
        }
        long bufferedBefore = sender.bufferedAmount();
        DataSender.SackEffect effect = sender.onSack(sack, nrGapAckBlocks, nowNanos);
        if (effect.protocolViolation()) {
            // RFC 9260 section 6.2.1: acknowledging TSNs never sent is a protocol violation.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("SACK acknowledges TSNs never sent")));
            lifecycle.close("the peer acknowledged data we never sent", List.of());
            return;
        }
        if (!effect.newDataAcked() && sack.advertisedReceiverWindowCredit() == 0 && sender.hasDataInFlight()) {
            // RFC 9260 section 6.1: a peer that keeps answering our zero window probes is keeping
            // its window closed, not gone; the unanswered probes must not count as errors, or a
            // peer whose user stops reading for a while would be aborted after Max.Retrans RTOs.
            errors.clear();
            paths.onNewDataAcked();
        }
        if (effect.newDataAcked()) {
            errors.clear(); // section 8.1: an acknowledgement clears the association error counter
            PathAcks acked = effect.paths();
            for (int p = 0; p < paths.set().size(); p++) {
                if (acked.newlyAckedBytes(p) > 0) {
                    paths.onNewDataAcked(p); // section 8.2: the path the acked data went to is reachable
                }
            }
            if (sender.isIdle()) {
                tcb.emit(new AssociationEvent.SenderDry()); // RFC 6458 section 6.1.9: all data acknowledged
            }
            long bufferedAfter = sender.bufferedAmount();
            if (bufferedBefore > bufferedAmountLowThreshold && bufferedAfter <= bufferedAmountLowThreshold) {
                tcb.emit(new AssociationEvent.BufferedAmountLow(bufferedAfter));
            }
        }
        if (!effect.newDataAcked()) {
            // An NR-SACK may free chunks gap-acked before, acknowledging nothing new.
            onAbandonedReleased(bufferedBefore);
        }
        if (effect.fastRetransmitNow()) {
            transmitData(nowNanos, true); // section 7.2.4 step 3: one packet, regardless of cwnd
        }
    }

    /**
     * An NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2): taken as a SACK whose Gap Ack
     * Blocks are both kinds of block, the NR ones freed at once ({@link NrSackRules}).
     */
    void onNrSack(NrSackChunk nrSack, long nowNanos) {
        onSack(NrSackRules.asSack(nrSack), nrSack.nrGapAckBlocks(), nowNanos);
    }

    void onT3Expiry(long nowNanos) {
        counters.onT3Expiry();
        paths.onRetransmissionTimeout(sender.t3PathId()); // section 8.2, and the RTO backoff of 6.3.3 E2
        // RFC 9260 section 8.1: each T3-rtx expiry counts against Association.Max.Retrans.
        if (errors.countExceedsLimit()) {
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("retransmission limit reached")));
            lifecycle.close("data was retransmitted " + tcb.config.associationMaxRetransmits()
                    + " times without acknowledgement", List.of());
            return;
        }
        sender.onT3Expiry(nowNanos);
    }

    /**
     * Sends what is due: DATA as cwnd, the peer's window and Max.Burst allow (with a due SACK
     * bundled first), each packet filled to the path MTU (RFC 9260 sections 6.1 and 6.10), then
     * moves a shutdown on once everything is acknowledged.
     */
    void flush(long nowNanos) {
        if (!delivery.isStarted() || tcb.state == AssociationState.CLOSED || tcb.state == AssociationState.COOKIE_WAIT) {
            return;
        }
        AssociationState s = tcb.state;
        if (s == AssociationState.ESTABLISHED || s == AssociationState.SHUTDOWN_PENDING
                || s == AssociationState.SHUTDOWN_RECEIVED) {
            sender.beginTransmission(nowNanos);
            long bufferedBefore = sender.bufferedAmount();
            transmitData(nowNanos, false);
            onAbandonedReleased(bufferedBefore);
            reconfig.poll(nowNanos, paths.primary().rto().rtoNanos());
            delivery.deliverReleased(); // RFC 6525 section 5.2.2 E4: what a deferred reset released
        }
        delivery.sendSackIfDue();
        if (shutdown.progress(sender.isIdle(), delivery.receiver().cumulativeTsnAckValue(),
                paths.primary().rto().rtoNanos(), nowNanos)) {
            t3Rtx.stop();
            paths.stop(); // RFC 9260 section 8.3: no heartbeats once SHUTDOWN or SHUTDOWN ACK is sent
        }
    }

    /**
     * Sending releases bytes from the send buffer only when PR-SCTP abandoned messages on the way
     * (RFC 3758 section 3.5): the user hears of the room as after an acknowledgement.
     */
    private void onAbandonedReleased(long bufferedBefore) {
        long bufferedAfter = sender.bufferedAmount();
        if (bufferedAfter >= bufferedBefore) {
            return;
        }
        if (sender.isIdle()) {
            tcb.emit(new AssociationEvent.SenderDry());
        }
        if (bufferedBefore > bufferedAmountLowThreshold && bufferedAfter <= bufferedAmountLowThreshold) {
            tcb.emit(new AssociationEvent.BufferedAmountLow(bufferedAfter));
        }
    }

    /** Sends packets of DATA (with a due SACK bundled first) until nothing more may go. */
    private void transmitData(long nowNanos, boolean fastRetransmitOnce) {
        DataReceiver receiver = delivery.receiver();
        int mtu = paths.primary().mtu(); // the PLPMTU (RFC 8899) or the fixed MTU
        sender.onMtuChange(mtu);
        delivery.setSackPathMtu(mtu);
        // RFC 4895 section 6.2: room for the AUTH chunk when the peer wants DATA or SACK authenticated.
        int budget = mtu - CommonHeader.LENGTH - tcb.auth.overhead();
        List<Chunk> data = bundlingScratch;
        while (true) {
            // A SACK waiting for its delay rides along with DATA at no cost (RFC 9260 section 6.2),
            // before it (section 6.10: control chunks first); alone only once it is due.
            boolean sackPending = receiver.isSackPending();
            // A SACK as large as the MTU allows (section 6.2) that is not due yet does not ride
            // along when it would leave DATA less than half the packet: it waits for its delay.
            int sackLength = sackPending ? delivery.sackLength() : 0;
            boolean bundleSack = sackPending && (receiver.isSackDueNow() || sackLength <= budget / 2);
            data.clear();
            int dest = sender.nextChunks(data, nowNanos, bundleSack ? budget - sackLength : budget,
                    fastRetransmitOnce, tcb.state == AssociationState.SHUTDOWN_PENDING);
            Chunk sack = bundleSack && (!data.isEmpty() || receiver.isSackDueNow())
                    ? delivery.createSack() : null;
            if (!data.isEmpty()) {
                Path path = paths.set().get(dest);
                path.onDataSent(nowNanos); // the path is not idle (section 8.3)
                tcb.sendTo(PathSupervisor.addressOf(path), sack, data); // section 6.4
            } else if (sack != null) {
                tcb.sendSack(sack, data);
            }
            boolean sentData = !data.isEmpty();
            data.clear();
            if (!sentData || fastRetransmitOnce) {
                return;
            }
        }
    }
}
