package org.jsctp.core.handshake;

import org.jsctp.core.packet.Bytes;

/**
 * What checking a received State Cookie found (RFC 9260 section 5.1.5).
 */
public sealed interface CookieCheck {

    /**
     * The MAC matched and the cookie is within its life span: here is what we sealed into it.
     *
     * @param contents the sealed contents ({@link CookieContents#decode} reads them)
     * @param createdAtNanos when the cookie was sealed
     */
    record Valid(Bytes contents, long createdAtNanos) implements CookieCheck {
    }

    /**
     * Genuine but too old (section 5.1.5 step 3): answer with a Stale Cookie error carrying the
     * staleness, in microseconds as that cause measures it. The contents are authentic, so the
     * error can be addressed with the peer's tag found in them.
     *
     * @param contents the sealed contents
     * @param stalenessMicros how long ago the cookie expired, in microseconds
     */
    record Stale(Bytes contents, long stalenessMicros) implements CookieCheck {
    }

    /**
     * Not ours: the MAC does not match, or the secret it names is gone (section 5.1.5 step 2). The
     * packet is discarded silently.
     *
     * @param why the reason, for logs and counters
     */
    record Forged(String why) implements CookieCheck {
    }
}
