package org.jsctp.api;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Something an association reports besides messages (RFC 6458 section 6.1), delivered for the
 * {@link NotificationKind kinds} subscribed with {@code subscribe} or
 * {@link SctpOptions#EVENTS}: to the {@link SctpListener} when one is set, otherwise to
 * {@code pollNotification()} / {@code receiveNotification(...)}.
 */
public sealed interface SctpNotification {

    /** {@return the association it is about} */
    SctpAssociation association();

    /** {@return its kind, as subscribed} */
    NotificationKind kind();

    /**
     * The association came up, ended, or restarted (SCTP_ASSOC_CHANGE, RFC 6458 section 6.1.1).
     *
     * @param association the association
     * @param change what happened
     * @param reason why, in words (empty for COMM_UP and SHUTDOWN_COMP)
     * @param causes the error causes of the peer's ABORT, if that ended it
     * @param outboundStreams streams we may send on (0 once ended)
     * @param inboundStreams streams the peer may send on (0 once ended)
     */
    record AssociationChange(SctpAssociation association, Change change, String reason, List<SctpErrorCause> causes,
                             int outboundStreams, int inboundStreams) implements SctpNotification {

        /** The sac_state values of RFC 6458 section 6.1.1. */
        public enum Change {
            /** The association is up (SCTP_COMM_UP). */
            COMM_UP,
            /** It ended without a graceful shutdown: aborted or unreachable (SCTP_COMM_LOST). */
            COMM_LOST,
            /** The peer restarted; data queued or in flight was lost (SCTP_RESTART). */
            RESTART,
            /** The graceful shutdown completed (SCTP_SHUTDOWN_COMP). */
            SHUTDOWN_COMP,
            /** It could not be set up (SCTP_CANT_STR_ASSOC). */
            CANT_STR_ASSOC
        }

        /**
         * Copies the causes.
         *
         * @param association the association
         * @param change what happened
         * @param reason why, in words (empty for COMM_UP and SHUTDOWN_COMP)
         * @param causes the error causes of the peer's ABORT, if that ended it
         * @param outboundStreams streams we may send on (0 once ended)
         * @param inboundStreams streams the peer may send on (0 once ended)
         */
        public AssociationChange {
            causes = List.copyOf(causes);
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.ASSOCIATION_CHANGE;
        }
    }

    /**
     * One of the peer's addresses changed state (SCTP_PEER_ADDR_CHANGE, RFC 6458 section 6.1.2):
     * it became unreachable or reachable again (RFC 9260 section 8.2), was confirmed (section
     * 5.4), made primary, added or removed, or became Potentially Failed (RFC 7829).
     *
     * @param association the association
     * @param address the peer's UDP address concerned
     * @param reachable whether the address can carry data after the change
     * @param state what happened (spc_state)
     */
    record PeerAddressChange(SctpAssociation association, InetSocketAddress address, boolean reachable,
                             SctpPeerAddressState state) implements SctpNotification {

        /**
         * The single-path form: SCTP_ADDR_AVAILABLE when reachable, else SCTP_ADDR_UNREACHABLE.
         *
         * @param association the association
         * @param address the peer's UDP address concerned
         * @param reachable whether the address can carry data after the change
         */
        public PeerAddressChange(SctpAssociation association, InetSocketAddress address, boolean reachable) {
            this(association, address, reachable,
                    reachable ? SctpPeerAddressState.AVAILABLE : SctpPeerAddressState.UNREACHABLE);
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.PEER_ADDRESS_CHANGE;
        }
    }

    /**
     * The peer reported errors in an ERROR chunk (SCTP_REMOTE_ERROR, RFC 6458 section 6.1.3).
     *
     * @param association the association
     * @param causes what the peer reported
     */
    record RemoteError(SctpAssociation association, List<SctpErrorCause> causes) implements SctpNotification {
        /**
         * Copies the causes.
         *
         * @param association the association
         * @param causes what the peer reported
         */
        public RemoteError {
            causes = List.copyOf(causes);
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.REMOTE_ERROR;
        }
    }

    /**
     * A message accepted for sending could not be delivered because the association ended
     * (SCTP_SEND_FAILED_EVENT, RFC 6458 section 6.1.11); the message is handed back.
     *
     * @param association the association
     * @param message the message, as it was given to send (its context included)
     * @param sent whether any of it had been sent (SCTP_DATA_SENT) or none (SCTP_DATA_UNSENT)
     * @param reason why the association ended, or, starting with "abandoned", why PR-SCTP gave it up
     */
    record SendFailed(SctpAssociation association, SctpMessage message, boolean sent, String reason)
            implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.SEND_FAILED;
        }

        /**
         * {@return whether the message was given up by its PR-SCTP policy ({@link SctpPrPolicy}; RFC 3758
         * section 3.5) while the association goes on, rather than lost because the association ended}
         */
        public boolean abandoned() {
            return reason.startsWith("abandoned");
        }
    }

    /**
     * The peer started a graceful shutdown: it sends no more data and accepts none from us
     * (SCTP_SHUTDOWN_EVENT, RFC 6458 section 6.1.5).
     *
     * @param association the association
     */
    record Shutdown(SctpAssociation association) implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.SHUTDOWN;
        }
    }

    /**
     * The peer announced an Adaptation Layer Indication (SCTP_ADAPTATION_INDICATION, RFC 6458
     * section 6.1.6; RFC 5061 section 4.2.6) in its INIT or INIT ACK: delivered right after the
     * association comes up. Ours is set with {@link SctpOptions#ADAPTATION_LAYER}.
     *
     * @param association the association
     * @param indication the peer's 32-bit adaptation code point
     */
    record AdaptationIndication(SctpAssociation association, int indication) implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.ADAPTATION_INDICATION;
        }
    }

    /**
     * The partial delivery of a large message was aborted: its pieces delivered so far will not
     * be completed (SCTP_PARTIAL_DELIVERY_EVENT with SCTP_PARTIAL_DELIVERY_ABORTED, RFC 6458
     * section 6.1.7). Raised once partial delivery is in the core.
     *
     * @param association the association
     * @param stream the stream of the message
     * @param unordered whether the message was unordered
     * @param sequenceNumber its SSN (DATA) or MID (I-DATA)
     */
    record PartialDeliveryAborted(SctpAssociation association, int stream, boolean unordered, long sequenceNumber)
            implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.PARTIAL_DELIVERY;
        }
    }

    /**
     * Everything sent has been acknowledged and nothing is queued (SCTP_SENDER_DRY_EVENT, RFC
     * 6458 section 6.1.9).
     *
     * @param association the association
     */
    record SenderDry(SctpAssociation association) implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.SENDER_DRY;
        }
    }

    /**
     * The data queued or in flight fell from above {@link SctpOptions#BUFFERED_AMOUNT_LOW_THRESHOLD}
     * to at or below it: a good moment to send more.
     *
     * @param association the association
     * @param bufferedAmount the bytes still queued or in flight
     * @param threshold the threshold that was crossed
     */
    record BufferedAmountLow(SctpAssociation association, long bufferedAmount, long threshold)
            implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.BUFFERED_AMOUNT_LOW;
        }
    }

    /**
     * Streams were reset, or a reset was refused (SCTP_STREAM_RESET_EVENT, RFC 6525 section
     * 6.1.1): our request's outcome, or the peer resetting its outbound (our inbound) streams.
     *
     * @param association the association
     * @param streams the streams, empty for all
     * @param direction {@link SctpStreamDirection#INCOMING} for our inbound streams
     *     (SCTP_STREAM_RESET_INCOMING_SSN), {@link SctpStreamDirection#OUTGOING} for our outbound ones
     * @param result performed, denied or failed
     */
    record StreamReset(SctpAssociation association, List<Integer> streams, SctpStreamDirection direction,
                       SctpReconfigResult result) implements SctpNotification {
        /**
         * Copies the streams.
         *
         * @param association the association
         * @param streams the streams, empty for all
         * @param direction {@link SctpStreamDirection#INCOMING} for our inbound streams
         *     (SCTP_STREAM_RESET_INCOMING_SSN), {@link SctpStreamDirection#OUTGOING} for our outbound ones
         * @param result performed, denied or failed
         */
        public StreamReset {
            streams = List.copyOf(streams);
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.STREAM_RESET;
        }
    }

    /**
     * Both directions' TSNs and all streams were reset, or the reset was refused
     * (SCTP_ASSOC_RESET_EVENT, RFC 6525 section 6.1.2).
     *
     * @param association the association
     * @param localTsn the next TSN we send (assoc_local_tsn), unsigned 32-bit
     * @param remoteTsn the next TSN expected from the peer (assoc_remote_tsn), unsigned 32-bit
     * @param result performed, denied or failed
     */
    record AssociationReset(SctpAssociation association, long localTsn, long remoteTsn, SctpReconfigResult result)
            implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.ASSOCIATION_RESET;
        }
    }

    /**
     * The number of streams changed, or adding streams was refused (SCTP_STREAM_CHANGE_EVENT, RFC
     * 6525 section 6.1.3).
     *
     * @param association the association
     * @param outboundStreams streams we may send on now
     * @param inboundStreams streams the peer may send on now
     * @param result performed, denied or failed
     */
    record StreamChange(SctpAssociation association, int outboundStreams, int inboundStreams, SctpReconfigResult result)
            implements SctpNotification {
        @Override
        public NotificationKind kind() {
            return NotificationKind.STREAM_CHANGE;
        }
    }

    /**
     * An AUTH key event (SCTP_AUTHENTICATION_EVENT, RFC 6458 section 6.1.8; RFC 4895).
     *
     * @param association the association
     * @param keyId the Shared Key Identifier concerned
     * @param indication what happened
     */
    record Authentication(SctpAssociation association, int keyId, Indication indication) implements SctpNotification {

        /** RFC 6458 section 6.1.8 auth_indication, and one of jsctp's own. */
        public enum Indication {
            /** The peer used this key for the first time (SCTP_AUTH_NEW_KEY). */
            NEW_KEY,
            /** A deactivated key is no longer used (SCTP_AUTH_FREE_KEY). */
            FREE_KEY,
            /** We offered AUTH and the peer did not: it is not used (SCTP_AUTH_NO_AUTH). */
            NO_AUTH,
            /** An AUTH chunk named a key we do not have; it was discarded (RFC 4895 section 6.3). */
            UNKNOWN_KEY
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.AUTHENTICATION;
        }
    }
}
