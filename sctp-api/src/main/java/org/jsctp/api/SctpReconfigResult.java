package org.jsctp.api;

/**
 * How a stream reconfiguration ended (RFC 6525 section 4.4 results; the flags of RFC 6525
 * sections 6.1.1-6.1.3).
 */
public enum SctpReconfigResult {
    /** Done ("Success - Performed" or "Success - Nothing to do"). */
    PERFORMED,
    /** The peer refused (SCTP_STREAM_RESET_DENIED, SCTP_ASSOC_RESET_DENIED, SCTP_STREAM_CHANGE_DENIED). */
    DENIED,
    /** The peer answered with an error (SCTP_STREAM_RESET_FAILED, SCTP_ASSOC_RESET_FAILED, SCTP_STREAM_CHANGE_FAILED). */
    FAILED
}
