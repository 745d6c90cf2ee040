package org.jsctp.core.assoc;

import java.util.ArrayDeque;
import org.jsctp.core.packet.param.AddIncomingStreamsRequestParameter;
import org.jsctp.core.packet.param.AddOutgoingStreamsRequestParameter;
import org.jsctp.core.packet.param.IncomingSsnResetRequestParameter;
import org.jsctp.core.packet.param.OutgoingSsnResetRequestParameter;
import org.jsctp.core.packet.param.ReconfigRequestParameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.packet.param.SsnTsnResetRequestParameter;
import org.jsctp.core.seq.SerialArithmetic;
import org.jsctp.core.seq.Tsn;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_DENIED;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_ERROR_BAD_SEQUENCE_NUMBER;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_ERROR_WRONG_SSN;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_IN_PROGRESS;
import static org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED;

/**
 * The peer's side of stream reconfiguration, the receiver-side procedures of RFC 6525 section
 * 5.2: the request sequence numbers the peer uses (5.2.1), the answer to each request kind
 * (5.2.2-5.2.6), and the cached answers to the last requests, so a retransmitted request gets
 * the same answer and is not performed twice.
 */
final class IncomingReconfig {

    /** The answer to one request, kept for its retransmissions (section 5.2.1). */
    private static final class Answer {
        final ReconfigRequestParameter request;
        ReconfigurationResponseParameter response;

        Answer(ReconfigRequestParameter request, ReconfigurationResponseParameter response) {
            this.request = request;
            this.response = response;
        }
    }

    /** An Outgoing SSN Reset waiting for our cumulative TSN to reach the Sender's Last Assigned TSN (5.2.2 E2). */
    private record Deferred(Answer answer, int[] streams, Tsn lastAssigned) {
    }

    /** Answers kept: a RE-CONFIG chunk carries at most two requests. */
    private static final int REMEMBERED = 2;

    private final ReconfigContext ctx;
    private final OutgoingReconfig ourSide;
    private int expectedSeq;
    private final ArrayDeque<Answer> answers = new ArrayDeque<>(REMEMBERED);
    private Deferred deferred;

    IncomingReconfig(ReconfigContext ctx, OutgoingReconfig ourSide) {
        this.ctx = ctx;
        this.ourSide = ourSide;
        // RFC 6525 section 5.1.1: the peer numbers its requests from its Initial TSN.
        this.expectedSeq = ctx.tcb.peerInitialTsn.value();
    }

    /** The last request number of the peer's we have seen (section 4.1: next expected minus 1). */
    int lastSeenSeq() {
        return expectedSeq - 1;
    }

    /**
     * One request of the peer's (section 5.2.1). Returns the response to send now, or null when
     * the answer is a request of ours (an Outgoing SSN Reset for an Incoming one, section 5.2.3).
     */
    ReconfigurationResponseParameter onRequest(ReconfigRequestParameter request) {
        int seq = request.requestSequenceNumber();
        if (seq == expectedSeq) {
            expectedSeq++;
            Answer a = new Answer(request, null);
            remember(a);
            a.response = process(request, a);
            return a.response;
        }
        for (Answer a : answers) {
            if (a.request.requestSequenceNumber() == seq) {
                return retransmitted(a);
            }
        }
        // Neither the next request nor one of the last: the peer is out of step.
        return new ReconfigurationResponseParameter(seq, RESULT_ERROR_BAD_SEQUENCE_NUMBER);
    }

    /**
     * Our Outgoing SSN Reset answering the peer's Incoming SSN Reset {@code seq} was sent: a
     * retransmission of that request now gets "Success - Performed".
     */
    void answered(int seq) {
        for (Answer a : answers) {
            if (a.request.requestSequenceNumber() == seq) {
                a.response = new ReconfigurationResponseParameter(seq, RESULT_SUCCESS_PERFORMED);
            }
        }
    }

