package org.jsctp.api;

/**
 * How the congestion windows of a CMT association's paths are coupled, for
 * {@link SctpOptions#CMT_CONGESTION_CONTROL}; the values of FreeBSD's {@code sctp_cmt_on_off} 1
 * to 4 (with CMT on), each in the core's {@code org.jsctp.core.cc.coupled}.
 */
public enum SctpCmtCongestionControl {
    /** Each path runs its own Reno controller (FreeBSD 1). The default. */
    UNCOUPLED,
    /** CMT/RPv1 (FreeBSD 2): increases and decreases weighted by the path's share of the summed ssthresh. */
    RP_V1,
    /** CMT/RPv2 (FreeBSD 3): increases and decreases weighted by the path's share of the bandwidth (cwnd/srtt). */
    RP_V2,
    /** RFC 6356's linked increases (FreeBSD's MPTCP-like, 4): congestion avoidance limited by its alpha. */
    LIA
}
