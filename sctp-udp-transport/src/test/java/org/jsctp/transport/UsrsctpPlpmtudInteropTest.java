package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.path.PmtuConfig;
import org.jsctp.core.path.PmtuState;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PLPMTUD probes (HEARTBEAT + PAD, RFC 8899 section 6.2.1.1) against usrsctp 0.9.5's
 * echo_server over loopback: usrsctp skips the PAD chunk (RFC 4820) and answers the HEARTBEAT,
 * so the PLPMTU climbs to MAX_PLPMTU, and the echo then comes back through packets of that size.
 */
class UsrsctpPlpmtudInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final Path PROGRAMS = UsrsctpFixture.PROGRAMS;
    private static final int ECHO_PORT = 7;
    private static final int MAX = 8972;

    private final Endpoints endpoints = new Endpoints();
    private Process server;
    private Path logDir;

    @BeforeEach
    void requirePrograms() throws IOException {
        UsrsctpFixture.requirePrograms("echo_server");
        logDir = UsrsctpFixture.logDir();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(T, TimeUnit.SECONDS);
        }
        endpoints.close();
    }

    @Test
    void usrsctpAnswersProbesSoThePlpmtuReachesMaxAndTheEchoUsesIt() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int theirUdp = freeUdpPort();
        AssociationConfig config = AssociationConfig.builder()
                .plpmtud(PmtuConfig.defaults().withMaxPlpmtu(MAX).withProbeTimerNanos(PmtuConfig.MIN_PROBE_TIMER_NANOS))
                .build();
        EventRecorder events = new EventRecorder();
        UdpSctpEndpoint ours = endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(freeUdpPort())
                .sctpPort(5001).associationConfig(config).listener(events).bind().get(T, TimeUnit.SECONDS));
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/stdbuf"))) {
            line.addAll(List.of("/usr/bin/stdbuf", "-oL", "-eL"));
        }
        line.addAll(List.of(PROGRAMS.resolve("echo_server").toString(), Integer.toString(theirUdp),
                Integer.toString(ours.localUdpPort())));
        server = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("plpmtud-echo_server.log").toFile()).start();
        SctpUdpAssociation a = connectWhenListening(ours, new InetSocketAddress(loopback, theirUdp));

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        PathStatistics p = path(a);
        while (p.pmtuState() != PmtuState.SEARCH_COMPLETE && System.nanoTime() - giveUp < 0) {
            p = path(a); // a round trip to the event loop each time, not a sleep
        }
        assertThat(p.pmtuState()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(p.mtu()).isEqualTo(MAX);

        Bytes payload = Bytes.wrap(new byte[8000]); // one DATA chunk in a packet above 1500 bytes
        CompletableFuture<EventRecorder.Recorded> back = events.whenMessages(1);
        a.send(OutgoingMessage.of(0, 51, false, payload)).get(T, TimeUnit.SECONDS);
        back.get(T, TimeUnit.SECONDS);
        assertThat(events.messages()).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(payload));
        assertThat(events.events()).noneMatch(r -> r.association() == a
                && r.event() instanceof AssociationEvent.CommunicationLost);
    }

    private static PathStatistics path(SctpUdpAssociation a) throws Exception {
        return a.call((core, now) -> core.statistics().paths().get(0)).get(T, TimeUnit.SECONDS);
    }

    /** Connects once echo_server listens (until then its ABORTs refuse the INIT, as in UsrsctpInteropTest). */
    private SctpUdpAssociation connectWhenListening(UdpSctpEndpoint ours, InetSocketAddress peer) throws Exception {
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

}
