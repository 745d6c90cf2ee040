package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.seq.Tsn;

/**
 * What the two sides of stream reconfiguration (RFC 6525) do to the association: reset and add
 * streams in the data halves, reset the TSNs, send RE-CONFIG chunks and tell the user.
 */
final class ReconfigContext {

    final Tcb tcb;
    private final Supplier<DataSender> sender;
    private final Supplier<DataReceiver> receiver;
    private final Runnable endReceiving;
    private boolean accept;

    /**
     * @param endReceiving hands what is deliverable to the user and reports aborted partial
     *                     deliveries, before the receiver starts afresh (SSN/TSN reset)
     */
    ReconfigContext(Tcb tcb, Supplier<DataSender> sender, Supplier<DataReceiver> receiver, Runnable endReceiving) {
        this.tcb = tcb;
        this.sender = sender;
        this.receiver = receiver;
        this.endReceiving = endReceiving;
        this.accept = tcb.config.acceptStreamReconfig();
    }

    DataSender sender() {
        return sender.get();
    }

    DataReceiver receiver() {
        return receiver.get();
    }

    /** Whether the peer's requests are performed (else denied). */
    boolean accepts() {
        return accept;
    }

    void setAccept(boolean accept) {
        this.accept = accept;
    }

    /** Sends the parameters in RE-CONFIG chunks of at most two (RFC 6525 section 3.1). */
    void send(List<? extends Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i += ReconfigChunk.MAX_PARAMETERS) {
            List<Parameter> part = new ArrayList<>(parameters.subList(i,
                    Math.min(parameters.size(), i + ReconfigChunk.MAX_PARAMETERS)));
            tcb.sendToPeer(new ReconfigChunk(part));
        }
    }

    /**
     * SSN/TSN reset (RFC 6525 sections 5.2.4 and 5.2.7): what was received is delivered (as after
     * a FORWARD TSN to the highest TSN received), then both directions start from the new TSNs
     * with every stream at SSN/MID 0.
     */
    void resetAssociation(Tsn localNext, Tsn peerNext) {
        endReceiving.run();
        receiver().restartAt(peerNext, tcb.inboundStreams);
        sender().restartAt(localNext);
        sender().resetStreams(new int[0]);
    }

    /** Adds outbound streams (RFC 6525 section 5.1.5 on success, 5.2.6 through our own request). */
    void addOutbound(int count) {
        sender().addStreams(count);
        tcb.outboundStreams += count;
    }

    /** Adds inbound streams (RFC 6525 section 5.2.5). */
    void addInbound(int count) {
        receiver().addStreams(count);
        tcb.inboundStreams += count;
    }

    void emitStreamChange(AssociationEvent.ReconfigOutcome outcome) {
        tcb.emit(new AssociationEvent.StreamChange(tcb.outboundStreams, tcb.inboundStreams, outcome));
    }

    static int[] toArray(List<Integer> streams) {
        int[] a = new int[streams.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = streams.get(i);
        }
        return a;
    }

    static List<Integer> toList(int[] streams) {
        List<Integer> l = new ArrayList<>(streams.length);
        for (int s : streams) {
            l.add(s);
        }
        return l;
    }

    /** Whether every stream number is below {@code count}. */
    static boolean allBelow(int[] streams, int count) {
        for (int s : streams) {
            if (s < 0 || s >= count) {
                return false;
            }
        }
        return true;
    }

    static AssociationEvent.ReconfigOutcome outcomeOf(int result) {
        return switch (result) {
            case org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_SUCCESS_NOTHING_TO_DO,
                 org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED ->
                    AssociationEvent.ReconfigOutcome.PERFORMED;
            case org.jsctp.core.packet.param.ReconfigurationResponseParameter.RESULT_DENIED ->
                    AssociationEvent.ReconfigOutcome.DENIED;
            default -> AssociationEvent.ReconfigOutcome.FAILED;
        };
    }
}
