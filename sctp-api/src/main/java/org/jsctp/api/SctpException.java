package org.jsctp.api;

import java.io.IOException;
import java.util.List;

/**
 * Something went wrong with an association or an endpoint; the message says what in words a user
 * understands. The subclasses tell the kinds apart: {@link SctpConnectException},
 * {@link SctpAbortedException}, {@link SctpClosedException}, {@link SctpSendBufferFullException}
 * and {@link SctpTimeoutException}.
 */
public class SctpException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The association concerned, or null (not serialized). */
    private final transient SctpAssociation association;
    /** The error causes the peer sent, if any. */
    private final List<SctpErrorCause> causes;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message);
        this.association = association;
        this.causes = List.copyOf(causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpException(String message, SctpAssociation association, Throwable cause) {
        super(message, cause);
        this.association = association;
        this.causes = List.of();
    }

    /** {@return the association concerned, or null when none is (e.g. an endpoint that could not bind)} */
    public SctpAssociation association() {
        return association;
    }

    /** {@return the error causes the peer sent (e.g. in its ABORT), empty when there were none} */
    public List<SctpErrorCause> causes() {
        return causes;
    }
}
