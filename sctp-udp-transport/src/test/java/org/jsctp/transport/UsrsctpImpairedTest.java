package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.impair.Impairment;
import org.jsctp.transport.impair.ImpairmentRelay;
import org.jsctp.transport.impair.LedgerListener;
import org.jsctp.transport.impair.MessageLedger;
import org.jsctp.transport.impair.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our endpoint and usrsctp 0.9.5 through the impairment relay. Our client sends self-checking
 * messages to usrsctp's echo_server through loss, reordering, duplication, delay and corruption
 * both ways, and every echo comes back once, intact, in order per ordered stream; the same
 * survives a NAT rebinding towards usrsctp midway. And usrsctp as the client (our scriptable
 * peer) sends to our server while the relay rebinds towards either side.
 */
class UsrsctpImpairedTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final long MS = 1_000_000L;
    private static final Path ECHO_SERVER = UsrsctpFixture.PROGRAMS.resolve("echo_server");
    private static final int ECHO_PORT = 7;
    private static final int MESSAGES = 300;
    /** Below usrsctp's partial delivery point, so echo_server echoes each message whole. */
    private static final int MAX_LENGTH = 4000;

    private final Endpoints endpoints = new Endpoints();
    private final List<Process> processes = new ArrayList<>();
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private ImpairmentRelay relay;
    private UsrsctpPeer peer;
    private Path logDir;
    private String testName;

    @BeforeEach
    void setUp(TestInfo info) throws IOException {
        logDir = UsrsctpFixture.logDir();
        testName = info.getTestMethod().orElseThrow().getName() + info.getDisplayName().replaceAll("\\W+", "_");
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(T, TimeUnit.SECONDS);
        }
        if (peer != null) {
            peer.close();
        }
        endpoints.close();
        if (relay != null) {
            relay.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void echoesThroughAnImpairedPathArriveOnceIntactAndInOrder(long seed) throws Exception {
        // Corruption only towards us: usrsctp does not verify the checksum of packets whose source
        // and destination addresses are equal (its sysctl sctp_no_csum_on_loopback, on by
        // default), so a bit flipped on the way to it on loopback reaches its association and
        // comes back in the echo, a property of the peer on loopback rather than of this stack.
        Impairment towardsThem = Impairment.NONE.withLoss(0.03).withReorder(0.03, 3 * MS).withDuplicate(0.02)
                .withDelay(MS, MS);
        echoTransfer(seed, towardsThem, towardsThem.withCorrupt(0.01, 1), false);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {23})
    void echoesSurviveARebindingTowardsUsrsctp(long seed) throws Exception {
        Impairment both = Impairment.NONE.withLoss(0.01).withDelay(MS, 0);
        echoTransfer(seed, both, both, true);
    }

    private void echoTransfer(long seed, Impairment towardsThem, Impairment towardsUs, boolean rebindMidway)
            throws Exception {
        UsrsctpFixture.requirePrograms("echo_server");
        int theirUdp = freeUdpPort();
        int relayTowardsThem = freeUdpPort();
        LedgerListener echoes = new LedgerListener(new MessageLedger(seed));
        EventRecorder events = new EventRecorder().forwardTo(echoes);
        UdpSctpEndpoint ours = endpoints.bind(loopback, 5001, events, TransportType.AUTO,
                ImpairedTransferTest.config(false));
        relay = ImpairmentRelay.builder().forwardTo(new InetSocketAddress(loopback, theirUdp))
                .portFacingB(relayTowardsThem).seed(seed).impair(Side.A, towardsThem).impair(Side.B, towardsUs).start();
        Process server = start(ECHO_SERVER.toString(), Integer.toString(theirUdp), Integer.toString(relayTowardsThem));
        SctpUdpAssociation a = connectWhenListening(ours, relay.addressFacing(Side.A), server);

        CheckedTraffic.send(a, echoes.ledger(), MESSAGES, MAX_LENGTH);
        if (rebindMidway) {
            echoes.whenReceived(MESSAGES / 4).get(T, TimeUnit.SECONDS);
            int newPort = relay.rebind(Side.B).get(T, TimeUnit.SECONDS);
            // usrsctp answers to the new port once a packet from it passed its tag check.
            relay.whenDatagramFrom(Side.B, newPort).get(T, TimeUnit.SECONDS);
        }
        echoes.whenReceived(MESSAGES).get(60, TimeUnit.SECONDS);
        CheckedTraffic.assertAllDelivered(echoes.ledger());

        a.shutdown().get(T, TimeUnit.SECONDS);
        events.when(r -> r.association() == a && r.event() instanceof AssociationEvent.ShutdownComplete)
                .get(T, TimeUnit.SECONDS);
        assertThat(events.events()).noneMatch(r -> r.association() == a
                && r.event() instanceof AssociationEvent.CommunicationLost);
        if (towardsThem.loss() > 0) {
            assertThat(relay.counters(Side.A).lost() + relay.counters(Side.B).lost()).isPositive();
        }
    }

    @ParameterizedTest(name = "rebinding towards side {0}")
    @EnumSource(Side.class)
    void usrsctpClientSurvivesARebindingMidway(Side towards) throws Exception {
        EventRecorder events = new EventRecorder();
        // Heartbeats every second: after a rebinding towards usrsctp, whose packets to the old
        // port are lost, ours are what tell it the new one.
        UdpSctpEndpoint ours = endpoints.bind(loopback, 5000, events, TransportType.AUTO,
                ImpairedTransferTest.config(false).toBuilder().heartbeatIntervalNanos(1_000 * MS).build());
        relay = ImpairmentRelay.builder().forwardTo(Endpoints.addressOf(ours, loopback)).seed(31)
                .impairBoth(Impairment.NONE.withLoss(0.01).withDelay(MS, 0)).start();
        // Side A is usrsctp: it sends to the relay, which learns its address.
        peer = UsrsctpPeer.connect(logDir.resolve(testName + "-peer.log"), freeUdpPort(), relay.portFacing(Side.A),
                "127.0.0.1", 5000);
        peer.await("READY");
        SctpUdpAssociation s = events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();

        int messages = 200;
        int length = 3000;
        for (int i = 0; i < messages; i++) {
            peer.command("send " + (i % 3) + " 7 " + length);
            if (i == messages / 4) {
                events.whenMessages(messages / 8).get(T, TimeUnit.SECONDS);
                int newPort = relay.rebind(towards).get(T, TimeUnit.SECONDS);
                assertThat(newPort).isPositive();
            }
        }
        events.whenMessages(messages).get(60, TimeUnit.SECONDS);
        List<ReceivedMessage> got = events.messages();
        assertThat(got).hasSize(messages);
        Bytes pattern = Bytes.wrap(pattern(length));
        assertThat(got).allSatisfy(m -> assertThat(m.payload()).isEqualTo(pattern));
        assertThat(peer.awaitLines(l -> l.startsWith("OK send"), messages)).hasSize(messages);

        // And back, from us to usrsctp, after the rebinding.
        for (int i = 0; i < 20; i++) {
            s.send(OutgoingMessage.of(i % 3, 8, false, Bytes.wrap(pattern(1000)))).get(T, TimeUnit.SECONDS);
        }
        assertThat(peer.awaitLines(l -> l.startsWith("MSG ") && l.contains("len=1000") && l.endsWith("eor=1"), 20))
                .hasSize(20);
        assertThat(relay.rebinds(towards)).isEqualTo(1);
        if (towards == Side.B) {
            assertThat(s.remoteAddress().getPort()).isEqualTo(relay.portFacing(Side.B));
        }

        peer.command("shutdown");
        events.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(events.saw(AssociationEvent.CommunicationLost.class)).isFalse();
    }

    /**
     * Connects once echo_server listens: before that, usrsctp answers our INIT with an ABORT,
     * and we try again.
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

    private Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve(testName + "-echo_server.log").toFile()).start();
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
