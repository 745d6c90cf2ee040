package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.param.AddIncomingStreamsRequestParameter;
import org.jsctp.core.packet.param.AddOutgoingStreamsRequestParameter;
import org.jsctp.core.packet.param.IncomingSsnResetRequestParameter;
import org.jsctp.core.packet.param.OutgoingSsnResetRequestParameter;
import org.jsctp.core.packet.param.ReconfigRequestParameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.packet.param.SsnTsnResetRequestParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_IN_PROGRESS;

/**
 * Our side of stream reconfiguration, the sender-side procedures of RFC 6525 section 5.1: one
 * request outstanding at a time (5.1.1), numbered from our Initial TSN, retransmitted by the
 * RE-CONFIG timer, and its response applied (5.2.7).
 *
 * <p>An Outgoing SSN Reset (5.1.2) first holds new messages of its streams, then waits until no
 * message of theirs is partly sent and everything sent on them is acknowledged; only then is the
 * request sent, so the peer resets its inbound streams at once and nothing is lost or reordered.
 * An SSN/TSN Reset (5.1.4) likewise holds all new data and waits for all of it to be acknowledged.
 */
final class OutgoingReconfig {

    /** One request of ours, from the user's call until its last response. */
    private static final class Request {
        final ReconfigKind kind;
        final int[] streams;
        final int addOutgoing;
        final int addIncoming;
        /** For an Outgoing SSN Reset answering the peer's Incoming SSN Reset: its request sequence number. */
        final Integer answering;
        /** The last TSN assigned to the streams before they were held, once no message of theirs is partly sent. */
        Tsn lastAssignedBound;
        /** The parameters sent, once sent; a response removes the one it answers. */
        List<ReconfigRequestParameter> sent;
        List<ReconfigRequestParameter> unanswered;
        boolean allSucceeded = true;
        AssociationEvent.ReconfigOutcome worst = AssociationEvent.ReconfigOutcome.PERFORMED;

        Request(ReconfigKind kind, int[] streams, int addOutgoing, int addIncoming, Integer answering) {
            this.kind = kind;
            this.streams = streams;
            this.addOutgoing = addOutgoing;
            this.addIncoming = addIncoming;
            this.answering = answering;
        }
    }

    private final ReconfigContext ctx;
    private final Timer timer;
    private IncomingReconfig peerSide;
    private int nextSeq;
    private Request pending;
    /** Whether a response came since the request was last (re)transmitted: an expiry then is no error. */
    private boolean answeredSinceSend;
    /** Our Incoming SSN Reset the peer answered with success; its Outgoing SSN Reset is still to come. */
    private Integer awaitingPeerReset;
    /** Streams the peer accepted to add for us (our Add Incoming), to come in its Add Outgoing Streams Request. */
    private int expectedInboundAdds;

    OutgoingReconfig(ReconfigContext ctx, Timer timer) {
        this.ctx = ctx;
        this.timer = timer;
        // RFC 6525 section 5.1.1: the first request sequence number is our Initial TSN.
        this.nextSeq = ctx.tcb.localInitialTsn.value();
    }

    void setPeerSide(IncomingReconfig peerSide) {
        this.peerSide = peerSide;
    }

    /** Whether a request of ours is outstanding or waiting to be sent. */
    boolean busy() {
        return pending != null;
    }

    /** The user asks to reset streams (empty: all) of one direction. */
    ReconfigRequestStatus resetStreams(int[] streams, boolean incoming) {
        ReconfigRequestStatus s = check();
        if (s != null) {
            return s;
        }
        if (!ReconfigContext.allBelow(streams, incoming ? ctx.tcb.inboundStreams : ctx.tcb.outboundStreams)) {
            return ReconfigRequestStatus.INVALID_STREAM;
        }
        start(new Request(incoming ? ReconfigKind.INCOMING_RESET : ReconfigKind.OUTGOING_RESET, streams.clone(), 0, 0,
                null));
        return ReconfigRequestStatus.STARTED;
    }

    /** The user asks for an SSN/TSN reset (section 5.1.4). */
    ReconfigRequestStatus resetAssociation() {
        ReconfigRequestStatus s = check();
        if (s != null) {
            return s;
        }
        start(new Request(ReconfigKind.ASSOCIATION_RESET, new int[0], 0, 0, null));
        return ReconfigRequestStatus.STARTED;
    }

    /** The user asks to add streams (sections 5.1.5 and 5.1.6); both kinds go in one chunk. */
    ReconfigRequestStatus addStreams(int outgoing, int incoming) {
        ReconfigRequestStatus s = check();
        if (s != null) {
            return s;
        }
        if (outgoing < 0 || incoming < 0 || outgoing + incoming == 0 || ctx.tcb.outboundStreams + outgoing > 0xFFFF
                || ctx.tcb.inboundStreams + incoming > 0xFFFF) {
            return ReconfigRequestStatus.INVALID_STREAM_COUNT;
        }
        start(new Request(ReconfigKind.ADD_STREAMS, new int[0], outgoing, incoming, null));
        return ReconfigRequestStatus.STARTED;
    }