    /**
     * Whether a DATA or I-DATA chunk is held back by a deferred reset (section 5.2.2 E2): it is
     * on a stream being reset and after the Sender's Last Assigned TSN. The receiver acknowledges
     * it and queues it until the reset is performed ({@link DataReceiver}), or, with its queue
     * full, leaves it unacknowledged for the peer to send again; nothing is lost. Unordered
     * chunks too: E2 queues "any data" of the streams, and with I-DATA the unordered MIDs are
     * reset as well (RFC 8260 section 2.3), so an unordered message from after the reset could
     * otherwise meet one from before it under the same MID.
     */
    boolean holdsBack(int streamId, Tsn tsn) {
        return deferred != null && tsn.isAfter(deferred.lastAssigned) && names(deferred.streams, streamId);
    }

    /**
     * As {@link #holdsBack(int, Tsn)}, for a TSN carried as its 32 bits (no {@code Tsn} per DATA
     * chunk, issue 6); compared after the Sender's Last Assigned TSN in serial arithmetic (RFC 1982).
     */
    boolean holdsBack(int streamId, int tsnValue) {
        return deferred != null && SerialArithmetic.lessThan32(deferred.lastAssigned.value(), tsnValue)
                && names(deferred.streams, streamId);
    }

    /**
     * Performs a deferred reset once the cumulative TSN has reached its Sender's Last Assigned TSN
     * (section 5.2.2 E3-E5; the receiver then processes the queued chunks, E4) and returns the
     * success response to send, or null.
     */
    ReconfigurationResponseParameter poll() {
        if (deferred == null || ctx.receiver().cumulativeTsnAck().isBefore(deferred.lastAssigned)) {
            return null;
        }
        Deferred d = deferred;
        deferred = null;
        resetInbound(d.streams);
        d.answer.response = new ReconfigurationResponseParameter(d.answer.request.requestSequenceNumber(),
                RESULT_SUCCESS_PERFORMED);
        return d.answer.response;
    }

    private ReconfigurationResponseParameter retransmitted(Answer a) {
        if (a.response != null && a.response.result() == RESULT_IN_PROGRESS
                && a.request instanceof SsnTsnResetRequestParameter) {
            a.response = process(a.request, a); // section 5.2.4: maybe our data is settled now
        }
        return a.response != null ? a.response
                : new ReconfigurationResponseParameter(a.request.requestSequenceNumber(), RESULT_IN_PROGRESS);
    }

    private ReconfigurationResponseParameter process(ReconfigRequestParameter request, Answer a) {
        int seq = request.requestSequenceNumber();
        if (request instanceof OutgoingSsnResetRequestParameter o) {
            return onOutgoingReset(o, a);
        }
        if (request instanceof AddOutgoingStreamsRequestParameter add) {
            return onAddOutgoing(add);
        }
        if (!ctx.accepts()) {
            return response(seq, RESULT_DENIED); // the user does not take part (RFC 6458 SCTP_ENABLE_STREAM_RESET)
        }
        if (request instanceof IncomingSsnResetRequestParameter i) {
            int[] streams = ReconfigContext.toArray(i.streams());
            if (!ReconfigContext.allBelow(streams, ctx.tcb.outboundStreams)) {
                return response(seq, RESULT_ERROR_WRONG_SSN); // names a stream that does not exist
            }
            // Section 5.2.3: we answer with an Outgoing SSN Reset Request of ours, unless one is out.
            return ourSide.answerIncomingReset(seq, streams) ? null
                    : response(seq, RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS);
        }
        if (request instanceof SsnTsnResetRequestParameter) {
            return onAssociationReset(seq);
        }
        AddIncomingStreamsRequestParameter add = (AddIncomingStreamsRequestParameter) request;
        if (ctx.tcb.outboundStreams + add.newStreams() > 0xFFFF) {
            return response(seq, RESULT_DENIED);
        }
        if (add.newStreams() == 0) {
            return response(seq, ReconfigurationResponseParameter.RESULT_SUCCESS_NOTHING_TO_DO);
        }
        // Section 5.2.6: the new streams are ours to add, with an Add Outgoing Streams Request.
        return ourSide.addOutgoingForPeer(add.newStreams()) ? response(seq, RESULT_SUCCESS_PERFORMED)
                : response(seq, RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS);
    }

