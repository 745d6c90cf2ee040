package org.jsctp.api;

/**
 * The HMAC algorithms of AUTH (RFC 4895 section 3.3) for {@link SctpOptions#AUTH_HMAC_IDENT}.
 * SHA-1 is mandatory in every list.
 */
public enum SctpAuthHmac {
    /** HMAC-SHA-1, HMAC Identifier 1. */
    SHA_1,
    /** HMAC-SHA-256, HMAC Identifier 3. */
    SHA_256
}
