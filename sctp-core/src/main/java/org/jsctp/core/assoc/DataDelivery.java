package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.cmt.CmtActivation;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.cause.InvalidStreamIdentifierCause;
import org.jsctp.core.packet.cause.NoUserDataCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.rx.AbortedPartialDelivery;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The receiving side of data transfer: hands DATA, I-DATA and FORWARD TSN chunks to the
 * {@link DataReceiver} (RFC 9260 section 6.2, RFC 3758 section 3.6, RFC 8260 section 2.3),
 * delivers what reassembly completes to the user as events, reports aborted partial deliveries
 * (RFC 6458 section 6.1.7), and keeps the receive window following what the application has
 * read (RFC 9260 section 6.2: bytes handed out count until taken).
 */
final class DataDelivery {

    private final Tcb tcb;
    private final AssociationCounters counters;
    private final AssociationLifecycle lifecycle;
    private final Timer delayedSack;
    private DataReceiver receiver;
    private long undeliveredBytes;
    private boolean manualReadCredit;
    /** The MTU of the path SACKs go out on, as the transmission last saw it (PLPMTUD may lower it). */
    private int sackPathMtu;

    DataDelivery(Tcb tcb, AssociationCounters counters, AssociationLifecycle lifecycle, Timer delayedSack) {
        this.tcb = tcb;
        this.counters = counters;
        this.lifecycle = lifecycle;
        this.delayedSack = delayedSack;
        this.sackPathMtu = tcb.config.pathMtu();
    }

    /** The path MTU changed or was looked at: SACKs are sized to fit one packet of it (RFC 9260 section 6.2). */
    void setSackPathMtu(int mtu) {
        this.sackPathMtu = Math.min(mtu, tcb.config.pathMtu());
    }

    /**
     * The room for our SACK or NR-SACK chunk in a packet: the path MTU less the common header and
     * the AUTH chunk when SACKs are authenticated (RFC 4895 section 6.2); the SACK proper gets 4
     * bytes less when an NR-SACK goes in its place.
     */
    private int sackRoom() {
        return sackPathMtu - CommonHeader.LENGTH - tcb.auth.overhead() - NrSackRules.extraLength(tcb);
    }

    /** (Re)creates the receiver from the peer's initial TSN and our inbound streams. */
    void startReceiving() {
        receiver = new DataReceiver(tcb.config, tcb.peerInitialTsn, tcb.inboundStreams, tcb.capabilities.interleaving(),
                delayedSack);
        if (CmtActivation.isActive(tcb.config.cmtEnabled(), tcb.capabilities.nrSack())) {
            receiver.useDelayedAckForCmt(); // draft-tuexen-tsvwg-sctp-multipath section 3.3
        }
    }

    /** The receiver, or null before data transfer starts. */
    DataReceiver receiver() {
        return receiver;
    }

    boolean owns(Timer t) {
        return t == delayedSack;
    }

    boolean isStarted() {
        return receiver != null;
    }

    /** User-data bytes handed out as events but not yet taken by the user (RFC 9260 section 6.2). */
    long undeliveredBytes() {
        return undeliveredBytes;
    }

    void setManualReadCredit(boolean manual) {
        this.manualReadCredit = manual;
    }

    boolean isManualReadCredit() {
        return manualReadCredit;
    }

    /**
     * A DATA chunk (RFC 9260 section 6.2); one a deferred stream reset holds back is queued for
     * after the reset (RFC 6525 section 5.2.2 E2, see {@link DataReceiver}).
     */
    void onData(DataChunk data, StreamReconfiguration reconfig) {
        int tsn = data.tsnValue(); // the TSN's 32 bits: no Tsn per chunk (issue 6)
        onData(receiver == null ? null
                : receiver.onData(data, undeliveredBytes, heldBack(reconfig, data.streamId(), tsn)),
                data.userData().isEmpty(), tsn, data.streamId());
    }

    /** An I-DATA chunk (RFC 8260 section 2.1), queued as DATA is when a deferred stream reset holds it back. */
    void onIData(IDataChunk data, StreamReconfiguration reconfig) {
        onData(receiver == null ? null
                : receiver.onIData(data, undeliveredBytes, heldBack(reconfig, data.streamId(), data.tsn().value())),
                data.userData().isEmpty(), data.tsn().value(), data.streamId());
    }

