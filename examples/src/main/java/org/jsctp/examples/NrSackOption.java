package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --nrsack} option of every tool: offer NR-SACK (draft-tuexen-tsvwg-sctp-multipath
 * section 4.2). Used when the peer offers it too (usrsctp with its nrsack_enable sysctl on); then
 * acknowledgements are NR-SACKs and out-of-order data acknowledged as non-renegable leaves the send
 * buffer at once.
 */
final class NrSackOption {

    @Option(names = "--nrsack",
            description = "offer NR-SACK (draft-tuexen-tsvwg-sctp-multipath): used when the peer offers it too")
    boolean nrSack;

    /**
     * {@code config} offering NR-SACK when the flag is given.
     *
     * @param config the builder to change
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config) {
        return nrSack ? config.nrSackSupported(true) : config;
    }
}
