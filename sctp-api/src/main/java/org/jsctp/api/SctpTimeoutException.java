package org.jsctp.api;

import java.util.List;

/**
 * A blocking call given a timeout ran out of time first. Nothing was lost: a timed-out {@code receive} took no message, a timed-out {@code send} did not queue its message.
 */
public class SctpTimeoutException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpTimeoutException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpTimeoutException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
