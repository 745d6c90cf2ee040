package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The graceful shutdown of RFC 9260 section 9.2: SHUTDOWN once everything we sent is
 * acknowledged, SHUTDOWN ACK once the peer's is, SHUTDOWN COMPLETE to finish, with T2-shutdown
 * retransmitting and T5-shutdown-guard bounding the whole exchange.
 */
final class ShutdownProcedure {

    /** What an input or a timer did to the shutdown. */
    enum Step {
        /** Nothing that ends the association. */
        NONE,
        /** The shutdown completed: the association is closed gracefully. */
        COMPLETED,
        /** The peer did not answer in time: the association must be aborted. */
        FAILED
    }

    private final Tcb tcb;
    private final Timer t2Shutdown;
    private final Timer t5ShutdownGuard;
    private Chunk lastSent;
    private String failure;

    ShutdownProcedure(Tcb tcb) {
        this.tcb = tcb;
        AssociationConfig c = tcb.config;
        // RFC 9260 section 9.2: T2-shutdown uses the RTO with backoff, bounded by Association.Max.Retrans.
        this.t2Shutdown = tcb.timers.add(new Timer("T2-shutdown", c.rtoInitialNanos(), c.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, c.associationMaxRetransmits()));
        // RFC 9260 section 9.2: T5-shutdown-guard bounds the whole shutdown; 5 times RTO.Max is suggested.
        this.t5ShutdownGuard = tcb.timers.add(new Timer("T5-shutdown-guard", 5 * c.rtoMaxNanos(),
                5 * c.rtoMaxNanos(), Timer.Backoff.NONE, false, -1));
    }

    /** The user asked to shut down: queued and outstanding data go first (SHUTDOWN-PENDING). */
    void requested() {
        if (tcb.state == AssociationState.ESTABLISHED) {
            tcb.state = AssociationState.SHUTDOWN_PENDING;
        }
    }

    /**
     * Sends SHUTDOWN or SHUTDOWN ACK once {@code senderIdle} says all our data is acknowledged;
     * returns whether it did (the association then stops its heartbeats and T3-rtx).
     */
    boolean progress(boolean senderIdle, int cumulativeTsnAckValue, long rtoNanos, long nowNanos) {
        // Called after every transmission: the Tsn is made only for the SHUTDOWN that carries it
        // (RFC 9260 section 9.2), not per call (issue 6); no other branch reads it.
        boolean sendsShutdown = senderIdle && tcb.state == AssociationState.SHUTDOWN_PENDING;
        return progress(senderIdle, sendsShutdown ? new Tsn(cumulativeTsnAckValue) : null, rtoNanos, nowNanos);
    }

    /** As {@link #progress(boolean, int, long, long)}, with the cumulative TSN ack as a {@code Tsn}. */
    private boolean progress(boolean senderIdle, Tsn cumulativeTsnAck, long rtoNanos, long nowNanos) {
        if (!senderIdle) {
            return false;
        }
        if (tcb.state == AssociationState.SHUTDOWN_PENDING) {
            tcb.state = AssociationState.SHUTDOWN_SENT;
            send(new ShutdownChunk(cumulativeTsnAck), rtoNanos, nowNanos);
            t5ShutdownGuard.start(nowNanos);
            return true;
        }
        if (tcb.state == AssociationState.SHUTDOWN_RECEIVED) {
            tcb.state = AssociationState.SHUTDOWN_ACK_SENT;
            send(ShutdownAckChunk.INSTANCE, rtoNanos, nowNanos);
            return true;
        }
        return false;
    }

    /** Whether DATA that arrives now must be answered with {@link #answerData}. */
    boolean answersDataWithShutdown() {
        return tcb.state == AssociationState.SHUTDOWN_SENT;
    }

    /**
     * DATA arrived in SHUTDOWN-SENT (RFC 9260 section 9.2): answer at once with SHUTDOWN, whose
     * Cumulative TSN Ack acknowledges it, together with {@code sack} when that reports what the
     * SHUTDOWN cannot (gaps, duplicates; null otherwise), and T2-shutdown starts over.
     */
    void answerData(Tsn cumulativeTsnAck, Chunk sack, long nowNanos) {
        lastSent = new ShutdownChunk(cumulativeTsnAck);
        tcb.sendToPeer(sack == null ? List.of(lastSent) : List.of(lastSent, sack));
        t2Shutdown.start(nowNanos);
    }

    /**
     * The peer's SHUTDOWN (its cumulative TSN ack is applied by the caller); returns whether the
     * peer started the shutdown, for the user's notification.
     */
    boolean onShutdown() {
        if (tcb.state == AssociationState.ESTABLISHED || tcb.state == AssociationState.SHUTDOWN_PENDING) {
            tcb.state = AssociationState.SHUTDOWN_RECEIVED;
            return true;
        }
        if (tcb.state == AssociationState.SHUTDOWN_SENT) {
            tcb.state = AssociationState.SHUTDOWN_RECEIVED; // both sides at once: we answer with SHUTDOWN ACK
        }
        return false;
    }

    /** The peer's SHUTDOWN ACK: send SHUTDOWN COMPLETE and finish. */
    Step onShutdownAck() {
        if (tcb.state == AssociationState.SHUTDOWN_SENT || tcb.state == AssociationState.SHUTDOWN_ACK_SENT) {
            tcb.sendToPeer(new ShutdownCompleteChunk(false));
            return Step.COMPLETED;
        }
        return Step.NONE;
    }

    /** The peer's SHUTDOWN COMPLETE. */
    Step onShutdownComplete() {
        return tcb.state == AssociationState.SHUTDOWN_ACK_SENT ? Step.COMPLETED : Step.NONE;
    }

    boolean owns(Timer timer) {
        return timer == t2Shutdown || timer == t5ShutdownGuard;
    }

    Step onTimer(Timer timer, Timer.Expiry expiry) {
        if (expiry == Timer.Expiry.NOT_DUE) {
            return Step.NONE;
        }
        if (timer == t5ShutdownGuard) {
            failure = "the shutdown did not complete within the T5-shutdown-guard time";
            return Step.FAILED;
        }
        if (expiry == Timer.Expiry.RESTARTED) {
            tcb.sendToPeer(lastSent); // section 9.2: retransmit SHUTDOWN or SHUTDOWN ACK
            return Step.NONE;
        }
        failure = "the peer did not answer the shutdown";
        return Step.FAILED;
    }

    /** Why the shutdown failed, after {@link Step#FAILED}. */
    String failure() {
        return failure;
    }

    private void send(Chunk chunk, long rtoNanos, long nowNanos) {
        lastSent = chunk;
        tcb.sendToPeer(chunk);
        t2Shutdown.setDuration(rtoNanos, tcb.config.rtoMaxNanos());
        t2Shutdown.start(nowNanos);
    }
}
