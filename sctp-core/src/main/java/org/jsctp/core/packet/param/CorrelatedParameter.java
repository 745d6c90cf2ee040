package org.jsctp.core.packet.param;

/**
 * An ASCONF request or ASCONF-ACK response parameter (RFC 5061 section 4.2): each carries the
 * ASCONF-Request Correlation ID that ties a response to its request.
 */
public sealed interface CorrelatedParameter extends Parameter
        permits AddIpAddressParameter, DeleteIpAddressParameter, SetPrimaryAddressParameter,
        ErrorCauseIndicationParameter, SuccessIndicationParameter, VtagsParameter {

    /** {@return the ASCONF-Request Correlation ID, an opaque 32-bit value chosen by the request's sender} */
    int correlationId();
}
