package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.tx.StreamSchedulerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@link ExtensionOptions} applies every extension flag in one call, to the same configuration
 * the tools built before with the nested chain of the per-flag mixins.
 */
class ExtensionOptionsTest {

    @CommandLine.Command(name = "t")
    static final class Tool {
        @Mixin
        ExtensionOptions extensions = new ExtensionOptions();

        @Spec
        CommandSpec spec;
    }

    private static Tool parse(String args) {
        Tool t = new Tool();
        new CommandLine(t).parseArgs(args.isBlank() ? new String[0] : args.split(" "));
        return t;
    }

    /** What the commands did before the grouping, flag class by flag class. */
    private static AssociationConfig nestedChain(ExtensionOptions e, CommandSpec spec) {
        return e.reconfig.apply(e.multihoming.apply(e.sched.apply(e.zeroChecksum.apply(e.mtu.apply(e.auth.apply(
                e.disableRestart.apply(e.nrSack.apply(AssociationConfig.defaults().toBuilder())), spec), spec), spec),
                spec)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--reconfig", "--nrsack --disable-restart", "--auth --auth-key 00112233",
        "--mtu 1300 --zero-checksum --zero-checksum-edmid 7", "--pmtud-max 9000 --idata --scheduler wfq",
        "--pf-threshold 2 --bind 127.0.0.1 --bind 127.0.0.2",
        "--reconfig --nrsack --disable-restart --auth --mtu 1400 --zero-checksum --idata --scheduler prio --pf-threshold 0"})
    void oneApplyGivesTheConfigurationOfTheNestedChain(String args) {
        Tool grouped = parse(args);
        Tool nested = parse(args);
        AssociationConfig once = grouped.extensions.apply(AssociationConfig.defaults().toBuilder(), grouped.spec)
                .build();
        assertThat(once).isEqualTo(nestedChain(nested.extensions, nested.spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--reconfig --nrsack --disable-restart --auth --mtu 1400 --idata --scheduler rr "
            + "--pf-threshold 3"})
    void everyFlagReachesTheConfiguration(String args) {
        Tool t = parse(args);
        AssociationConfig c = t.extensions.apply(AssociationConfig.builder(), t.spec).build();
        assertThat(c.capabilities().streamReconfig()).isTrue();
        assertThat(c.acceptStreamReconfig()).isTrue();
        assertThat(c.nrSackSupported()).isTrue();
        assertThat(c.disableRestart()).isTrue();
        assertThat(c.capabilities().auth()).isTrue();
        assertThat(c.auth().required()).isTrue();
        assertThat(c.plpmtudEnabled()).isFalse();
        assertThat(c.pathMtu()).isEqualTo(1400);
        assertThat(c.capabilities().interleaving()).isTrue();
        assertThat(c.streamScheduler()).isEqualTo(StreamSchedulerKind.RR);
        assertThat(c.potentiallyFailedMaxRetransmits()).isEqualTo(3);
    }
}
