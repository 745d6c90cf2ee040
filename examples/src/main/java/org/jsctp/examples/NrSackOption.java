package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import picocli.CommandLine.Option;

/**
 * The multipath options of every tool (draft-tuexen-tsvwg-sctp-multipath):
 * <ul>
 *   <li>{@code --nrsack}: offer NR-SACK (section 4.2). Used when the peer offers it too (usrsctp with
 *       its nrsack_enable sysctl on); then acknowledgements are NR-SACKs and out-of-order data
 *       acknowledged as non-renegable leaves the send buffer at once.</li>
 *   <li>{@code --cmt}: concurrent multipath transfer (section 3): a multi-homed association (see
 *       {@code --bind}) spreads new data over all its active paths. Implies {@code --nrsack}, since
 *       CMT runs only where NR-SACK is negotiated (usrsctp: the cmt_on_off sysctl plus the
 *       SCTP_CMT_ON_OFF socket option, and nrsack_enable).</li>
 * </ul>
 */
final class NrSackOption {

    @Option(names = "--nrsack",
            description = "offer NR-SACK (draft-tuexen-tsvwg-sctp-multipath): used when the peer offers it too")
    boolean nrSack;

    /** Whether {@code --cmt} was given. */
    boolean cmt;

    @Option(names = "--cmt", description = "concurrent multipath transfer (draft-tuexen-tsvwg-sctp-multipath): "
            + "spread data over all active paths of a multi-homed association; implies --nrsack")
    void cmt(boolean on) {
        cmt = on;
        if (on) {
            nrSack = true; // CMT runs only with NR-SACK negotiated
        }
    }

    /**
     * {@code config} offering NR-SACK when {@code --nrsack} or {@code --cmt} is given, and running CMT
     * with {@code --cmt}.
     *
     * @param config the builder to change
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config) {
        if (cmt) {
            config.cmtEnabled(true);
        }
        return nrSack ? config.nrSackSupported(true) : config;
    }
}