    /** Section 5.2.2. */
    private ReconfigurationResponseParameter onOutgoingReset(OutgoingSsnResetRequestParameter o, Answer a) {
        int seq = o.requestSequenceNumber();
        // E1: it may be the answer to our Incoming SSN Reset Request, which then is complete.
        boolean answersOurs = ourSide.takePeerAnswer(o.responseSequenceNumber());
        if (!ctx.accepts() && !answersOurs) {
            return response(seq, RESULT_DENIED);
        }
        int[] streams = ReconfigContext.toArray(o.streams());
        if (!ReconfigContext.allBelow(streams, ctx.tcb.inboundStreams)) {
            return response(seq, RESULT_ERROR_WRONG_SSN);
        }
        if (deferred != null) {
            return response(seq, RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS);
        }
        if (ctx.receiver().cumulativeTsnAck().isBefore(o.senderLastAssignedTsn())) {
            // E2: data of the streams is still to come; reset once it is here.
            deferred = new Deferred(a, streams, o.senderLastAssignedTsn());
            ctx.receiver().deferReset(o.senderLastAssignedTsn());
            return response(seq, RESULT_IN_PROGRESS);
        }
        resetInbound(streams); // E3
        return response(seq, RESULT_SUCCESS_PERFORMED); // E5
    }

    /**
     * Section 5.2.4. Our sent data must all be acknowledged first, or its TSNs would be lost in
     * the new TSN space: until then the answer is "In progress" and the peer asks again.
     */
    private ReconfigurationResponseParameter onAssociationReset(int seq) {
        DataSender sender = ctx.sender();
        if (ourSide.busy() || deferred != null) {
            return response(seq, RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS);
        }
        if (sender.hasDataInFlight() || sender.hasPartialMessage(new int[0])) {
            return response(seq, RESULT_IN_PROGRESS);
        }
        // The peer's TSNs move beyond anything it sent, ours beyond anything we sent, by 2^31.
        Tsn localNext = sender.nextTsn().plus(Integer.MIN_VALUE);
        Tsn peerNext = ctx.receiver().highestTsnReceived().plus(Integer.MIN_VALUE).next();
        ctx.resetAssociation(localNext, peerNext);
        ctx.tcb.emit(new AssociationEvent.AssociationReset(localNext, peerNext, AssociationEvent.ReconfigOutcome.PERFORMED));
        return new ReconfigurationResponseParameter(seq, RESULT_SUCCESS_PERFORMED, localNext, peerNext);
    }

    /** Section 5.2.5. */
    private ReconfigurationResponseParameter onAddOutgoing(AddOutgoingStreamsRequestParameter add) {
        int seq = add.requestSequenceNumber();
        boolean asked = ourSide.takeExpectedInboundAdds(add.newStreams());
        if (!ctx.accepts() && !asked) {
            return response(seq, RESULT_DENIED);
        }
        if (ctx.tcb.inboundStreams + add.newStreams() > 0xFFFF) {
            return response(seq, RESULT_DENIED);
        }
        if (add.newStreams() == 0) {
            return response(seq, ReconfigurationResponseParameter.RESULT_SUCCESS_NOTHING_TO_DO);
        }
        ctx.addInbound(add.newStreams());
        ctx.emitStreamChange(AssociationEvent.ReconfigOutcome.PERFORMED);
        return response(seq, RESULT_SUCCESS_PERFORMED);
    }

    private void resetInbound(int[] streams) {
        ctx.receiver().resetStreams(streams);
        ctx.tcb.emit(new AssociationEvent.StreamReset(ReconfigContext.toList(streams), true,
                AssociationEvent.ReconfigOutcome.PERFORMED));
    }

    private void remember(Answer a) {
        if (answers.size() == REMEMBERED) {
            answers.removeFirst();
        }
        answers.addLast(a);
    }

    private static ReconfigurationResponseParameter response(int seq, int result) {
        return new ReconfigurationResponseParameter(seq, result);
    }

    private static boolean names(int[] streams, int streamId) {
        if (streams.length == 0) {
            return true;
        }
        for (int s : streams) {
            if (s == streamId) {
                return true;
            }
        }
        return false;
    }
}
