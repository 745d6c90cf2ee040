package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.cause.ErrorCause;

/**
 * What an association tells its user (RFC 9260 section 11.2, RFC 6458 section 6.1). Events are
 * queued while an input is processed and handed out afterwards by
 * {@link Association#pollEvent()}, so a user reacting to one never sees half-updated state.
 */
public sealed interface AssociationEvent {

    /** The association is up (SCTP_COMM_UP). */
    record CommunicationUp(int outboundStreams, int inboundStreams) implements AssociationEvent {
    }

    /**
     * The association is gone without a graceful shutdown (SCTP_COMM_LOST or SCTP_CANT_STR_ASSOC):
     * the peer aborted, retransmissions were exhausted, or the handshake failed.
     *
     * @param reason what happened, in words for a log or an exception message
     * @param causes the error causes of the peer's ABORT, if that is what ended it
     */
    record CommunicationLost(String reason, List<ErrorCause> causes) implements AssociationEvent {
        public CommunicationLost {
            causes = List.copyOf(causes);
        }
    }
}
