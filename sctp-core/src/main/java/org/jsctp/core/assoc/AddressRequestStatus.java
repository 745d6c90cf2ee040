package org.jsctp.core.assoc;

import org.jsctp.core.asconf.AsconfSender;

/**
 * Whether a request to change our addresses on a live association (RFC 5061: Add IP Address,
 * Delete IP Address, Set Primary Address) was queued for an ASCONF: the outcome comes later as an
 * {@link AssociationEvent.LocalAddressChange} once the peer's ASCONF-ACK (or the association's
 * failure) decides it.
 */
public enum AddressRequestStatus {
    /** Queued; it goes in the next ASCONF (RFC 5061 section 5.1). */
    QUEUED,
    /** ASCONF was not negotiated: both sides must offer it, and AUTH with it (RFC 5061 section 4.1.1). */
    NOT_NEGOTIATED,
    /** The association is not established. */
    NOT_ESTABLISHED,
    /** The address is already part of the association (Add) or already being deleted (Delete). */
    DUPLICATE,
    /** Delete or Set Primary of an address that is not ours in the association (RFC 5061 section 4.2.4). */
    UNKNOWN_ADDRESS,
    /** RFC 5061 section 5.3 rule D5: the association would be left without an address of ours. */
    LAST_ADDRESS,
    /** The wildcard, a multicast or the broadcast address (RFC 5061 section 4.2.1). */
    INVALID_ADDRESS,
    /** The peer said it does not understand this request (RFC 5061 section 5.1 rule A9, section 5.3 rules D3a, D3b). */
    NOT_SUPPORTED_BY_PEER,
    /** Too many requests are waiting. */
    QUEUE_FULL,
    /** No address of ours is known to the peer, so no ASCONF can name one (RFC 5061 section 4.1.1). */
    NO_ADDRESS_KNOWN_TO_PEER;

    /** {@return whether the request was taken} */
    public boolean isQueued() {
        return this == QUEUED;
    }

    static AddressRequestStatus of(AsconfSender.RequestStatus s) {
        return switch (s) {
            case QUEUED -> QUEUED;
            case REFUSED_DUPLICATE -> DUPLICATE;
            case REFUSED_UNKNOWN_ADDRESS -> UNKNOWN_ADDRESS;
            case REFUSED_LAST_ADDRESS -> LAST_ADDRESS;
            case REFUSED_INVALID_ADDRESS -> INVALID_ADDRESS;
            case REFUSED_NOT_SUPPORTED_BY_PEER -> NOT_SUPPORTED_BY_PEER;
            case REFUSED_QUEUE_FULL -> QUEUE_FULL;
            case REFUSED_NO_ADDRESS_KNOWN_TO_PEER -> NO_ADDRESS_KNOWN_TO_PEER;
        };
    }
}
