package org.jsctp.api;

/** The states of an association (RFC 9260 section 4; RFC 6458 section 8.2.1 sstat_state). */
public enum SctpAssociationState {
    /** Being set up: INIT sent, waiting for INIT ACK. */
    COOKIE_WAIT,
    /** Being set up: COOKIE ECHO sent, waiting for COOKIE ACK. */
    COOKIE_ECHOED,
    /** Up: data flows both ways. */
    ESTABLISHED,
    /** We asked to shut down; our data still being delivered. */
    SHUTDOWN_PENDING,
    /** SHUTDOWN sent, waiting for SHUTDOWN ACK. */
    SHUTDOWN_SENT,
    /** The peer sent SHUTDOWN; our data still being delivered. */
    SHUTDOWN_RECEIVED,
    /** SHUTDOWN ACK sent, waiting for SHUTDOWN COMPLETE. */
    SHUTDOWN_ACK_SENT,
    /** Ended, gracefully or not. */
    CLOSED
}
