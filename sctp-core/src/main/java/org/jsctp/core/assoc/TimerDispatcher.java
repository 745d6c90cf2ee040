package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.timer.Timer;

/**
 * Hands each expired timer of an association to the part that owns it: T1-init and T1-cookie
 * (RFC 9260 section 5.1), T2-shutdown and T5-shutdown-guard (section 9.2), T3-rtx (section 6.3.3),
 * the delayed SACK (section 6.2) and RE-CONFIG (RFC 6525 section 5.1.1); then heartbeats are
 * checked (section 8.3) and what is due is sent.
 */
final class TimerDispatcher {

    private final Tcb tcb;
    private final AssociationLifecycle lifecycle;
    private final ErrorCounter errors;
    private final Handshake handshake;
    private final ShutdownProcedure shutdown;
    private final PathSupervisor paths;
    private final DataDelivery delivery;
    private final DataTransmission transmission;
    private final StreamReconfiguration reconfig;
    private AddressReconfiguration asconf;

    TimerDispatcher(Tcb tcb, AssociationLifecycle lifecycle, ErrorCounter errors, Handshake handshake,
                    ShutdownProcedure shutdown, PathSupervisor paths, DataDelivery delivery,
                    DataTransmission transmission, StreamReconfiguration reconfig) {
        this.tcb = tcb;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.handshake = handshake;
        this.shutdown = shutdown;
        this.paths = paths;
        this.delivery = delivery;
        this.transmission = transmission;
        this.reconfig = reconfig;
    }

    /** The ASCONF side, whose T-4 RTO timer (RFC 5061 section 5.1) this dispatches too. */
    void setAddressReconfiguration(AddressReconfiguration asconf) {
        this.asconf = asconf;
    }

    /** Handles the timers whose deadlines have passed at {@code nowNanos}. */
    void handleTimeout(long nowNanos) {
        for (Timer t : tcb.timers.due(nowNanos)) {
            Timer.Expiry expiry = t.expire(nowNanos);
            if (handshake.owns(t)) {
                if (expiry == Timer.Expiry.RESTARTED) {
                    paths.onHandshakeRetransmission(); // RFC 9260 section 6.4: to another address
                }
                lifecycle.onHandshakeStep(handshake.onT1Expiry(t, expiry), nowNanos);
            } else if (shutdown.owns(t)) {
                if (shutdown.onTimer(t, expiry) == ShutdownProcedure.Step.FAILED) {
                    tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("shutdown not completed")));
                    lifecycle.close(shutdown.failure(), List.of());
                }
            } else if (transmission.owns(t) && expiry != Timer.Expiry.NOT_DUE) {
                transmission.onT3Expiry(nowNanos);
            } else if (delivery.owns(t) && expiry != Timer.Expiry.NOT_DUE && delivery.isStarted()) {
                delivery.receiver().onDelayedSackTimer();
            } else if (asconf != null && asconf.owns(t) && expiry != Timer.Expiry.NOT_DUE) {
                asconf.onT4Expiry(nowNanos); // RFC 5061 section 5.1 rules B1 to B5
            } else if (reconfig.owns(t) && expiry != Timer.Expiry.NOT_DUE) {
                // RFC 6525 section 5.1.1: RE-CONFIG timer expiries count toward Association.Max.Retrans.
                if (reconfig.expiryCountsAsError() && errors.countExceedsLimit()) {
                    tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("retransmission limit reached")));
                    lifecycle.close("a RE-CONFIG request was retransmitted " + tcb.config.associationMaxRetransmits()
                            + " times without an answer", List.of());
                } else {
                    reconfig.retransmit();
                }
            }
            if (tcb.state == AssociationState.CLOSED) {
                return;
            }
        }
        paths.heartbeat(nowNanos);
        transmission.flush(nowNanos);
    }
}
