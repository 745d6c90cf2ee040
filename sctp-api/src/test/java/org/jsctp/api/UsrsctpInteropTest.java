package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our one-to-one client against usrsctp's echo_server (Debian's libusrsctp-examples). */
class UsrsctpInteropTest {

    private static final Path ECHO_SERVER = Path.of("/usr/lib/usrsctp/echo_server");
    private static final int ECHO_PORT = 7;

    private final Loopback net = new Loopback();
    private Process server;

    @BeforeEach
    void requireEchoServer() {
        if (!Files.isExecutable(ECHO_SERVER)) {
            String why = "usrsctp's echo_server missing at " + ECHO_SERVER + " (install libusrsctp-examples)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        net.close();
    }

    @Test
    void ourClientGetsItsMessagesEchoedByUsrsctpAndShutsDownGracefully() throws Exception {
        SctpEndpoint client = net.adopt(net.endpoint().sctpPort(5001).build());
        int theirUdp = freeUdpPort();
        Path log = Files.createDirectories(Path.of("target", "usrsctp")).resolve("api-echo_server.log");
        server = new ProcessBuilder(ECHO_SERVER.toString(), Integer.toString(theirUdp),
                Integer.toString(client.localAddress().getPort())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();

        SctpAssociation a = connectWhenListening(client, new InetSocketAddress(Loopback.host(), theirUdp));
        List<byte[]> sent = List.of("hello usrsctp".getBytes(StandardCharsets.UTF_8), Loopback.pattern(1, 1000),
                Loopback.pattern(2, 5000), Loopback.pattern(3, 1));
        for (byte[] p : sent) {
            a.send(SctpMessage.wrap(p).withPpid(51));
        }
        for (byte[] p : sent) {
            assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(p);
        }
        a.shutdown();
        assertThat(a.state()).isEqualTo(SctpAssociationState.CLOSED);
        assertThat(a.statistics().bytesReceived()).isGreaterThanOrEqualTo(6014);
    }

    /**
     * usrsctp's echo_server answers INITs with an ABORT until its socket listens (and drops them
     * until its UDP port is bound): try again after each refusal, for at most the test timeout.
     */
    private SctpAssociation connectWhenListening(SctpEndpoint client, InetSocketAddress peer) throws Exception {
        long giveUp = System.nanoTime() + Loopback.TIMEOUT.toNanos();
        while (true) {
            try {
                return client.connect(peer, ECHO_PORT);
            } catch (SctpConnectException e) {
                if (!e.getMessage().contains("refused by peer") || !server.isAlive() || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
            }
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, Loopback.host())) {
            return s.getLocalPort();
        }
    }
}
