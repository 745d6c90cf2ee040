package org.jsctp.core.cmt;

/**
 * Which buffers CMT divides among its active paths, FreeBSD's {@code sctp_buffer_splitting}
 * sysctl (SCTP_BUFFER_SPLITTING; bit 0x1 the send buffer, bit 0x2 the receive buffer). It
 * matters only while CMT runs ({@link CmtActivation}) and then only for new data: a path over
 * its share takes none (the rule is {@link BufferSplit}), retransmissions are not limited.
 *
 * <p>Without splitting a path with a long round-trip time keeps its data outstanding longest, so
 * it can end up holding most of the send buffer, or of the peer's window, and stall the faster
 * paths (the receive buffer blocking of Iyengar, Amer, Stewart, "Receive Buffer Blocking in
 * Concurrent Multipath Transfer", GLOBECOM 2005; draft-tuexen-tsvwg-sctp-multipath section 3).
 */
public enum CmtBufferSplitting {

    /** No splitting: each path is limited by its congestion window only. The default (FreeBSD 0). */
    NONE(false, false),

    /** Send buffer splitting (FreeBSD bit 0x1, SCTP_SEND_BUFFER_SPLITTING). */
    SEND(true, false),

    /** Receive buffer splitting (FreeBSD bit 0x2, SCTP_RECV_BUFFER_SPLITTING). */
    RECEIVE(false, true),

    /** Both (FreeBSD 0x3). */
    BOTH(true, true);

    private final boolean sendBuffer;
    private final boolean receiveWindow;

    CmtBufferSplitting(boolean sendBuffer, boolean receiveWindow) {
        this.sendBuffer = sendBuffer;
        this.receiveWindow = receiveWindow;
    }

    /** {@return whether each active path gets its share of the send buffer (bit 0x1)} */
    public boolean splitsSendBuffer() {
        return sendBuffer;
    }

    /** {@return whether each active path gets its share of the peer's advertised receive window (bit 0x2)} */
    public boolean splitsReceiveWindow() {
        return receiveWindow;
    }
}
