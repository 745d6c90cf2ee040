package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --disable-restart} option of every tool: send the Disable Restart parameter
 * (draft-ietf-tsvwg-natsupp section 5.3.1), so that a restart of the association (RFC 9260 section
 * 5.2.4 case A) is refused, as behind a NAT where another host could share the ports.
 */
final class DisableRestartOption {

    @Option(names = "--disable-restart",
            description = "send Disable Restart (draft-ietf-tsvwg-natsupp): a restart of the association is refused")
    boolean disableRestart;

    /**
     * {@code config} sending Disable Restart when the flag is given.
     *
     * @param config the builder to change
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config) {
        return disableRestart ? config.disableRestart(true) : config;
    }
}
