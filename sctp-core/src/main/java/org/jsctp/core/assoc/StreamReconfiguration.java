package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ReconfigRequestParameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * Stream reconfiguration (RFC 6525) for one association: takes RE-CONFIG chunks apart, hands the
 * peer's requests to {@link IncomingReconfig} and the responses to our requests to
 * {@link OutgoingReconfig}, and sends what they answer. The association calls {@link #poll}
 * after every input, so requests waiting for data to be acknowledged, and resets waiting for data
 * to arrive, go on as soon as they can.
 */
final class StreamReconfiguration {

    private final Tcb tcb;
    private final Timer timer;
    private final ReconfigContext ctx;
    private OutgoingReconfig ourSide;
    private IncomingReconfig peerSide;

    /**
     * @param endReceiving hands deliverable data to the user and reports aborted partial
     *                     deliveries (before an SSN/TSN reset restarts the receiver)
     */
    StreamReconfiguration(Tcb tcb, Supplier<DataSender> sender, Supplier<DataReceiver> receiver,
                          Runnable endReceiving) {
        this.tcb = tcb;
        AssociationConfig c = tcb.config;
        // RFC 6525 section 5.1.1: RTO of the path, doubled on each expiry like T3-rtx.
        this.timer = tcb.timers.add(new Timer("RE-CONFIG", c.rtoInitialNanos(), c.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, -1));
        this.ctx = new ReconfigContext(tcb, sender, receiver, endReceiving);
    }

    /** Data transfer (re)starts with the handshake's TSNs: request numbering starts from them (section 5.1.1). */
    void start() {
        timer.stop();
        ourSide = new OutgoingReconfig(ctx, timer);
        peerSide = new IncomingReconfig(ctx, ourSide);
        ourSide.setPeerSide(peerSide);
    }

    /** Whether the peer's requests are performed (true) or denied. */
    void setAccept(boolean accept) {
        ctx.setAccept(accept);
    }

    boolean accepts() {
        return ctx.accepts();
    }

    ReconfigRequestStatus resetStreams(int[] streams, boolean incoming) {
        return ourSide == null ? status() : ourSide.resetStreams(streams, incoming);
    }

    ReconfigRequestStatus resetAssociation() {
        return ourSide == null ? status() : ourSide.resetAssociation();
    }

    ReconfigRequestStatus addStreams(int outgoing, int incoming) {
        return ourSide == null ? status() : ourSide.addStreams(outgoing, incoming);
    }

    /**
     * A RE-CONFIG chunk (RFC 6525 section 3.1). Parameters other than requests and responses are
     * a protocol violation, answered with an ERROR chunk; the chunk is then not processed.
     */
    void onChunk(ReconfigChunk chunk, long nowNanos) {
        if (ourSide == null) {
            return; // before data transfer: nothing to reconfigure
        }
        for (Parameter p : chunk.parameters()) {
            if (!(p instanceof ReconfigRequestParameter) && !(p instanceof ReconfigurationResponseParameter)) {
                tcb.sendToPeer(ErrorChunk.of(ProtocolViolationCause.of("RE-CONFIG parameter of type " + p.type())));
                return;
            }
        }
        List<ReconfigurationResponseParameter> responses = new ArrayList<>(2);
        for (Parameter p : chunk.parameters()) {
            if (p instanceof ReconfigurationResponseParameter r) {
                ourSide.onResponse(r, nowNanos);
            } else {
                ReconfigurationResponseParameter r = peerSide.onRequest((ReconfigRequestParameter) p);
                if (r != null) {
                    responses.add(r);
                }
            }
        }
        if (!responses.isEmpty()) {
            ctx.send(responses);
        }
    }

    /** Moves waiting work on: a deferred reset whose data arrived, a request whose data was acknowledged. */
    void poll(long nowNanos, long rtoNanos) {
        if (ourSide == null || tcb.state == AssociationState.CLOSED) {
            return;
        }
        ReconfigurationResponseParameter done = peerSide.poll();
        if (done != null) {
            ctx.send(List.of(done));
        }
        ourSide.poll(nowNanos, rtoNanos);
    }

    /** Whether a DATA or I-DATA chunk waits for a deferred reset (RFC 6525 section 5.2.2 E2): queued for after it. */
    boolean holdsBack(int streamId, Tsn tsn) {
        return peerSide != null && peerSide.holdsBack(streamId, tsn);
    }

    /** As {@link #holdsBack(int, Tsn)}, for a TSN carried as its 32 bits (no {@code Tsn} per DATA chunk, issue 6). */
    boolean holdsBack(int streamId, int tsnValue) {
        return peerSide != null && peerSide.holdsBack(streamId, tsnValue);
    }

    boolean owns(Timer t) {
        return t == timer;
    }

    /** The RE-CONFIG timer expired: whether it counts toward Association.Max.Retrans (section 5.1.1). */
    boolean expiryCountsAsError() {
        return ourSide != null && ourSide.expiryCountsAsError();
    }

    /** The RE-CONFIG timer expired within the limits: our request goes again (section 5.1.1). */
    void retransmit() {
        if (ourSide != null) {
            ourSide.retransmit();
        }
    }

    private ReconfigRequestStatus status() {
        return tcb.capabilities.streamReconfig() ? ReconfigRequestStatus.NOT_ESTABLISHED
                : ReconfigRequestStatus.NOT_NEGOTIATED;
    }
}
