package org.jsctp.api;

import java.util.List;

/**
 * The association or endpoint is closed or shutting down, so the operation can no longer be done (e.g. sending after a SHUTDOWN, RFC 9260 section 9.2).
 */
public class SctpClosedException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpClosedException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpClosedException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
