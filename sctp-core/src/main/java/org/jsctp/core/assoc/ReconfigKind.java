package org.jsctp.core.assoc;

/** The requests of RFC 6525 section 4 one side can make. */
enum ReconfigKind {
    /** Outgoing SSN Reset Request (section 4.1): we reset our outbound streams. */
    OUTGOING_RESET,
    /** Incoming SSN Reset Request (section 4.2): we ask the peer to reset its outbound streams. */
    INCOMING_RESET,
    /** SSN/TSN Reset Request (section 4.3): both directions' TSNs and every stream. */
    ASSOCIATION_RESET,
    /** Add Outgoing and/or Add Incoming Streams Requests (sections 4.5 and 4.6). */
    ADD_STREAMS
}
