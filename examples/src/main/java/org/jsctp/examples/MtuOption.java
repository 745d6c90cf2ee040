package org.jsctp.examples;

import org.jsctp.api.PathMtuParameters;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PmtuConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The path MTU options of every tool that makes associations. By default Packetization Layer
 * Path MTU Discovery (RFC 8899) probes with HEARTBEAT and PAD chunks from 1200 bytes up to the
 * path MTU (1452, capped at the local interface's MTU); {@code --mtu N} turns discovery off and
 * sends packets of up to N bytes, {@code --pmtud-max N} lets discovery probe up to N bytes (e.g.
 * 8972 for a 9000-byte jumbo path over IPv4). Sizes are SCTP packets, i.e. UDP payloads.
 */
final class MtuOption {

    @Option(names = "--mtu", paramLabel = "BYTES",
            description = "fixed path MTU (SCTP packet = UDP payload, 1232..65535); turns path MTU discovery off")
    Integer mtu;

    @Option(names = "--pmtud-max", paramLabel = "BYTES",
            description = "path MTU discovery (RFC 8899) probes up to this size (1200..65535; default the path MTU, "
                    + "capped at the interface MTU)")
    Integer max;

    /**
     * {@code config} with the MTU options applied.
     *
     * @param config the builder to change
     * @param spec the command, for usage errors
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        check(spec);
        if (mtu != null) {
            return config.fixedMtu(mtu);
        }
        if (max != null) {
            return config.plpmtud(config.plpmtud().withEnabled(true).withMaxPlpmtu(max));
        }
        return config;
    }

    /** The same for the socket-like API ({@code SctpOptions.PATH_MTU}); without a flag, the default. */
    PathMtuParameters apiParameters(CommandSpec spec) {
        check(spec);
        return mtu != null ? PathMtuParameters.fixed(mtu)
                : new PathMtuParameters(true, max != null ? max : AssociationConfig.defaults().pathMtu());
    }

    private void check(CommandSpec spec) {
        if (mtu != null && max != null) {
            throw new ParameterException(spec.commandLine(), "--mtu (discovery off) and --pmtud-max (discovery on) "
                    + "contradict each other");
        }
        if (mtu != null && (mtu < AssociationConfig.MIN_PATH_MTU || mtu > PathConfig.MAX_MTU)) {
            throw new ParameterException(spec.commandLine(), "--mtu must be " + AssociationConfig.MIN_PATH_MTU
                    + "..65535: " + mtu);
        }
        if (max != null && (max < PmtuConfig.DEFAULT_BASE_PLPMTU || max > PathConfig.MAX_MTU)) {
            throw new ParameterException(spec.commandLine(), "--pmtud-max must be " + PmtuConfig.DEFAULT_BASE_PLPMTU
                    + "..65535: " + max);
        }
    }
}
