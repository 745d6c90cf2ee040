package org.jsctp.api;

import java.util.List;

/**
 * A change of our addresses on a live association (RFC 5061: {@link SctpAssociation#bindAddress},
 * {@link SctpAssociation#unbindAddress}, {@link SctpAssociation#setPeerPrimary}) failed: ASCONF was
 * not negotiated (both sides must offer it, with AUTH, section 4.1.1), the request was invalid
 * (the last address, an unknown or duplicate address), or the peer refused it in its ASCONF-ACK
 * with the error causes given (section 4.3), or the association ended first.
 */
public class SctpAddressReconfigException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the request failed
     * @param association the association concerned
     * @param causes the peer's error causes, empty when it did not answer or the request never left
     */
    public SctpAddressReconfigException(String message, SctpAssociation association, List<SctpErrorCause> causes) {
        super(message, association, causes);
    }

    /**
     * Creates the exception for a request that failed locally, e.g. the socket for the address
     * could not be bound.
     *
     * @param message why the request failed
     * @param association the association concerned
     * @param cause what went wrong
     */
    public SctpAddressReconfigException(String message, SctpAssociation association, Throwable cause) {
        super(message, association, cause);
    }
}
