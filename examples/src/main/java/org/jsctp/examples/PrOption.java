package org.jsctp.examples;

import org.jsctp.api.SctpPrPolicy;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.tx.PrPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --pr} option of the tools that send: the PR-SCTP policy of every message they send
 * (RFC 3758 with the policies of RFC 7496): {@code ttl:MS} gives up a message once it is MS
 * milliseconds old, {@code rtx:N} after N retransmissions, {@code prio:P} when the send buffer
 * needs room for a message of higher priority (0 is the highest).
 */
final class PrOption {

    @Option(names = "--pr", paramLabel = "ttl:MS|rtx:N|prio:P",
            description = "PR-SCTP policy for what this tool sends: ttl:MS, rtx:N or prio:P (default: reliable)")
    String policy;

    /** The policy given, or {@link PrPolicy#NONE}; a malformed one is a usage error. */
    PrPolicy policy(CommandSpec spec) {
        if (policy == null) {
            return PrPolicy.NONE;
        }
        try {
            return PrPolicy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pr: " + e.getMessage());
        }
    }

    /** The policy given as the API's {@link SctpPrPolicy}, for SctpOptions.DEFAULT_PRINFO. */
    SctpPrPolicy apiPolicy(CommandSpec spec) {
        PrPolicy p = policy(spec);
        return switch (p.kind()) {
            case NONE -> SctpPrPolicy.NONE;
            case TTL -> SctpPrPolicy.ttl(p.value());
            case RTX -> SctpPrPolicy.rtx((int) p.value());
            case PRIO -> SctpPrPolicy.prio((int) p.value());
        };
    }

    /** {@code config} with the policy as its default for messages sent. */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        return config.defaultPrPolicy(policy(spec));
    }
}
