package org.jsctp.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Association-wide limits ({@link SctpOptions#ASSOC_INFO}, RFC 6458 section 8.1.2
 * {@code sctp_assocparams}).
 *
 * @param maxRetransmits Association.Max.Retrans (RFC 9260 section 8.1), 0..1000, default 10
 * @param cookieLife Valid.Cookie.Life (RFC 9260 section 5.1.3), positive, default 60 s
 */
public record AssociationParameters(int maxRetransmits, Duration cookieLife) {

    /**
     * Checks for null.
     *
     * @param maxRetransmits Association.Max.Retrans (RFC 9260 section 8.1), 0..1000, default 10
     * @param cookieLife Valid.Cookie.Life (RFC 9260 section 5.1.3), positive, default 60 s
     */
    public AssociationParameters {
        Objects.requireNonNull(cookieLife, "cookieLife");
    }
}
