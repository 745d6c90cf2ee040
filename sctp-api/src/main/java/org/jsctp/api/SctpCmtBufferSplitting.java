package org.jsctp.api;

/**
 * Which buffers a CMT association's active paths split among themselves, for
 * {@link SctpOptions#CMT_BUFFER_SPLITTING}; the values of FreeBSD's {@code sctp_buffer_splitting}
 * sysctl (bit 0x1 send, bit 0x2 receive), the core's {@code org.jsctp.core.cmt.CmtBufferSplitting}.
 */
public enum SctpCmtBufferSplitting {
    /** No splitting: each path is limited by its congestion window only (FreeBSD 0). The default. */
    NONE,
    /** A path may hold at most the send buffer divided by the active paths in flight (FreeBSD 0x1). */
    SEND,
    /** A path may hold at most the peer's advertised window divided by the active paths in flight (FreeBSD 0x2). */
    RECEIVE,
    /** Both limits, the smaller one counting (FreeBSD 0x3). */
    BOTH
}
