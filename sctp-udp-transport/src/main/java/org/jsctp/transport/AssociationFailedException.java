package org.jsctp.transport;

import java.net.InetSocketAddress;

/**
 * An association could not be established, or was lost before the caller's operation finished:
 * the peer aborted, the handshake timed out, or the endpoint was closed.
 */
public final class AssociationFailedException extends Exception {

    /** The peer's UDP address (not serialized). */
    private final transient InetSocketAddress remoteAddress;
    /** The peer's SCTP port. */
    private final int remoteSctpPort;
    /** What happened. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param remoteAddress the peer's UDP address
     * @param remoteSctpPort the peer's SCTP port
     * @param reason what happened, as the core reported it
     */
    public AssociationFailedException(InetSocketAddress remoteAddress, int remoteSctpPort, String reason) {
        super("association with " + remoteAddress + " (SCTP port " + remoteSctpPort + ") failed: " + reason);
        this.remoteAddress = remoteAddress;
        this.remoteSctpPort = remoteSctpPort;
        this.reason = reason;
    }

    /** {@return the peer's UDP address} */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** {@return the peer's SCTP port} */
    public int remoteSctpPort() {
        return remoteSctpPort;
    }

    /** {@return what happened, as the core reported it (e.g. "aborted by the peer: User-Initiated Abort: bye")} */
    public String reason() {
        return reason;
    }
}
