package org.jsctp.api;

import java.util.List;

/**
 * A stream reconfiguration request (RFC 6525) could not be made: the peer did not offer
 * RE-CONFIG, a request of ours is still outstanding (one at a time, RFC 6525 section 5.1.1), a
 * stream number or count is out of range, or the association is not up. A request the peer
 * refuses is not an exception: its notification says {@link SctpReconfigResult#DENIED}.
 */
public class SctpReconfigException extends SctpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the request could not be made
     * @param association the association concerned
     */
    public SctpReconfigException(String message, SctpAssociation association) {
        super(message, association, List.of());
    }
}
