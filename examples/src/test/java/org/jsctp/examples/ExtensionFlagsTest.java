package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The flags of the message-flow extensions (PR-SCTP, RFC 6525, RFC 8260, RFC 9653) are on every
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
            "--pmtud-max"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "daytime-server", "chargen-server", "client", "tsctp", "latency"})
    void everyToolThatSendsTakesAPrPolicy(String tool) {
        assertThat(spec(tool).findOption("--pr")).isNotNull();
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
    void theDemoRunsWithAPrPolicyAndRejectsAMalformedOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "rtx:3")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--pr");
    }
}