    /**
     * Whether a chunk waits for a deferred reset (RFC 6525 section 5.2.2 E2). One of a stream that
     * does not exist is not: it gets the Invalid Stream Identifier error at once (RFC 9260 section 6.5).
     */
    private boolean heldBack(StreamReconfiguration reconfig, int streamId, int tsn) {
        return streamId < tcb.inboundStreams && reconfig.holdsBack(streamId, tsn);
    }

    /**
     * Hands to the user what became deliverable outside a DATA packet: the chunks a deferred
     * stream reset released once performed (RFC 6525 section 5.2.2 E4), and reports the partial
     * deliveries the reset aborted.
     */
    void deliverReleased() {
        if (receiver == null) {
            return;
        }
        Tsn contradicting = receiver.pollReleaseViolation();
        if (contradicting != null) { // as a contradicting fragment that came without the deferral
            abortForInconsistentFragments(contradicting);
            return;
        }
        reportAbortedDeliveries();
        deliverMessages();
    }

    private void onData(DataReceiver.Outcome outcome, boolean empty, int tsnValue, int streamId) {
        if (empty) {
            // RFC 9260 section 6.2: a DATA chunk without user data ends the association.
            Tsn tsn = new Tsn(tsnValue); // made only for the error
            tcb.sendToPeer(AbortChunk.of(new NoUserDataCause(tsn)));
            lifecycle.close("the peer sent a DATA chunk without user data (TSN " + tsn + ")", List.of());
            return;
        }
        if (outcome == DataReceiver.Outcome.DUPLICATE) {
            counters.onDuplicateTsn();
        } else if (outcome == DataReceiver.Outcome.INVALID_STREAM) {
            tcb.sendToPeer(ErrorChunk.of(new InvalidStreamIdentifierCause(streamId))); // section 6.5
        } else if (outcome == DataReceiver.Outcome.PROTOCOL_VIOLATION) {
            abortForInconsistentFragments(new Tsn(tsnValue)); // the Tsn made only for the error
        }
        // null: DATA before the handshake's data halves exist, ignored
    }

    /**
     * The end of a packet that carried DATA: the SACK decision (RFC 9260 section 6.2), delivery,
     * and during a shutdown the SHUTDOWN that acknowledges the DATA (section 9.2).
     */
    void onDataPacketEnd(boolean immediate, ShutdownProcedure shutdown, long nowNanos) {
        receiver.onDataPacketEnd(immediate, nowNanos);
        deliverMessages();
        if (shutdown.answersDataWithShutdown()) {
            // RFC 9260 section 9.2: the SHUTDOWN acknowledges the DATA; a SACK goes with it only
            // when gaps or duplicates are to be reported. Either way no SACK is left pending.
            SackChunk sack = receiver.createSack(undeliveredBytes, sackRoom());
            boolean needed = !sack.gapAckBlocks().isEmpty() || !sack.duplicateTsns().isEmpty();
            shutdown.answerData(receiver.cumulativeTsnAck(), needed ? NrSackRules.acknowledgement(tcb, sack) : null,
                    nowNanos);
        }
    }

    /**
     * A SACK of what was received, with a_rwnd less the bytes not yet taken (RFC 9260 section 6.2);
     * an NR-SACK when negotiated (draft-tuexen-tsvwg-sctp-multipath section 4.2).
     */
    Chunk createSack() {
        return NrSackRules.acknowledgement(tcb, receiver.createSack(undeliveredBytes, sackRoom()));
    }

    /** The size on the wire of the acknowledgement {@link #createSack} would build now. */
    int sackLength() {
        return receiver.sackLength(sackRoom()) + NrSackRules.extraLength(tcb);
    }

    /** Sends the SACK alone once it is due (RFC 9260 section 6.2). */
    void sendSackIfDue() {
        if (receiver.isSackDueNow()) {
            tcb.sendSack(List.of(createSack()));
        }
    }