    /**
     * RFC 6525 section 5.2.3: the peer's Incoming SSN Reset Request is answered by an Outgoing SSN
     * Reset Request of ours naming it. Returns false when a request of ours is in the way.
     */
    boolean answerIncomingReset(int peerSeq, int[] streams) {
        if (pending != null) {
            return false;
        }
        start(new Request(ReconfigKind.OUTGOING_RESET, streams, 0, 0, peerSeq));
        return true;
    }

    /** RFC 6525 section 5.2.6: the peer asked for streams; we add them with our own Add Outgoing Streams Request. */
    boolean addOutgoingForPeer(int count) {
        if (pending != null) {
            return false;
        }
        start(new Request(ReconfigKind.ADD_STREAMS, new int[0], count, 0, null));
        return true;
    }

    /**
     * Whether the peer's Outgoing SSN Reset Request, naming {@code responseSeq}, answers our
     * Incoming SSN Reset Request (RFC 6525 section 5.2.2 E1); if so that request is complete.
     */
    boolean takePeerAnswer(int responseSeq) {
        if (pending != null && pending.kind == ReconfigKind.INCOMING_RESET && pending.sent != null
                && pending.sent.get(0).requestSequenceNumber() == responseSeq) {
            timer.stop();
            pending = null;
            return true;
        }
        if (awaitingPeerReset != null && awaitingPeerReset == responseSeq) {
            awaitingPeerReset = null;
            return true;
        }
        return false;
    }

    /** Whether the peer's Add Outgoing Streams Request brings streams we asked for (section 5.1.6). */
    boolean takeExpectedInboundAdds(int count) {
        if (expectedInboundAdds >= count) {
            expectedInboundAdds -= count;
            return true;
        }
        return false;
    }

    /** Sends the request waiting to be sent once what it waits for is done (sections 5.1.2 and 5.1.4). */
    void poll(long nowNanos, long rtoNanos) {
        if (pending == null || pending.sent != null) {
            return;
        }
        DataSender sender = ctx.sender();
        Request r = pending;
        List<ReconfigRequestParameter> params = new ArrayList<>(2);
        switch (r.kind) {
            case OUTGOING_RESET -> {
                if (!dataSettled(sender, r.streams)) {
                    return;
                }
                // RFC 6525 section 4.1: the Response Sequence Number names the Incoming SSN Reset
                // this answers, else the peer's last request number (next expected minus 1).
                int response = r.answering != null ? r.answering : peerSide.lastSeenSeq();
                params.add(new OutgoingSsnResetRequestParameter(nextSeq++, response, sender.nextTsn().previous(),
                        ReconfigContext.toList(r.streams)));
                if (r.answering != null) {
                    peerSide.answered(r.answering);
                }
            }
            case INCOMING_RESET -> params.add(new IncomingSsnResetRequestParameter(nextSeq++,
                    ReconfigContext.toList(r.streams)));
            case ASSOCIATION_RESET -> {
                if (!dataSettled(sender, r.streams)) {
                    return;
                }
                params.add(new SsnTsnResetRequestParameter(nextSeq++));
            }
            case ADD_STREAMS -> {
                if (r.addOutgoing > 0) {
                    params.add(new AddOutgoingStreamsRequestParameter(nextSeq++, r.addOutgoing));
                }
                if (r.addIncoming > 0) {
                    params.add(new AddIncomingStreamsRequestParameter(nextSeq++, r.addIncoming));
                }
            }
            default -> throw new IllegalStateException(r.kind.toString());
        }
        r.sent = List.copyOf(params);
        r.unanswered = new ArrayList<>(params);
        ctx.send(r.sent);
        // RFC 6525 section 5.1.1: the RE-CONFIG timer runs for the RTO of the path.
        timer.setDuration(rtoNanos, Math.max(rtoNanos, ctx.tcb.config.rtoMaxNanos()));
        timer.start(nowNanos);
        answeredSinceSend = false;
    }

    /** A Re-configuration Response (RFC 6525 section 5.2.7); one that answers nothing outstanding is ignored. */
    void onResponse(ReconfigurationResponseParameter response, long nowNanos) {
        Request r = pending;
        if (r == null || r.unanswered == null) {
            return;
        }
        ReconfigRequestParameter answered = null;
        for (ReconfigRequestParameter p : r.unanswered) {
            if (p.requestSequenceNumber() == response.responseSequenceNumber()) {
                answered = p;
            }
        }
        if (answered == null) {
            return; // a late answer to a request already complete
        }
        answeredSinceSend = true;
        if (response.result() == RESULT_IN_PROGRESS) {
            // The peer works on it (e.g. waits for data, section 5.2.4): ask again when the timer
            // expires; the timer restarts from the base RTO since the peer did answer.
            timer.start(nowNanos);
            return;
        }
        r.unanswered.remove(answered);
        AssociationEvent.ReconfigOutcome outcome = ReconfigContext.outcomeOf(response.result());
        if (outcome.compareTo(r.worst) > 0) {
            r.worst = outcome;
        }
        apply(r, answered, response, outcome);
        if (r.unanswered.isEmpty() && pending == r) {
            timer.stop();
            pending = null;
            finish(r);
        }
    }

