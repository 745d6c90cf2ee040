package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --reconfig} option of every tool: accept and answer the peer's stream
 * reconfiguration requests (RFC 6525: stream resets, association reset, adding streams). Without
 * it they are answered "Denied", as usrsctp does by default. RE-CONFIG itself is offered either
 * way, so the peer can ask and hear the answer.
 */
final class ReconfigOption {

    @Option(names = "--reconfig",
            description = "accept and answer stream reconfiguration requests (RFC 6525); without it they are denied")
    boolean enabled;

    /**
     * {@code config} with RE-CONFIG offered and the peer's requests accepted when {@code --reconfig} was given.
     *
     * @param config the configuration to extend
     * @return the extended configuration
     */
    AssociationConfig apply(AssociationConfig config) {
        return config.toBuilder().capabilities(config.capabilities().withStreamReconfig(true))
                .acceptStreamReconfig(enabled).build();
    }

    /**
     * The same on a builder: RE-CONFIG offered, the peer's requests accepted when {@code --reconfig} was given.
     *
     * @param config the builder to change
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config) {
        return config.capabilities(config.capabilities().withStreamReconfig(true)).acceptStreamReconfig(enabled);
    }
}
