package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The latency subcommand against our echo-server and against usrsctp's echo_server: it completes,
 * prints its one-line result in the documented format with the number of samples asked for, and
 * the table. No figure is asserted beyond its form and order (min <= p50 <= ... <= max).
 */
class LatencyCommandTest {

    /** The documented one-line format (LatencySummary). */
    static final Pattern LINE = Pattern.compile("latency: samples=(\\d+) length=(\\d+) min_us=(\\d+\\.\\d) "
            + "p50_us=(\\d+\\.\\d) p90_us=(\\d+\\.\\d) p99_us=(\\d+\\.\\d) p99\\.9_us=(\\d+\\.\\d) max_us=(\\d+\\.\\d)");
    private static final Path USRSCTP_ECHO = Path.of("/usr/lib/usrsctp/echo_server");

    private Process peer;

    @AfterEach
    void stopPeer() throws InterruptedException {
        if (peer != null) {
            peer.destroy();
            if (!peer.waitFor(5, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }

    @Test
    void measuresTheRoundTripsAskedForAgainstOurEchoServer() throws Exception {
        StringWriter serverOut = new StringWriter();
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> Main.run(
                new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true),
                "echo-server", "0", "--seconds", "60"));
        int port = ServerOutput.udpPort(serverOut);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "latency", "-U",
                Integer.toString(port), "-n", "37", "-w", "20", "-r", "500", "-l", "100", "127.0.0.1");
        assertThat(rc).as("exit code; errors: %s", err).isZero();
        assertResult(out.toString(), 37, 100);
        assertThat(server.isDone()).as("the echo server still serves").isFalse();
    }

    @Test
    void sendingFromTheCallingThreadAndUnorderedMessagesWorkToo() throws Exception {
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "echo-server", "0", "--seconds", "60"));
        int port = ServerOutput.udpPort(serverOut);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "latency", "-U",
                Integer.toString(port), "-n", "12", "-w", "0", "-r", "1000", "-l", "3", "-u", "--nagle",
                "--send-from-caller", "127.0.0.1");
        assertThat(rc).as("exit code; errors: %s", err).isZero();
        assertResult(out.toString(), 12, 3);
    }

    @Test
    void measuresTheRoundTripsAskedForAgainstUsrsctpsEchoServer() throws Exception {
        boolean present = Files.isExecutable(USRSCTP_ECHO);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("usrsctp example programs missing under CI: install libusrsctp-examples");
        }
        Assumptions.assumeTrue(present, "usrsctp's echo_server not installed (libusrsctp-examples)");
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        Path log = Path.of("target", "interop");
        Files.createDirectories(log);
        peer = new ProcessBuilder(USRSCTP_ECHO.toString(), Integer.toString(theirs), Integer.toString(ours))
                .redirectErrorStream(true).redirectOutput(log.resolve("usrsctp-echo-latency.log").toFile()).start();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = 1;
        for (int attempt = 0; attempt < 20 && rc != 0; attempt++) { // usrsctp aborts INITs until it listens
            out.getBuffer().setLength(0);
            rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "latency", "-E",
                    Integer.toString(ours), "-U", Integer.toString(theirs), "-n", "25", "-w", "10", "-r", "500",
                    "127.0.0.1");
        }
        assertThat(rc).as("exit code; errors: %s", err).isZero();
        assertResult(out.toString(), 25, 100);
    }

    @Test
    void badArgumentsAreRefusedWithAClearMessage() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "latency", "-n", "0", "127.0.0.1")).isNotZero();
        assertThat(err.toString()).contains("-n must be at least 1, got 0");
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "latency", "-l", "0", "127.0.0.1")).isNotZero();
        assertThat(err.toString()).contains("-l must be 1..");
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "latency", "-r", "0", "127.0.0.1")).isNotZero();
        assertThat(err.toString()).contains("-r must be 1..1000000, got 0");
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "latency", "-W", "0", "127.0.0.1")).isNotZero();
        assertThat(err.toString()).contains("-W must be 1..1000000, got 0");
    }

    /** One result line with {@code samples} samples of {@code length} bytes, figures in order, then the table. */
    static void assertResult(String output, int samples, int length) {
        Matcher m = LINE.matcher(output);
        assertThat(m.find()).as("result line in: %s", output).isTrue();
        assertThat(output.lines().filter(l -> l.startsWith("latency: "))).hasSize(1);
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(samples);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(length);
        double previous = 0;
        for (int g = 3; g <= 8; g++) {
            double v = Double.parseDouble(m.group(g));
            assertThat(v).as("figure %d of %s", g, m.group()).isGreaterThanOrEqualTo(previous).isPositive();
            previous = v;
        }
        assertThat(output).contains("Round-trip times of " + samples + " messages of " + length + " bytes:");
        for (String row : new String[] {"min", "p50", "p90", "p99", "p99.9", "max"}) {
            assertThat(output).containsPattern("(?m)^  " + Pattern.quote(row) + " +\\d+\\.\\d$");
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

}
