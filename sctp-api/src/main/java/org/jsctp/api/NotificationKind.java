package org.jsctp.api;

/**
 * The kinds of {@link SctpNotification} an application subscribes to (RFC 6458 section 6.2.1,
 * SCTP_EVENT). Following RFC 6458, none is subscribed by default.
 */
public enum NotificationKind {
    /** {@link SctpNotification.AssociationChange} (SCTP_ASSOC_CHANGE). */
    ASSOCIATION_CHANGE,
    /** {@link SctpNotification.PeerAddressChange} (SCTP_PEER_ADDR_CHANGE). */
    PEER_ADDRESS_CHANGE,
    /** {@link SctpNotification.RemoteError} (SCTP_REMOTE_ERROR). */
    REMOTE_ERROR,
    /** {@link SctpNotification.SendFailed} (SCTP_SEND_FAILED_EVENT). */
    SEND_FAILED,
    /** {@link SctpNotification.Shutdown} (SCTP_SHUTDOWN_EVENT). */
    SHUTDOWN,
    /** {@link SctpNotification.AdaptationIndication} (SCTP_ADAPTATION_INDICATION). */
    ADAPTATION_INDICATION,
    /** {@link SctpNotification.PartialDeliveryAborted} (SCTP_PARTIAL_DELIVERY_EVENT). */
    PARTIAL_DELIVERY,
    /** {@link SctpNotification.SenderDry} (SCTP_SENDER_DRY_EVENT). */
    SENDER_DRY,
    /** {@link SctpNotification.BufferedAmountLow} (no RFC 6458 counterpart; WebRTC's bufferedamountlow). */
    BUFFERED_AMOUNT_LOW,
    /** {@link SctpNotification.StreamReset} (SCTP_STREAM_RESET_EVENT). */
    STREAM_RESET,
    /** {@link SctpNotification.AssociationReset} (SCTP_ASSOC_RESET_EVENT). */
    ASSOCIATION_RESET,
    /** {@link SctpNotification.StreamChange} (SCTP_STREAM_CHANGE_EVENT). */
    STREAM_CHANGE,
    /** {@link SctpNotification.Authentication} (SCTP_AUTHENTICATION_EVENT). */
    AUTHENTICATION
}
