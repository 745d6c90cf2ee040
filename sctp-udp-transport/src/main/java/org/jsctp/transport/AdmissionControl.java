package org.jsctp.transport;

import java.net.InetSocketAddress;

/**
 * Decides whether a peer may set up a new association with the endpoint, e.g. only while an
 * application listens and its accept backlog has room. Asked on the event loop when an INIT
 * arrives that no association owns, and again when its COOKIE ECHO would create the association
 * (the answer may have changed in between). It must not block.
 */
@FunctionalInterface
public interface AdmissionControl {

    /** Admits every peer. */
    AdmissionControl ADMIT_ALL = (remote, remoteSctpPort) -> null;

    /**
     * {@return null to admit the peer; otherwise why it is refused} A refused INIT is answered with an
     * ABORT carrying a User-Initiated Abort cause with this text (RFC 9260 sections 5.1 and 8.4
     * rule 3: the ABORT carries the INIT's Initiate Tag); a refused COOKIE ECHO creates the
     * association only to abort it with the same cause.
     *
     * @param remote the peer's UDP address
     * @param remoteSctpPort the peer's SCTP port
     */
    String refusal(InetSocketAddress remote, int remoteSctpPort);
}
