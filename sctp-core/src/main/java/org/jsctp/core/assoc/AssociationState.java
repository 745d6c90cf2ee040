package org.jsctp.core.assoc;

/** The states of an association (RFC 9260 section 4). */
public enum AssociationState {
    /** No association, or it has ended. */
    CLOSED,
    /** INIT sent, waiting for INIT ACK (section 5.1 step A). */
    COOKIE_WAIT,
    /** COOKIE ECHO sent, waiting for COOKIE ACK (section 5.1 step C). */
    COOKIE_ECHOED,
    /** Up: data flows both ways. */
    ESTABLISHED,
    /** The user asked to shut down; outstanding data is still being delivered (section 9.2). */
    SHUTDOWN_PENDING,
    /** SHUTDOWN sent, waiting for SHUTDOWN ACK. */
    SHUTDOWN_SENT,
    /** The peer sent SHUTDOWN; our outstanding data is still being delivered. */
    SHUTDOWN_RECEIVED,
    /** SHUTDOWN ACK sent, waiting for SHUTDOWN COMPLETE. */
    SHUTDOWN_ACK_SENT
}
