package org.jsctp.core.cmt;

/**
 * How the congestion windows of a CMT association's paths are coupled, FreeBSD's
 * {@code sctp_cmt_on_off} values 1 to 4 (SCTP_CMT_ON_OFF). It matters only while CMT runs
 * ({@link CmtActivation}); without CMT one path carries the data and every variant is RFC 9260's
 * Reno.
 *
 * <p>With CMT each active path carries new data. Uncoupled, each path's Reno controller grows as a
 * flow of its own, so on a bottleneck the paths share, an association with n paths takes about n
 * times the share of one single-path flow. The coupled variants make the increases (and for the
 * resource pooling ones the decreases) depend on all paths, so the association as a whole is
 * about as aggressive as one flow on its best path (resource pooling; RFC 6356 section 2, goals
 * 1 and 2). The algorithms are in {@code org.jsctp.core.cc.coupled}.
 */
public enum CmtCongestionControl {

    /**
     * Each path its own RFC 9260 Reno controller (FreeBSD's {@code sctp_cmt_on_off} 1, plain CMT
     * of draft-tuexen-tsvwg-sctp-multipath section 3). The default.
     */
    UNCOUPLED,

    /**
     * CMT/RPv1, resource pooling by each path's share of the summed ssthresh (Dreibholz, Becke,
     * Pulinthanath, Rathgeb, "Applying TCP-Friendly Congestion Control to Concurrent Multipath
     * Transfer", AINA 2010; compared in Dreibholz, Becke, Adhari, Rathgeb, "On the Impact of
     * Congestion Control for Concurrent Multipath Transfer on the Transport Layer", ConTEL 2011);
     * FreeBSD's {@code sctp_cmt_on_off} 2 (SCTP_CMT_RPV1).
     */
    RP_V1,

    /**
     * CMT/RPv2, resource pooling by each path's share of the summed bandwidth cwnd / srtt
     * (Dreibholz, Becke, Adhari, Rathgeb, ConTEL 2011); FreeBSD's {@code sctp_cmt_on_off} 3
     * (SCTP_CMT_RPV2).
     */
    RP_V2,

    /**
     * The linked increases algorithm of RFC 6356 section 3 (MPTCP's coupled congestion control):
     * the congestion-avoidance increase of each path is limited by alpha; slow start and the
     * halving on loss stay Reno's per path. FreeBSD's MPTCP-like {@code sctp_cmt_on_off} 4
     * (SCTP_CMT_MPTCP).
     */
    LIA
}
