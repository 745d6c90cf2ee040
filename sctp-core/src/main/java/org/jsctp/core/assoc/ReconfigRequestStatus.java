package org.jsctp.core.assoc;

/**
 * Whether a stream reconfiguration request of ours (RFC 6525 section 5.1) was started: the
 * outcome comes later as an {@link AssociationEvent.StreamReset}, {@link AssociationEvent.AssociationReset}
 * or {@link AssociationEvent.StreamChange} event.
 */
public enum ReconfigRequestStatus {
    /** Started: it is sent at once, or once the data it waits for is acknowledged (section 5.1.2). */
    STARTED,
    /** The peer did not offer RE-CONFIG in its INIT or INIT ACK (RFC 6525 section 3.1), or we did not. */
    NOT_NEGOTIATED,
    /** The association is not established. */
    NOT_ESTABLISHED,
    /** A request of ours is still outstanding: only one at a time (section 5.1.1). */
    ALREADY_IN_PROGRESS,
    /** A stream number is not one of the association's streams of that direction. */
    INVALID_STREAM,
    /** The stream count would leave 1..65535, or no stream would be added. */
    INVALID_STREAM_COUNT
}
