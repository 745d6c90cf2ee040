package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * What an existing association does with a valid COOKIE ECHO the endpoint matched to it (RFC
 * 9260 section 5.2.4): a repeated one (case D), the cookie of an initialization collision (case
 * B, section 5.2.1) and a peer restart (case A). The endpoint decides the case from the tags
 * (section 5.2.4 table); these are the association's side of each.
 */
final class CollisionHandling {

    private final Tcb tcb;
    private final Handshake handshake;
    private final PathSupervisor paths;
    private final DataDelivery delivery;
    private final DataTransmission transmission;
    private final ErrorCounter errors;
    private final AssociationLifecycle lifecycle;

    CollisionHandling(Tcb tcb, Handshake handshake, PathSupervisor paths, DataDelivery delivery,
                      DataTransmission transmission, ErrorCounter errors, AssociationLifecycle lifecycle) {
        this.tcb = tcb;
        this.handshake = handshake;
        this.paths = paths;
        this.delivery = delivery;
        this.transmission = transmission;
        this.errors = errors;
        this.lifecycle = lifecycle;
    }

    /**
     * The endpoint found a valid COOKIE ECHO whose tags both match this association (RFC 9260
     * section 5.2.4 case D): enter ESTABLISHED if not there yet and acknowledge it again.
     */
    void onRepeatedCookieEcho(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != tcb.localTag || cookie.peerTag() != tcb.peerTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        if (tcb.isHandshaking()) {
            handshake.stop();
            lifecycle.established(nowNanos);
        }
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
    }

    /**
     * RFC 9260 section 5.2.4 case B: a valid cookie with our tag but a new peer tag, the result of
     * an initialization collision (section 5.2.1). The association takes the peer's new tag and
     * initial TSN from the cookie, enters ESTABLISHED and acknowledges.
     */
    void onCollisionCookie(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != tcb.localTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        if (tcb.isHandshaking()) {
            handshake.stop();
            tcb.adoptPeer(cookie);
            paths.learnAll(cookie.peerAddresses()); // RFC 9260 section 5.1.2: the addresses of the peer's INIT
            lifecycle.startDataTransfer();
            lifecycle.established(nowNanos);
        }
        // Already up with another peer tag, the cookie is an old one of the collision: ack it again.
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
        transmission.flush(nowNanos);
    }

    /**
     * RFC 9260 section 5.2.4 case A: the peer restarted. Everything queued or in flight is
     * dropped (and reported), the association takes the cookie's tags, TSNs and streams, answers
     * with COOKIE ACK and tells the user (SCTP_RESTART). The caller re-keys it under its new tag.
     */
    void restart(CookieContents cookie, long nowNanos) {
        delivery.endReceiving();
        DataSender sender = transmission.sender();
        List<OutgoingMessage> lost = sender == null ? List.of() : sender.clearUnsent();
        tcb.timers.stopAll();
        paths.stop();
        tcb.localTag = cookie.localTag();
        tcb.localInitialTsn = cookie.localInitialTsn();
        tcb.adoptPeer(cookie);
        paths.learnAll(cookie.peerAddresses()); // the restarted peer may list new addresses (section 5.1.2)
        // undeliveredBytes stays: messages handed out before the restart still wait in the event queue.
        errors.clear();
        lifecycle.startDataTransfer();
        tcb.state = AssociationState.ESTABLISHED;
        paths.start(nowNanos);
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
        tcb.emit(new AssociationEvent.Restarted(tcb.outboundStreams, tcb.inboundStreams, lost.size()));
    }
}
