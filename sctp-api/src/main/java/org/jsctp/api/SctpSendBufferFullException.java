package org.jsctp.api;

import java.util.List;

/**
 * {@code sendAsync} found the send buffer full and its bounded queue of waiting messages full too: the message was not taken. Wait for earlier sends (or a {@link SctpNotification.BufferedAmountLow}) and try again.
 */
public class SctpSendBufferFullException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param causes the peer's error causes, if any
     */
    public SctpSendBufferFullException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception with an underlying cause.
     *
     * @param message what happened
     * @param association the association concerned, or null
     * @param cause the underlying exception
     */
    public SctpSendBufferFullException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
