package org.jsctp.core.handshake;

/**
 * Whether a {@link StateCookieSealer} verifies the MAC of the cookies that come back in COOKIE
 * ECHO (RFC 9260 section 5.1.5 step 2).
 *
 * <p><strong>FOR FUZZING ONLY.</strong> {@link #VERIFY_MAC} is the default and the only mode
 * production code uses: it is what makes the cookie the endpoint's state without letting
 * anybody forge one. {@link #FUZZING_SKIP_MAC} exists so that a fuzzer, which cannot compute
 * an HMAC-SHA256 under a secret it never sees, can still make COOKIE ECHOs that create
 * associations and so reach everything beyond the handshake (see docs/FUZZING.md). An endpoint
 * in that mode accepts any cookie of the right layout: any peer can then create associations
 * with contents of its choosing. Never select it for traffic.
 */
public enum CookieCheckMode {

    /** RFC 9260 behaviour: a cookie whose MAC does not match, or whose secret is gone, is forged. */
    VERIFY_MAC,

    /**
     * DANGER, fuzzing only: the MAC and the secret generation are not checked; the layout, the
     * age (stale cookies stay stale) and the contents still are.
     */
    FUZZING_SKIP_MAC
}
