package org.jsctp.core.auth;

/**
 * What an authentication event reports (RFC 6458 section 6.1.8, SCTP_AUTHENTICATION_EVENT).
 */
public enum AuthIndication {
    /** The peer used a Shared Key Identifier it had not used before (SCTP_AUTH_NEW_KEY). */
    NEW_KEY,
    /** A deactivated key is no longer used by this side (SCTP_AUTH_FREE_KEY). */
    FREE_KEY,
    /** We offered AUTH, the peer did not: the association goes on without it (SCTP_AUTH_NO_AUTH). */
    NO_AUTH,
    /**
     * An AUTH chunk named a Shared Key Identifier we have no key for, so it and the chunks after
     * it were discarded (RFC 4895 section 6.3). jsctp's own: RFC 6458 has no indication for it.
     */
    UNKNOWN_KEY
}