    /** The user took {@code bytes} of delivered data: the window opens, perhaps with a window update. */
    void creditRead(long bytes) {
        undeliveredBytes = Math.max(0, undeliveredBytes - bytes);
        if (receiver != null && tcb.state != AssociationState.CLOSED
                && receiver.windowUpdateWorthSending(undeliveredBytes, tcb.config.pathMtu())) {
            tcb.sendSack(List.of(createSack())); // a window update (section 6.2)
        }
    }

    /** Bytes in reassembly plus bytes handed out but not yet taken. */
    long receivedBufferedAmount() {
        return (receiver == null ? 0 : receiver.reassemblyBytes()) + undeliveredBytes;
    }

    /**
     * Hands what reassembly made deliverable, messages and pieces of messages alike, to the user;
     * their bytes count against the window until the user takes them (RFC 9260 section 6.2).
     */
    private void deliverMessages() {
        for (ReceivedMessage m; (m = receiver.poll()) != null; ) {
            undeliveredBytes += m.payload().length();
            tcb.emit(new AssociationEvent.MessageReceived(m));
        }
    }

    /**
     * A FORWARD TSN or I-FORWARD-TSN (RFC 3758 section 3.6, RFC 8260 section 2.3): what was
     * deliverable before it goes to the user first, then the partial deliveries it aborts are
     * reported (RFC 6458 section 6.1.7), before the messages they held back. Returns whether a
     * SACK is due at once (an out-of-date one, whose SACK may have been lost).
     */
    boolean onForwardTsn(Chunk chunk) {
        deliverMessages();
        Tsn newCumulative = chunk instanceof ForwardTsnChunk f
                ? f.newCumulativeTsn() : ((IForwardTsnChunk) chunk).newCumulativeTsn();
        if (receiver.forwardsBeyondAnythingSent(newCumulative)) {
            // RFC 3758 section 3.6 lets the sender skip only TSNs it sent; one that skips past
            // anything it could have sent (as RFC 9260 section 6.2.1 treats a SACK for TSNs never
            // sent) would make every later DATA of the real peer look like a duplicate.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("FORWARD TSN " + newCumulative
                    + " beyond any TSN sent")));
            lifecycle.close("the peer sent a FORWARD TSN beyond any TSN it sent (" + newCumulative + ")", List.of());
            return false;
        }
        DataReceiver.Outcome outcome = chunk instanceof ForwardTsnChunk f
                ? receiver.onForwardTsn(f) : receiver.onIForwardTsn((IForwardTsnChunk) chunk);
        if (outcome == DataReceiver.Outcome.PROTOCOL_VIOLATION) {
            // RFC 8260 section 2.3: FORWARD TSN goes with DATA, I-FORWARD-TSN with I-DATA.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("FORWARD TSN of the other kind for the data in use")));
            lifecycle.close("the peer sent a FORWARD TSN that does not match its DATA chunk kind", List.of());
            return false;
        }
        reportAbortedDeliveries();
        return outcome == DataReceiver.Outcome.DUPLICATE;
    }

    /** RFC 9260 section 3.3.10.13: fragments that contradict each other end the association. */
    private void abortForInconsistentFragments(Tsn tsn) {
        tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("inconsistent fragments at TSN " + tsn)));
        lifecycle.close("the peer's DATA fragments contradict each other (TSN " + tsn + ")", List.of());
    }

    /** One PartialDeliveryAborted event per partial delivery the reassembly queue aborted. */
    private void reportAbortedDeliveries() {
        List<AbortedPartialDelivery> aborted = receiver.pollAbortedDeliveries();
        for (int i = 0; i < aborted.size(); i++) { // indexed: no iterator over the usual empty list (issue 6)
            AbortedPartialDelivery a = aborted.get(i);
            tcb.emit(new AssociationEvent.PartialDeliveryAborted(a.streamId(), a.unordered(), a.sequenceNumber()));
        }
    }

    /**
     * The association ends or restarts: what is deliverable goes to the user, then every message
     * still arriving in pieces is reported as aborted (RFC 6458 section 6.1.7).
     */
    void endReceiving() {
        if (receiver == null) {
            return;
        }
        deliverMessages();
        receiver.abortPartialDeliveries();
        reportAbortedDeliveries();
    }

    void checkInvariants() {
        if (undeliveredBytes < 0) {
            throw new IllegalStateException("negative undelivered bytes: " + undeliveredBytes);
        }
    }
}
