package org.jsctp.api;

import java.util.List;

/**
 * An association could not be set up: no answer to the INIT, the peer refused (ABORT), or the endpoint is closing (RFC 6458 section 3.1.5 connect()).
 */
public class SctpConnectException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpConnectException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpConnectException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
