package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The flags of the message-flow extensions (PR-SCTP, RFC 6525, RFC 8260, RFC 9653, RFC 4895) are on every
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
        for (String flag : new String[] {"--reconfig", "--idata", "--scheduler", "--zero-checksum", "--auth",
                "--auth-key"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "daytime-server", "chargen-server", "client", "tsctp", "latency"})
    void everyToolThatSendsTakesAPrPolicy(String tool) {
        assertThat(spec(tool).findOption("--pr")).isNotNull();
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
