package org.jsctp.core.assoc;

/** The kind of an ASCONF request of ours (RFC 5061 section 4.2), as {@link AssociationEvent.LocalAddressChange} reports it. */
public enum LocalAddressRequest {
    /** Add IP Address (RFC 5061 section 4.2.1): one of our addresses joins the association. */
    ADD,
    /** Delete IP Address (RFC 5061 section 4.2.2): one of our addresses leaves it. */
    DELETE,
    /** Set Primary Address (RFC 5061 section 4.2.4): the peer is asked to send to this address of ours. */
    SET_PEER_PRIMARY
}
