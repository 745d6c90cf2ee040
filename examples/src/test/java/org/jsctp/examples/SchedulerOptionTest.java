package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code --idata}, {@code --scheduler} and {@code --stream-value} on the tools (RFC 8260). */
class SchedulerOptionTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everySubcommandThatMakesAssociationsTakesTheOptions() {
        for (String tool : new String[] {"echo-server", "discard-server", "daytime-server", "chargen-server", "client",
                "tsctp", "latency", "demo"}) {
            out.getBuffer().setLength(0);
            assertThat(run("help", tool)).as(tool).isZero();
            assertThat(out.toString()).as(tool).contains("--idata", "--scheduler", "--stream-value");
        }
    }

    @Test
    void tsctpWithIdataAgainstOurOwnServerWithIdataUsesIData() throws Exception {
        int server = freeUdpPort();
        int client = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "tsctp", "-E", Integer.toString(server), "-U",
                Integer.toString(client), "-v", "--idata", "--seconds", "20"));
        ServerOutput.udpPort(serverOut);
        assertThat(run("tsctp", "-E", Integer.toString(client), "-U", Integer.toString(server), "-n", "100", "-l",
                "20000", "--idata", "--scheduler", "rr", "127.0.0.1")).as("errors: %s", err).isZero();
        assertThat(out.toString()).contains("interleaving (I-DATA): on, stream scheduler: rr")
                .contains("Sending of 100 messages of length 20000");
        assertThat(serverOut.toString()).contains("interleaving (I-DATA): on, stream scheduler: fcfs");
        done.cancel(true);
    }

    @Test
    void withoutIdataOnOneSideTheToolsSayInterleavingIsOff() throws Exception {
        int server = freeUdpPort();
        int client = freeUdpPort();
        StringWriter serverOut = new StringWriter();
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), "tsctp", "-E", Integer.toString(server), "-U",
                Integer.toString(client), "-v", "--seconds", "20"));
        ServerOutput.udpPort(serverOut);
        assertThat(run("tsctp", "-E", Integer.toString(client), "-U", Integer.toString(server), "-n", "10", "-l",
                "1000", "--idata", "127.0.0.1")).as("errors: %s", err).isZero();
        assertThat(out.toString()).contains("interleaving (I-DATA): off, stream scheduler: fcfs");
    }

    @Test
    void theDemoRunsWithInterleavingAndPrioritiesAndEchoesEverything() {
        assertThat(run("demo", "--idata", "--scheduler", "prio", "--stream-value", "1:5", "--stream-value", "2:1"))
                .as("errors: %s", err).isZero();
        assertThat(out.toString()).contains("interleaving (I-DATA): on, stream scheduler: prio");
    }

    @Test
    void aBadSchedulerOrStreamValueIsAUsageError() {
        assertThat(run("demo", "--scheduler", "lottery")).isNotZero();
        assertThat(err.toString()).contains("--scheduler must be fcfs, rr, rrp, prio, fb or wfq");
        err.getBuffer().setLength(0);
        assertThat(run("demo", "--scheduler", "wfq", "--stream-value", "1:0")).isNotZero();
        assertThat(err.toString()).contains("--stream-value 1:0");
        err.getBuffer().setLength(0);
        assertThat(run("demo", "--stream-value", "x")).isNotZero();
        assertThat(err.toString()).contains("--stream-value x");
    }
}
