package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The flags of the message-flow extensions (PR-SCTP, RFC 6525, RFC 8260, RFC 9653, NR-SACK, NAT support
 * Disable Restart, RFC 4895) are on every
 * subcommand that makes associations, so each can be tried by hand against usrsctp.
 */
class ExtensionFlagsTest {

    private static CommandLine.Model.CommandSpec spec(String tool) {
        return new CommandLine(new Main()).getSubcommands().get(tool).getCommandSpec();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency"})
    void everyToolThatMakesAssociationsTakesEachExtensionFlag(String tool) {
        CommandLine.Model.CommandSpec spec = spec(tool);
        for (String flag : new String[] {"--reconfig", "--idata", "--scheduler", "--zero-checksum", "--mtu",
            "--pmtud-max", "--nrsack", "--disable-restart", "--auth", "--auth-key"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "daytime-server", "chargen-server", "client", "tsctp", "latency"})
    void everyToolThatSendsTakesAPrPolicy(String tool) {
        assertThat(spec(tool).findOption("--pr")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency"})
    void everyToolThatMakesAssociationsTakesTheMultihomingFlags(String tool) {
        CommandLine.Model.CommandSpec spec = spec(tool);
        for (String flag : new String[] {"--bind", "--primary", "--set-primary", "--pf-threshold", "--peer-address",
            "--asconf"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    @Test
    void theDemoRunsMultihomedOnTwoLoopbackAddressesAndMakesTheSecondPrimary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--bind", "127.0.0.1",
                "--bind", "127.0.0.2", "--primary", "127.0.0.2", "--pf-threshold", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("peer addresses: 127.0.0.1 127.0.0.2").contains("primary: 127.0.0.2")
                .contains("association shut down gracefully");
    }

    @Test
    void theDemoAsksThePeerByAsconfToMakeOurSecondAddressItsPrimary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--bind", "127.0.0.1",
                "--bind", "127.0.0.2", "--asconf", "--set-primary", "127.0.0.2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("set-primary: the peer acknowledged 127.0.0.2 as its primary")
                .contains("association shut down gracefully");
    }

    @Test
    void setPrimaryImpliesAsconfAndAuthInTheConfiguration() {
        MultihomingOption m = new MultihomingOption();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            MultihomingOption a = m;
        }).parseArgs("--set-primary", "127.0.0.2");
        org.jsctp.core.assoc.AssociationConfig c = m.apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(c.asconfSupported()).isTrue(); // --set-primary implies --asconf
        assertThat(c.capabilities().auth()).isTrue(); // RFC 5061 section 4.1.1: and AUTH
        org.jsctp.core.assoc.AssociationConfig off = new MultihomingOption()
                .apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(off.asconfSupported()).isFalse();
        assertThat(off.capabilities().auth()).isFalse();
    }

    @Test
    void aPfThresholdOutOfRangeAndPeerAddressesOnAServerAreUsageErrors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pf-threshold", "1001"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--pf-threshold");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "echo-server", "--peer-address",
                "127.0.0.2")).isEqualTo(2);
        assertThat(err.toString()).contains("--peer-address");
    }

    @Test
    void theDemoRunsWithAFixedMtuAndRejectsOneOutOfRange() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "1300")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("--mtu must be 1232..65535");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "1300",
                "--pmtud-max", "9000")).isEqualTo(2);
    }

    @Test
    void theDemoRunsWithNrSackAndDisableRestart() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--nrsack",
                "--disable-restart")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
    }

    @Test
    void theNrSackAndDisableRestartFlagsReachTheConfiguration() {
        NrSackOption nr = new NrSackOption();
        DisableRestartOption dr = new DisableRestartOption();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            NrSackOption a = nr;
            @CommandLine.Mixin
            DisableRestartOption b = dr;
        }).parseArgs("--nrsack", "--disable-restart");
        org.jsctp.core.assoc.AssociationConfig c = dr.apply(nr.apply(org.jsctp.core.assoc.AssociationConfig.builder()))
                .build();
        assertThat(c.nrSackSupported()).isTrue();
        assertThat(c.disableRestart()).isTrue();
        org.jsctp.core.assoc.AssociationConfig off = new DisableRestartOption()
                .apply(new NrSackOption().apply(org.jsctp.core.assoc.AssociationConfig.builder())).build();
        assertThat(off.nrSackSupported()).isFalse();
        assertThat(off.disableRestart()).isFalse();
    }

    @Test
    void theDemoRunsWithAPrPolicyAndRejectsAMalformedOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "rtx:3")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--pr");
    }

    @Test
    void theDemoRunsWithAuthAndAKeyAndRejectsAMalformedKey() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--auth", "--auth-key",
                "00112233445566778899aabbccddeeff")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--auth-key", "xyz"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--auth-key");
    }
}
