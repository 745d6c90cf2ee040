package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.SctpAssociationState;
import org.jsctp.api.SctpStatistics;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples of the Netty, tuning, troubleshooting and interop parts do what the guide says. */
@Timeout(60)
class PartsExamplesTest {

    private static final Path ECHO_SERVER = Path.of("/usr/lib/usrsctp/echo_server");

    @Test
    void theNettyEchoComesBackOnItsStream() throws Exception {
        assertThat(NettyExample.echo("hello, Netty")).isEqualTo("hello, Netty (stream 1)");
    }

    @Test
    void theTunedOptionsAreInEffect() throws Exception {
        assertThat(TuningExamples.tuned()).containsExactly(16 << 20, true, Duration.ofMillis(100), 1452);
    }

    @Test
    void endpointsShareAnApplicationsEventLoopGroup() throws Exception {
        assertThat(TuningExamples.sharedEventLoops()).isEqualTo(10);
    }

    @Test
    void theStatisticsCountTheTraffic() throws Exception {
        SctpStatistics s = TroubleshootingExamples.statistics();
        assertThat(s.state()).isEqualTo(SctpAssociationState.ESTABLISHED);
        assertThat(s.bytesSent()).isEqualTo(30_000);
        assertThat(s.dataChunksSent()).isGreaterThanOrEqualTo(20);
        assertThat(s.paths()).hasSize(1);
    }

    @Test
    void aConnectToAUdpPortWhereNobodyListensFailsSayingNothingAnswered() throws Exception {
        int dead;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort(); // free once closed
        }
        assertThat(TroubleshootingExamples.wrongRemoteUdpPort(dead)).containsIgnoringCase("no answer");
    }

    @Test
    void ourClientGetsItsEchoFromUsrsctpsEchoServer() throws Exception {
        if (!Files.isExecutable(ECHO_SERVER)) {
            String why = "usrsctp's echo_server missing at " + ECHO_SERVER + " (install libusrsctp-examples)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        int theirs = freeUdpPort();
        int ours = freeUdpPort();
        Path log = Files.createDirectories(Path.of("target", "usrsctp")).resolve("guide-echo_server.log");
        Process server = new ProcessBuilder(ECHO_SERVER.toString(), Integer.toString(theirs), Integer.toString(ours))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(InteropExample.echoWithUsrsctp(theirs, ours, "hello usrsctp")).isEqualTo("hello usrsctp");
        } finally {
            server.destroyForcibly();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
