package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code client --reset-after K} and {@code --add-streams K} against our echo server, which
 * performs stream reconfiguration requests with {@code --reconfig} and denies them without it
 * (RFC 6525); the echoes before and after the reset come back intact either way.
 */
class ReconfigToolsTest {


    private static List<String> runClientAgainstEchoServer(List<String> serverFlags, String... clientFlags)
            throws Exception {
        StringWriter serverOut = new StringWriter();
        List<String> serverArgs = new ArrayList<>(List.of("echo-server", "0", "--seconds", "20"));
        serverArgs.addAll(serverFlags);
        CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(serverOut, true),
                new PrintWriter(new StringWriter(), true), serverArgs.toArray(String[]::new)));
        int port = ServerOutput.udpPort(serverOut);
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8)));
            List<String> args = new ArrayList<>(List.of("client", "127.0.0.1", "7", "0", "0", Integer.toString(port)));
            args.addAll(List.of(clientFlags));
            int rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
            assertThat(rc).as("client exit code; stderr: %s", err).isZero();
        } finally {
            System.setIn(stdin);
        }
        return out.toString().lines().toList();
    }

    @Test
    void resetAfterKMessagesIsPerformedByAnEchoServerWithReconfig() throws Exception {
        List<String> lines = runClientAgainstEchoServer(List.of("--reconfig"), "--reset-after", "2",
                "--add-streams", "2");

        assertThat(lines).contains("stream change: outbound 12, inbound 10: performed",
                "stream reset: outgoing streams all: performed");
        assertThat(lines).filteredOn(l -> !l.startsWith("stream")).containsExactly("one", "two", "three");
    }

    @Test
    void resetAfterKMessagesIsDeniedByAnEchoServerWithoutReconfig() throws Exception {
        List<String> lines = runClientAgainstEchoServer(List.of(), "--reset-after", "2");

        assertThat(lines).contains("stream reset: outgoing streams all: denied");
        assertThat(lines).filteredOn(l -> !l.startsWith("stream")).containsExactly("one", "two", "three");
    }

}
