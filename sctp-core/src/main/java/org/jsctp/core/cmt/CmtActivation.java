package org.jsctp.core.cmt;

/**
 * Whether an association runs CMT: the user asked for it ({@code AssociationConfig.cmtEnabled})
 * and the peer negotiated NR-SACK.
 *
 * <p>Why NR-SACK is required: with CMT the receiver holds many out-of-order chunks (the fast
 * paths' data waiting for the slow path's), and with plain SACK the sender must keep every
 * gap-acknowledged chunk in its send buffer, since the receiver may renege on it (RFC 9260
 * section 6.2). The send buffer then fills with data that has in fact arrived, and the sender
 * blocks: receive-buffer blocking. NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4) lets the
 * receiver promise not to renege, so the sender frees those chunks at once; the draft recommends
 * it wherever load sharing is used, and usrsctp's CMT relies on it. Without NR-SACK the
 * association sends on one path at a time as RFC 9260 does.
 */
public final class CmtActivation {

    private CmtActivation() {
    }

    /**
     * Decides whether CMT runs: asked for, and NR-SACK negotiated by both sides.
     *
     * @param cmtEnabled whether the configuration asks for CMT
     * @param nrSackNegotiated whether both endpoints listed NR-SACK in Supported Extensions
     * @return whether the association spreads new data over its paths
     */
    public static boolean isActive(boolean cmtEnabled, boolean nrSackNegotiated) {
        return cmtEnabled && nrSackNegotiated;
    }
}
