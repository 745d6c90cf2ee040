package org.jsctp.api;

/** Which streams a reset names (RFC 6525 section 6.3.2 SCTP_RESET_STREAMS srs_flags). */
public enum SctpStreamDirection {
    /** Our outbound streams (SCTP_STREAM_RESET_OUTGOING; RFC 6525 Outgoing SSN Reset Request). */
    OUTGOING,
    /** The peer's outbound streams, our inbound ones (SCTP_STREAM_RESET_INCOMING; Incoming SSN Reset Request). */
    INCOMING
}