    /** Whether {@code t} is the RE-CONFIG timer. */
    boolean owns(Timer t) {
        return t == timer;
    }

    /**
     * The RE-CONFIG timer expired (RFC 6525 section 5.1.1; it restarted itself with the doubled
     * duration): whether the expiry counts as an error of the association. Not when the peer
     * answered "In progress" since the last transmission, nor when nothing is outstanding.
     */
    boolean expiryCountsAsError() {
        if (pending == null || pending.sent == null) {
            timer.stop();
            return false;
        }
        return !answeredSinceSend;
    }

    /** After an expiry that did not end the association: the request goes again, unchanged. */
    void retransmit() {
        if (pending != null && pending.sent != null) {
            answeredSinceSend = false;
            ctx.send(pending.sent);
        }
    }

    private ReconfigRequestStatus check() {
        if (!ctx.tcb.capabilities.streamReconfig()) {
            return ReconfigRequestStatus.NOT_NEGOTIATED;
        }
        if (ctx.tcb.state != AssociationState.ESTABLISHED || ctx.sender() == null) {
            return ReconfigRequestStatus.NOT_ESTABLISHED;
        }
        return pending != null ? ReconfigRequestStatus.ALREADY_IN_PROGRESS : null;
    }

    private void start(Request r) {
        pending = r;
        if (r.kind == ReconfigKind.OUTGOING_RESET || r.kind == ReconfigKind.ASSOCIATION_RESET) {
            ctx.sender().pauseStreams(r.streams); // RFC 6525 section 5.1.2: no new data on them meanwhile
        }
    }

    /**
     * Whether the held streams (all when empty) have no message partly sent and everything sent on
     * them is acknowledged: the bound is the last TSN assigned once they were held, fixed then.
     */
    private boolean dataSettled(DataSender sender, int[] streams) {
        if (sender.hasPartialMessage(streams)) {
            return false;
        }
        if (pending.lastAssignedBound == null) {
            pending.lastAssignedBound = sender.nextTsn().previous();
        }
        return sender.cumulativeTsnAcked().isAtOrAfter(pending.lastAssignedBound);
    }

    private void apply(Request r, ReconfigRequestParameter p, ReconfigurationResponseParameter response,
                       AssociationEvent.ReconfigOutcome outcome) {
        boolean ok = outcome == AssociationEvent.ReconfigOutcome.PERFORMED;
        if (p instanceof OutgoingSsnResetRequestParameter) {
            if (ok) {
                ctx.sender().resetStreams(r.streams); // section 5.1.2: next SSN/MID 0
            }
            ctx.sender().resumeStreams(r.streams);
            ctx.tcb.emit(new AssociationEvent.StreamReset(ReconfigContext.toList(r.streams), false, outcome));
        } else if (p instanceof IncomingSsnResetRequestParameter i) {
            if (ok) {
                // The reset itself comes with the peer's Outgoing SSN Reset Request (section 5.2.3).
                awaitingPeerReset = i.requestSequenceNumber();
            } else {
                ctx.tcb.emit(new AssociationEvent.StreamReset(ReconfigContext.toList(r.streams), true, outcome));
            }
        } else if (p instanceof SsnTsnResetRequestParameter) {
            ctx.sender().resumeStreams(r.streams);
            if (ok && response.hasNextTsns()) {
                // Section 5.2.7: we send from the peer's Receiver's Next TSN and expect its Sender's Next TSN.
                ctx.resetAssociation(response.receiverNextTsn(), response.senderNextTsn());
                ctx.tcb.emit(new AssociationEvent.AssociationReset(response.receiverNextTsn(), response.senderNextTsn(),
                        outcome));
            } else {
                AssociationEvent.ReconfigOutcome o = ok ? AssociationEvent.ReconfigOutcome.FAILED : outcome;
                ctx.tcb.emit(new AssociationEvent.AssociationReset(ctx.sender().nextTsn(),
                        ctx.receiver().cumulativeTsnAck().next(), o));
            }
        } else if (p instanceof AddOutgoingStreamsRequestParameter a) {
            if (ok) {
                ctx.addOutbound(a.newStreams()); // section 5.1.5: usable once the peer agreed
            }
        } else if (p instanceof AddIncomingStreamsRequestParameter a) {
            if (ok) {
                expectedInboundAdds += a.newStreams(); // they come in the peer's Add Outgoing Streams Request
            }
        }
    }

    private void finish(Request r) {
        if (r.kind == ReconfigKind.ADD_STREAMS) {
            ctx.emitStreamChange(r.worst);
        }
    }
}
