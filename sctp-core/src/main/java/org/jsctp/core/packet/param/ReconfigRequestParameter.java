package org.jsctp.core.packet.param;

/**
 * A request parameter of a RE-CONFIG chunk (RFC 6525 section 4): each carries the Re-configuration
 * Request Sequence Number that its Re-configuration Response echoes.
 */
public sealed interface ReconfigRequestParameter extends Parameter
        permits OutgoingSsnResetRequestParameter, IncomingSsnResetRequestParameter, SsnTsnResetRequestParameter,
        AddOutgoingStreamsRequestParameter, AddIncomingStreamsRequestParameter {

    /** {@return the request's sequence number: a 32-bit unsigned serial number held in an {@code int}} */
    int requestSequenceNumber();
}
