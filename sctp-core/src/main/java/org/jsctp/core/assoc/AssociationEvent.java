package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * What an association tells its user (RFC 9260 section 11.2, RFC 6458 section 6.1). Events are
 * queued while an input is processed and handed out afterwards by
 * {@link Association#pollEvent()}, so a user reacting to one never sees half-updated state.
 */
public sealed interface AssociationEvent {

    /**
     * The association is up (SCTP_COMM_UP).
     *
     * @param outboundStreams the streams we may send on, 1..65535
     * @param inboundStreams the streams the peer may send on, 1..65535
     */
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
        /**
         * Copies what is mutable.
         *
         * @param reason what happened, in words for a log or an exception message
         * @param causes the error causes of the peer's ABORT, if that is what ended it
         */
        public CommunicationLost {
            causes = List.copyOf(causes);
        }
    }

    /**
     * A user message arrived (RFC 9260 section 10.1 RECEIVE), whole or, for a large message, a
     * piece of it ({@link ReceivedMessage#complete()} is false on all pieces but the last; see
     * {@link ReceivedMessage}).
     *
     * @param message the message or piece
     */
    record MessageReceived(ReceivedMessage message) implements AssociationEvent {
    }

    /**
     * A message that was arriving in pieces will not be completed (SCTP_PARTIAL_DELIVERY_EVENT
     * with SCTP_PARTIAL_DELIVERY_ABORTED, RFC 6458 section 6.1.7): the peer abandoned the rest of
     * it (a FORWARD TSN or I-FORWARD-TSN, RFC 3758 section 3.6), or the association ended or
     * restarted. The pieces already received are all there is; it comes after the last of them
     * and before any later message of the stream.
     *
     * @param streamId the message's stream
     * @param unordered whether it was sent unordered
     * @param sequenceNumber its SSN (DATA) or MID (I-DATA)
     */
    record PartialDeliveryAborted(int streamId, boolean unordered, long sequenceNumber) implements AssociationEvent {
    }

    /** The graceful shutdown finished: all data was delivered both ways (SCTP_SHUTDOWN_COMP). */
    record ShutdownComplete() implements AssociationEvent {
    }

    /** The peer started a graceful shutdown; it accepts no new data from us (SCTP_SHUTDOWN_EVENT). */
    record PeerShutdown() implements AssociationEvent {
    }

    /**
     * The peer reported errors in an ERROR chunk (SCTP_REMOTE_ERROR).
     *
     * @param causes the error causes of the ERROR chunk
     */
    record RemoteError(List<ErrorCause> causes) implements AssociationEvent {
        /**
         * Copies what is mutable.
         *
         * @param causes the error causes of the ERROR chunk
         */
        public RemoteError {
            causes = List.copyOf(causes);
        }
    }

    /**
     * The data queued or in flight dropped from above the threshold set with
     * {@link Association#setBufferedAmountLowThreshold} to at or below it, on an acknowledgement
     * (the WebRTC bufferedamountlow event; RFC 6458 has no counterpart). A sender waiting for room
     * can refill the buffer now.
     *
     * @param bufferedAmount the bytes still queued or in flight
     */
    record BufferedAmountLow(long bufferedAmount) implements AssociationEvent {
    }

    /**
     * The peer restarted (RFC 9260 section 5.2.4 case A, SCTP_RESTART): the association goes on
     * with new tags and sequence numbers; data that was queued or in flight is lost.
     *
     * @param droppedMessages how many queued messages were dropped
     * @param outboundStreams the streams we may send on after the restart
     * @param inboundStreams the streams the peer may send on after the restart
     */
    record Restarted(int outboundStreams, int inboundStreams, int droppedMessages) implements AssociationEvent {
    }

    /**
     * One of the peer's addresses changed state (SCTP_PEER_ADDR_CHANGE of RFC 6458 section
     * 6.1.2): it became unreachable or reachable again (RFC 9260 section 8.2), was confirmed
     * (section 5.4), made primary, or entered Potentially Failed (RFC 7829 section 5).
     *
     * @param address the peer address, or null for the single anonymous path of an association
     *     that was given no addresses
     * @param state what happened to it
     */
    record PeerAddressChange(InetAddress address, PeerAddressState state) implements AssociationEvent {

        /** {@return whether the address can carry data after this change ({@link PeerAddressState#isAvailable()})} */
        public boolean available() {
            return state.isAvailable();
        }

        /** {@return the same as {@link #available()}, for callers of the single-path event} */
        public boolean reachable() {
            return available();
        }
    }

    /**
     * A message the association could not deliver because it ended, or gave up because of its
     * PR-SCTP policy (RFC 3758 section 3.5, RFC 7496; the reason then starts with "abandoned")
     * (SCTP_SEND_FAILED_EVENT of RFC 6458 section 6.1.11): the message is handed back to the user.
     *
     * @param sent whether any of it had been sent (SCTP_DATA_SENT) or none (SCTP_DATA_UNSENT)
     * @param message the message, as the user gave it
     * @param reason why it failed, e.g. "association aborted" or "abandoned: ..."
     */
    record SendFailed(OutgoingMessage message, boolean sent, String reason) implements AssociationEvent {
    }

    /** Everything the user sent has been acknowledged; nothing is queued (SCTP_SENDER_DRY_EVENT). */
    record SenderDry() implements AssociationEvent {
    }

    /**
     * How a stream reconfiguration ended (RFC 6525 section 4.4 results, as the events of RFC 6525
     * sections 6.1.1-6.1.3 flag them).
     */
    enum ReconfigOutcome {
        /** Done: "Success - Performed" or "Success - Nothing to do". */
        PERFORMED,
        /** The peer refused: "Denied" (SCTP_STREAM_RESET_DENIED and the like). */
        DENIED,
        /** The peer answered with an error code, or the request could not be made (..._FAILED). */
        FAILED
    }

    /**
     * Streams were reset, or a reset was refused (SCTP_STREAM_RESET_EVENT, RFC 6525 section
     * 6.1.1; RFC 6525 sections 5.1.2, 5.1.3, 5.2.2). Incoming resets are reported whether we asked
     * for them or the peer reset its outgoing streams.
     *
     * @param streams the streams, empty for all of them
     * @param incoming whether they are our inbound streams (SCTP_STREAM_RESET_INCOMING_SSN), else
     *     our outbound ones (SCTP_STREAM_RESET_OUTGOING_SSN)
     * @param outcome performed, denied or failed
     */
    record StreamReset(List<Integer> streams, boolean incoming, ReconfigOutcome outcome) implements AssociationEvent {
        /**
         * Copies what is mutable.
         *
         * @param streams the streams, empty for all of them
         * @param incoming whether they are our inbound streams (SCTP_STREAM_RESET_INCOMING_SSN), else
         *     our outbound ones (SCTP_STREAM_RESET_OUTGOING_SSN)
         * @param outcome performed, denied or failed
         */
        public StreamReset {
            streams = List.copyOf(streams);
        }
    }

    /**
     * The association's TSNs and all streams were reset, or the reset was refused
     * (SCTP_ASSOC_RESET_EVENT, RFC 6525 section 6.1.2; RFC 6525 sections 5.1.4, 5.2.4).
     *
     * @param localTsn the next TSN we send (assoc_local_tsn)
     * @param remoteTsn the next TSN we expect from the peer (assoc_remote_tsn)
     * @param outcome performed, denied or failed
     */
    record AssociationReset(Tsn localTsn, Tsn remoteTsn, ReconfigOutcome outcome) implements AssociationEvent {
    }

    /**
     * The number of streams changed, or an add-streams request was refused
     * (SCTP_STREAM_CHANGE_EVENT, RFC 6525 section 6.1.3; RFC 6525 sections 5.1.5, 5.1.6, 5.2.5).
     *
     * @param outboundStreams the outbound streams now
     * @param inboundStreams the inbound streams now
     * @param outcome performed, denied or failed
     */
    record StreamChange(int outboundStreams, int inboundStreams, ReconfigOutcome outcome) implements AssociationEvent {
    }

    /**
     * Our verification tag changed while the association was being set up: an SCTP-aware NAT
     * reported a VTag and Port Number Collision (draft-ietf-tsvwg-natsupp section 6.2) and a new
     * INIT went out with a new tag. A transport that finds associations by their tag re-keys this
     * one from {@code previousLocalTag}.
     *
     * @param previousLocalTag the tag of the INIT the NAT refused
     * @param localTag the tag of the new INIT
     */
    record LocalTagChanged(int previousLocalTag, int localTag) implements AssociationEvent {
    }

    /**
     * The peer announced an Adaptation Layer Indication in its INIT or INIT ACK (RFC 5061 section
     * 4.2.6; SCTP_ADAPTATION_INDICATION of RFC 6458 section 6.1.6); raised right after
     * {@link CommunicationUp}.
     *
     * @param codePoint the peer's Adaptation Code Point, an unsigned 32-bit value in an int
     */
    record AdaptationIndication(int codePoint) implements AssociationEvent {
    }

    /**
     * An SCTP-aware NAT on the path lost its entry for this association: it sent an ERROR with the
     * M bit and the Missing State cause (draft-ietf-tsvwg-natsupp sections 5.2.2 and 6.4). The
     * report comes with {@code recovered} false; the recovery is an ASCONF with the VTags
     * parameter, sent when ASCONF (RFC 5061, with AUTH) is negotiated, and a second event with
     * {@code recovered} true follows its ASCONF-ACK. Without ASCONF packets through that NAT
     * keep failing.
     *
     * @param recovered whether the NAT's entry was restored
     */
    record NatStateMissing(boolean recovered) implements AssociationEvent {
    }

    /**
     * An AUTH key event (SCTP_AUTHENTICATION_EVENT, RFC 6458 section 6.1.8; RFC 4895).
     *
     * @param keyId the Shared Key Identifier concerned (auth_keynumber)
     * @param indication what happened (auth_indication)
     */
    record Authentication(int keyId, org.jsctp.core.auth.AuthIndication indication) implements AssociationEvent {
    }

    /**
     * The outcome of one of our ASCONF requests (RFC 5061 section 5.1 rules A6 to A8): an address
     * of ours added to or deleted from the association, or the peer's primary set to one, or the
     * request refused with the peer's error causes (section 4.3), or given up because the
     * association failed. After a successful {@link LocalAddressRequest#ADD} the address may be the
     * source of any packet (section 5.3 rule D2); after a successful {@link LocalAddressRequest#DELETE}
     * it is no longer part of the association.
     *
     * @param address our address the request named
     * @param request what was asked
     * @param success whether the peer performed it
     * @param causes the peer's reasons when it refused (possibly none)
     */
    record LocalAddressChange(InetAddress address, LocalAddressRequest request, boolean success,
                              List<ErrorCause> causes) implements AssociationEvent {
        /**
         * Copies what is mutable.
         *
         * @param address our address the request named
         * @param request what was asked
         * @param success whether the peer performed it
         * @param causes the peer's reasons when it refused (possibly none)
         */
        public LocalAddressChange {
            causes = List.copyOf(causes);
        }
    }
}
