package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Interop smoke tests against Debian's usrsctp example programs (libusrsctp-examples): our
 * client against usrsctp's echo_server, and usrsctp's client against our echo listener.
 */
class UsrsctpInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final Path PROGRAMS = UsrsctpFixture.PROGRAMS;
    private static final int ECHO_PORT = 7;

    private final Endpoints endpoints = new Endpoints();
    private final List<Process> processes = new ArrayList<>();
    private InetAddress loopback;
    private Path logDir;
    private String testName;

    @BeforeEach
    void requirePrograms(TestInfo info) throws IOException {
        UsrsctpFixture.requirePrograms("echo_server", "client");
        loopback = InetAddress.getByName("127.0.0.1");
        logDir = UsrsctpFixture.logDir();
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(T, TimeUnit.SECONDS);
        }
        endpoints.close();
    }

    @Test
    void ourClientAgainstUsrsctpEchoServer() throws Exception {
        int theirUdp = freeUdpPort();
        EventRecorder events = new EventRecorder();
        UdpSctpEndpoint ours = UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(freeUdpPort())
                .sctpPort(5001).listener(events).bind().get(T, TimeUnit.SECONDS);
        endpoints.adopt(ours);
        Process server = start(testName + "-echo_server.log", PROGRAMS.resolve("echo_server").toString(),
                Integer.toString(theirUdp), Integer.toString(ours.localUdpPort()));

        SctpUdpAssociation a = connectWhenListening(ours, new InetSocketAddress(loopback, theirUdp), server);
        List<byte[]> sent = List.of("hello usrsctp".getBytes(StandardCharsets.UTF_8), pattern(1000), pattern(5000),
                pattern(1));
        CompletableFuture<EventRecorder.Recorded> allBack = events.whenMessages(sent.size());
        for (byte[] payload : sent) {
            assertThat(a.send(OutgoingMessage.of(0, 51, false, Bytes.wrap(payload))).get(T, TimeUnit.SECONDS))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        allBack.get(T, TimeUnit.SECONDS);
        List<ReceivedMessage> echoed = events.messages();
        for (int i = 0; i < sent.size(); i++) {
            assertThat(echoed.get(i).payload()).isEqualTo(Bytes.wrap(sent.get(i)));
        }

        a.shutdown().get(T, TimeUnit.SECONDS);
        events.when(r -> r.association() == a && r.event() instanceof AssociationEvent.ShutdownComplete)
                .get(T, TimeUnit.SECONDS);
        // Attempts aborted before echo_server listened have their CommunicationLost; this one has none.
        assertThat(events.events()).noneMatch(r -> r.association() == a
                && r.event() instanceof AssociationEvent.CommunicationLost);
        assertThat(ours.associations()).isEmpty();
        assertThat(ours.counters().undecodable()).isZero();
    }

    @Test
    void usrsctpClientAgainstOurEchoListener() throws Exception {
        EventRecorder events = new EventRecorder().forwardTo((association, event) -> {
            if (event instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage msg = m.message();
                association.send(OutgoingMessage.of(msg.streamId(), msg.ppid(), msg.unordered(), msg.payload()));
            }
        });
        UdpSctpEndpoint ours = UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(freeUdpPort())
                .sctpPort(ECHO_PORT).listener(events).bind().get(T, TimeUnit.SECONDS);
        endpoints.adopt(ours);
        int theirUdp = freeUdpPort();
        Process client = start(testName + "-client.log", PROGRAMS.resolve("client").toString(), "127.0.0.1",
                Integer.toString(ECHO_PORT), "0", Integer.toString(theirUdp), Integer.toString(ours.localUdpPort()));

        events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS);
        try (OutputStream stdin = client.getOutputStream()) {
            stdin.write("hello from usrsctp\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            AssociationEvent.MessageReceived m = (AssociationEvent.MessageReceived)
                    events.when(AssociationEvent.MessageReceived.class).get(T, TimeUnit.SECONDS).event();
            assertThat(new String(m.message().payload().toByteArray(), StandardCharsets.UTF_8))
                    .startsWith("hello from usrsctp");
        }
        // End of input: the client closes its socket, which shuts the association down.
        events.when(r -> r.event() instanceof AssociationEvent.ShutdownComplete
                || r.event() instanceof AssociationEvent.CommunicationLost).get(T, TimeUnit.SECONDS);
        assertThat(events.saw(AssociationEvent.ShutdownComplete.class)).isTrue();
        assertThat(client.waitFor(T, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(logDir.resolve(testName + "-client.log"), StandardCharsets.ISO_8859_1))
                .contains("hello from usrsctp");
        assertThat(ours.associations()).isEmpty();
    }

    /**
     * Connects once echo_server listens. Until its UDP port is bound our INIT is lost and
     * retransmitted (T1-init); once bound but before its SCTP socket listens, usrsctp answers the
     * INIT with an ABORT (RFC 9260 section 8.4 rule 3), and we try again, each attempt paced by
     * that round trip, for at most the test timeout.
     */
    private static SctpUdpAssociation connectWhenListening(UdpSctpEndpoint ours, InetSocketAddress peer,
                                                           Process server) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        while (true) {
            try {
                return ours.connect(peer, ECHO_PORT).get(T, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                boolean notListening = e.getCause() instanceof AssociationFailedException f
                        && f.reason().startsWith("aborted by the peer");
                if (!notListening || !server.isAlive() || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
            }
        }
    }

    private Process start(String logName, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/stdbuf"))) {
            line.addAll(List.of("/usr/bin/stdbuf", "-oL", "-eL")); // keep the trace in order and complete
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(logDir.resolve(logName).toFile()).start();
        processes.add(p);
        return p;
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }
}
