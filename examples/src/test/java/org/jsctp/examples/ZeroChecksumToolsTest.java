package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --zero-checksum} (RFC 9653) on every tool of the examples jar. */
class ZeroChecksumToolsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency", "decode"})
    void everyToolTakesTheFlag(String tool) {
        CommandLine.Model.CommandSpec spec = new CommandLine(new Main()).getSubcommands().get(tool).getCommandSpec();
        assertThat(spec.findOption("--zero-checksum")).isNotNull();
        assertThat(spec.findOption("--zero-checksum-edmid")).isNotNull();
    }

    @Test
    void theDemoWithTheFlagSendsAndReceivesZeroChecksums() {
        assertThat(run("demo", "--zero-checksum")).isZero();
        assertThat(out.toString()).containsPattern("zero checksum \\(RFC 9653\\): packets sent [1-9]\\d*, received [1-9]")
                .contains("association shut down gracefully");
    }

    @Test
    void theDemoWithoutTheFlagUsesCrc32c() {
        assertThat(run("demo")).isZero();
        assertThat(out.toString()).doesNotContain("zero checksum");
    }

    @Test
    void decodeTakesAZeroChecksumOnlyWithTheFlag() {
        String cookieAckWithZeroChecksum = "1388 0007 00000000 00000000 0b000004";
        assertThat(run("decode", cookieAckWithZeroChecksum)).isEqualTo(1);
        assertThat(run("decode", "--zero-checksum", cookieAckWithZeroChecksum)).isZero();
        assertThat(out.toString()).contains("CookieAckChunk");
    }

    @Test
    void theReservedEdmidIsAUsageError() {
        assertThat(run("demo", "--zero-checksum", "--zero-checksum-edmid", "0")).isNotZero();
        assertThat(err.toString()).contains("--zero-checksum-edmid must be 1..4294967295");
    }
}
