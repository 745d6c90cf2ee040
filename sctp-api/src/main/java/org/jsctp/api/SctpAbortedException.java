package org.jsctp.api;

import java.util.List;

/**
 * An established association ended without a graceful shutdown: the peer aborted, it stopped answering (retransmissions exhausted), or it was aborted here (RFC 9260 section 9.1; RFC 6458 SCTP_COMM_LOST).
 */
public class SctpAbortedException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpAbortedException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpAbortedException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
