package org.jsctp.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the paths to the peer ({@link SctpOptions#PEER_ADDR_PARAMS}, RFC 6458 section
 * 8.1.12 {@code sctp_paddrparams}).
 *
 * @param heartbeatInterval HB.interval (RFC 9260 section 8.3), positive, default 30 s; may be
 *     changed on a live association
 * @param pathMaxRetransmits Path.Max.Retrans (RFC 9260 section 8.2), 0..1000, default 5; fixed
 *     once the association exists
 */
public record PeerAddressParameters(Duration heartbeatInterval, int pathMaxRetransmits) {

    /**
     * Checks for null.
     *
     * @param heartbeatInterval HB.interval (RFC 9260 section 8.3), positive, default 30 s; may be
     *     changed on a live association
     * @param pathMaxRetransmits Path.Max.Retrans (RFC 9260 section 8.2), 0..1000, default 5; fixed
     *     once the association exists
     */
    public PeerAddressParameters {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    }
}
