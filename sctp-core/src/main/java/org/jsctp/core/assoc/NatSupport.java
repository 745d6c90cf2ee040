package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.cause.CollidingNatTableEntryCause;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.MissingNatTableEntryCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;

/**
 * The end-host side of SCTP NAT support (draft-ietf-tsvwg-natsupp): what an association does with
 * an ABORT or ERROR that an SCTP-aware NAT function sent (the M bit, section 5.1), and the refusal
 * of a restart once Disable Restart was exchanged (sections 5.3.1 and 6.1).
 * <ul>
 *   <li>VTag and Port Number Collision (section 5.2.1, "Colliding NAT Table Entry") while our INIT
 *       is out (section 6.2): the NAT already maps another association with our ports and tag, so
 *       the handshake starts over with a new verification tag and initial TSN, in a new INIT. In
 *       any other state the association cannot go on through that NAT, and the ABORT ends it.
 *       At most Max.Init.Retransmits new tags are tried; the ABORT after that ends the attempt.</li>
 *   <li>Missing State (section 5.2.2, "Missing NAT Table Entry") in an ERROR (section 6.4): the NAT
 *       lost its entry; the end host restores it with an ASCONF carrying the VTags parameter
 *       (section 5.3.2): the association reports the loss as {@link AssociationEvent.NatStateMissing}
 *       with {@code recovered == false}, sends that ASCONF through {@link AddressReconfiguration}
 *       when ASCONF is negotiated, and reports {@code recovered == true} when its ASCONF-ACK comes
 *       back (through the NAT, so the entry exists again). Without ASCONF it carries on
 *       unrecovered; packets through that NAT keep failing until the entry is restored.</li>
 * </ul>
 */
final class NatSupport {

    private final Tcb tcb;
    private final Handshake handshake;
    private final AddressReconfiguration asconf;
    /** New INITs sent for collisions so far; bounded by Max.Init.Retransmits, so a NAT cannot loop us. */
    private int collisionRestarts;

    NatSupport(Tcb tcb, Handshake handshake, AddressReconfiguration asconf) {
        this.tcb = tcb;
        this.handshake = handshake;
        this.asconf = asconf;
    }

    /**
     * RFC 9260 section 8.5.1 (B) as the NAT function uses it: its ABORT or ERROR answering our INIT
     * carries our Initiate Tag, with or without the T bit, since we have no peer tag yet.
     */
    boolean acceptsMiddleboxTag(int tag) {
        return tcb.state == AssociationState.COOKIE_WAIT && tag == tcb.localTag;
    }

    /**
     * An ABORT with the M bit: returns true when it was handled here and the association lives
     * on (a new INIT went out), false when it ends the association as an ABORT does.
     */
    boolean onMiddleboxAbort(AbortChunk abort, long nowNanos) {
        return restartsHandshake(abort.causes(), nowNanos);
    }

    /** An ERROR with the M bit (section 5.1.2): never ends the association. */
    void onMiddleboxError(ErrorChunk error, long nowNanos) {
        if (restartsHandshake(error.causes(), nowNanos)) {
            return;
        }
        if (has(error.causes(), MissingNatTableEntryCause.class)) {
            // Section 6.4: the recovery is an ASCONF with the VTags parameter (which needs ASCONF,
            // and so AUTH, negotiated); its answer is reported as recovered.
            tcb.emit(new AssociationEvent.NatStateMissing(false));
            asconf.restoreNatState(nowNanos);
            return;
        }
        tcb.emit(new AssociationEvent.RemoteError(error.causes()));
    }

    private boolean restartsHandshake(List<ErrorCause> causes, long nowNanos) {
        if (tcb.state != AssociationState.COOKIE_WAIT || !has(causes, CollidingNatTableEntryCause.class)) {
            return false;
        }
        if (collisionRestarts >= tcb.config.maxInitRetransmits()) {
            return false; // as many new tags as INIT retransmissions: the ABORT ends the attempt
        }
        collisionRestarts++;
        int previousTag = tcb.localTag;
        handshake.restartWithNewTag(nowNanos); // section 6.2: a new INIT with a new verification tag
        tcb.emit(new AssociationEvent.LocalTagChanged(previousTag, tcb.localTag));
        return true;
    }

    /**
     * The ABORT refusing a restart (RFC 9260 section 5.2.4 case A) of an association for which
     * either side sent Disable Restart (draft-ietf-tsvwg-natsupp section 6.1). It goes to the
     * sender of the COOKIE ECHO with the tag that sender chose for the new association, so the
     * existing association, which has other tags, is not touched by it.
     */
    static AbortChunk restartRefusal() {
        return AbortChunk.of(ProtocolViolationCause.of(
                "restart refused: Disable Restart was exchanged (draft-ietf-tsvwg-natsupp section 6.1)"));
    }

    private static boolean has(List<ErrorCause> causes, Class<? extends ErrorCause> type) {
        return causes.stream().anyMatch(type::isInstance);
    }
}
