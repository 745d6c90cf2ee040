package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example tools swapped for usrsctp's programs of the same name (usrsctp 0.9.5 from Debian's
 * libusrsctp-examples): our echo-server with usrsctp's client, and our client with usrsctp's
 * echo_server. Missing programs fail the test under CI and skip it elsewhere.
 */
class UsrsctpToolsInteropTest {

    private static final Path USRSCTP = Path.of("/usr/lib/usrsctp");
    private Process peer;

    @BeforeEach
    void requireUsrsctp() {
        boolean present = Files.isExecutable(USRSCTP.resolve("echo_server")) && Files.isExecutable(USRSCTP.resolve("client"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("usrsctp example programs missing under CI: install libusrsctp-examples");
        }
        Assumptions.assumeTrue(present, "usrsctp example programs not installed (libusrsctp-examples)");
    }

    @AfterEach
    void stopPeer() throws InterruptedException {
        if (peer != null) {
            peer.destroy();
            if (!peer.waitFor(5, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final Path STDBUF = Path.of("/usr/bin/stdbuf");

    /**
     * Starts one of usrsctp's programs with its output in {@code log}. Their notifications are
     * printed with stdio, which a file fully buffers until exit: through {@code stdbuf -oL} each
     * line is written as it comes, so the log of a program that hangs shows how far it got.
     */
    private static Process usrsctp(Path log, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(STDBUF)) {
            command.addAll(List.of(STDBUF.toString(), "-oL"));
        }
        command.add(USRSCTP.resolve(program).toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path log(String name) throws IOException {
        Path dir = Path.of("target", "interop");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    @Test
    void usrsctpsClientGetsEveryLineBackFromOurEchoServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(
                new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true),
                "echo-server", Integer.toString(ours), "--seconds", "30"));
        ServerOutput.udpPort(serverOut);
        Path out = log("usrsctp-client.log");
        peer = usrsctp(out, "client", "127.0.0.1", "7", "0", Integer.toString(theirs), Integer.toString(ours));
        try (OutputStream stdin = peer.getOutputStream()) {
            stdin.write("interop line one\ninterop line two\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // At the end of its input the client closes its socket, and an echo that comes after
            // its SHUTDOWN cannot be sent (RFC 9260 section 9.2): the input stays open until both
            // lines are back.
            awaitInLog(out, "interop line one", "interop line two");
        }
        assertThat(peer.waitFor(30, TimeUnit.SECONDS)).as("usrsctp client finished").isTrue();
        String trace = readLog(out);
        assertThat(trace).contains("interop line one", "interop line two", "SCTP_SHUTDOWN_COMP");
    }

    @Test
    void ourClientGetsEveryLineBackFromUsrsctpsEchoServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        peer = usrsctp(log("usrsctp-echo.log"), "echo_server", Integer.toString(theirs), Integer.toString(ours));
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = 1;
        try {
            // usrsctp aborts an INIT that arrives before its socket listens; try again until it is up
            for (int attempt = 0; attempt < 20 && rc != 0; attempt++) {
                out.getBuffer().setLength(0);
                System.setIn(new ByteArrayInputStream("alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8)));
                rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "client", "127.0.0.1", "7", "0",
                        Integer.toString(ours), Integer.toString(theirs));
            }
        } finally {
            System.setIn(stdin);
        }
        assertThat(rc).as("client exit code; errors: %s", err).isZero();
        assertThat(out.toString().lines()).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    void ourClientPrintsTheTimeFromUsrsctpsDaytimeServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        peer = usrsctp(log("usrsctp-daytime.log"), "daytime_server", Integer.toString(theirs), Integer.toString(ours));
        String printed = runOurClientUntilConnected("13", ours, theirs, "");
        assertThat(printed.strip()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
    }

    @Test
    void ourClientsLinesAreTakenByUsrsctpsDiscardServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        Path trace = log("usrsctp-discard.log");
        peer = usrsctp(trace, "discard_server", Integer.toString(theirs), Integer.toString(ours));
        String printed = runOurClientUntilConnected("9", ours, theirs, "to be discarded\n");
        assertThat(printed).isEmpty(); // nothing comes back from a discard server
    }

    @Test
    void usrsctpsClientGetsTheTimeFromOurDaytimeServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "daytime-server", Integer.toString(ours), "--seconds", "60"));
        ServerOutput.udpPort(serverOut);
        Path out = log("usrsctp-client-daytime.log");
        peer = usrsctp(out, "client", "127.0.0.1", "13", "0", Integer.toString(theirs), Integer.toString(ours));
        peer.getOutputStream().close();
        // The server outlives this wait, so a client that hangs is not one whose server went away.
        boolean exited = peer.waitFor(30, TimeUnit.SECONDS);
        String output = readLog(out);
        assertThat(exited).as("usrsctp client exited; its output:%n%s", output).isTrue();
        assertThat(output).containsPattern("\\d\\d:\\d\\d:\\d\\d \\d{4}")
                .contains("SCTP_SHUTDOWN_COMP");
    }

    /** Runs our client with {@code input}, retrying while usrsctp's server is not listening yet; returns what it printed. */
    private static String runOurClientUntilConnected(String sctpPort, int ours, int theirs, String input) {
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = 1;
        try {
            for (int attempt = 0; attempt < 20 && rc != 0; attempt++) {
                out.getBuffer().setLength(0);
                System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
                rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "client", "127.0.0.1", sctpPort,
                        "0", Integer.toString(ours), Integer.toString(theirs), "--wait", "2");
            }
        } finally {
            System.setIn(stdin);
        }
        assertThat(rc).as("client exit code; errors: %s", err).isZero();
        return out.toString();
    }

    @ParameterizedTest(name = "length {0}, unordered {1}")
    @CsvSource({"1, false", "100, true", "1200, false", "8192, true", "65536, false"})
    void ourTsctpClientAndUsrsctpsTsctpServerCountTheSameMessages(int length, boolean unordered) throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        int count = length >= 8192 ? 50 : 300;
        Path serverLog = log("usrsctp-tsctp-server-" + length + ".log");
        peer = usrsctp(serverLog, "tsctp", "-E", Integer.toString(theirs), "-U", Integer.toString(ours));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = 1;
        for (int attempt = 0; attempt < 20 && rc != 0; attempt++) { // until usrsctp listens
            out.getBuffer().setLength(0);
            rc = unordered
                    ? Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "tsctp", "-E", Integer.toString(ours),
                            "-U", Integer.toString(theirs), "-n", Integer.toString(count), "-l", Integer.toString(length),
                            "-u", "127.0.0.1")
                    : Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "tsctp", "-E", Integer.toString(ours),
                            "-U", Integer.toString(theirs), "-n", Integer.toString(count), "-l", Integer.toString(length),
                            "127.0.0.1");
        }
        assertThat(rc).as("tsctp exit code; errors: %s", err).isZero();
        assertThat(out.toString()).contains("Sending of " + count + " messages of length " + length + " took")
                .contains("Throughput was");
        String csv = awaitCsvLine(serverLog);
        assertThat(csv).startsWith(length + ", " + count + ", ");
    }

    @Test
    void usrsctpsTsctpClientAndOurTsctpServerCountTheSameMessages() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "tsctp", "-E", Integer.toString(ours), "-U",
                Integer.toString(theirs), "-v", "--seconds", "60"));
        ServerOutput.udpPort(serverOut);
        Path out = log("usrsctp-tsctp-client.log");
        peer = usrsctp(out, "tsctp", "-E", Integer.toString(theirs), "-U", Integer.toString(ours), "-n", "400", "-l", "8192",
                "-u", "127.0.0.1");
        assertThat(peer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(readLog(out)).contains("Sending of 400 messages of length 8192");
        Poll.until(() -> serverOut.toString().contains("8192, 400, "), Duration.ofSeconds(30));
        assertThat(serverOut.toString()).contains("8192, 400, 400, 3276800, ");
    }

    /**
     * Our tsctp client with a PR-SCTP policy (-P/-t as usrsctp's tsctp, or --pr) against usrsctp's
     * tsctp server: the policy is negotiated and used; where it cannot apply (a long lifetime,
     * equal priorities) every message arrives; where it may (limited retransmissions when the
     * loopback loses a packet, a 1 ms lifetime that gives up queued messages) at most what was
     * sent arrives, and the association still ends gracefully with the CSV line.
     */
    @ParameterizedTest(name = "{0}, unordered {1}")
    @CsvSource({"-P 1 -t 60000, true", "-P 2 -t 3, false", "-P 3 -t 5, true", "--pr rtx:0, true",
            "-P 1 -t 1, false"})
    void ourTsctpClientWithAPrPolicyAndUsrsctpsTsctpServer(String policy, boolean unordered) throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        boolean shortLifetime = policy.equals("-P 1 -t 1");
        // the loopback loses packets when usrsctp's debug build falls behind: limited retransmissions
        // may then give messages up (a FORWARD TSN usrsctp must follow); a long lifetime and equal
        // priorities never do
        boolean mayAbandon = shortLifetime || policy.contains("rtx") || policy.startsWith("-P 2");
        int length = shortLifetime ? 65536 : 8192;
        int count = 200;
        Path serverLog = log("usrsctp-tsctp-server-pr-" + policy.replace(' ', '_').replace(':', '_') + ".log");
        peer = usrsctp(serverLog, "tsctp", "-E", Integer.toString(theirs), "-U", Integer.toString(ours));
        List<String> args = new ArrayList<>(List.of("tsctp", "-E", Integer.toString(ours), "-U",
                Integer.toString(theirs), "-n", Integer.toString(count), "-l", Integer.toString(length)));
        args.addAll(List.of(policy.split(" ")));
        if (unordered) {
            args.add("-u");
        }
        args.add("127.0.0.1");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = 1;
        for (int attempt = 0; attempt < 20 && rc != 0; attempt++) { // until usrsctp listens
            out.getBuffer().setLength(0);
            rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        }
        assertThat(rc).as("tsctp exit code; errors: %s", err).isZero();
        assertThat(out.toString()).contains("Sending of " + count + " messages of length " + length + " took")
                .contains("Throughput was");
        String csv = awaitCsvLine(serverLog);
        String[] fields = csv.split(", ");
        assertThat(Integer.parseInt(fields[0])).isIn(0, length);
        if (mayAbandon) {
            assertThat(Long.parseLong(fields[1])).as("messages received, %s", csv).isBetween(0L, (long) count);
        } else {
            assertThat(csv).startsWith(length + ", " + count + ", ");
        }
    }

    /**
     * usrsctp's tsctp client with -u and each -P policy against our tsctp server: it negotiates
     * PR-SCTP with us; with a long lifetime or equal priorities every message arrives and is
     * counted, with limited retransmissions at most all of them (the loopback may lose a packet).
     */
    @ParameterizedTest(name = "-P {0} -t {1}")
    @CsvSource({"1, 60000", "2, 3", "3, 5"})
    void usrsctpsTsctpClientWithAPrPolicyAndOurTsctpServer(int policy, int value) throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "tsctp", "-E", Integer.toString(ours), "-U",
                Integer.toString(theirs), "-v", "--seconds", "60"));
        ServerOutput.udpPort(serverOut);
        Path out = log("usrsctp-tsctp-client-pr-" + policy + ".log");
        peer = usrsctp(out, "tsctp", "-E", Integer.toString(theirs), "-U", Integer.toString(ours), "-n", "400", "-l", "8192",
                "-u", "-P", Integer.toString(policy), "-t", Integer.toString(value), "127.0.0.1");
        assertThat(peer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(readLog(out)).contains("Sending of 400 messages of length 8192");
        Poll.until(() -> serverOut.toString().contains("8192, "), Duration.ofSeconds(30));
        if (policy == 2) { // a chunk lost more than -t times is given up: at most 400 arrive
            assertThat(serverOut.toString()).containsPattern("8192, [0-9]+, [0-9]+, [0-9]+, ");
            String line = serverOut.toString().lines().filter(l -> l.startsWith("8192, ")).findFirst().orElseThrow();
            assertThat(Long.parseLong(line.split(", ")[1])).isBetween(1L, 400L);
        } else {
            assertThat(serverOut.toString()).contains("8192, 400, 400, 3276800, ");
        }
    }

    /** The CSV result line usrsctp's tsctp server prints when the association ends. */
    private static String awaitCsvLine(Path serverLog) throws IOException {
        return Poll.first(() -> readLog(serverLog).lines()
                        .filter(line -> line.matches("\\d+, \\d+, \\d+, \\d+, [0-9.]+, [0-9.]+, \\d+")).findFirst(),
                Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("usrsctp's tsctp server printed no result line; see " + serverLog));
    }

    /** Waits, for at most 20 s, until the client's trace shows every one of {@code lines}, or the client ends. */
    private void awaitInLog(Path log, String... lines) {
        Poll.until(() -> !peer.isAlive() || Arrays.stream(lines).allMatch(readLog(log)::contains), Duration.ofSeconds(20));
    }

    /** A usrsctp program's log as it is now (ISO-8859-1: its traces are bytes, not text). */
    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
