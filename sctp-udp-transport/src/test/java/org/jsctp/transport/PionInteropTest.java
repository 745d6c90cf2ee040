package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationEvent.ReconfigOutcome;
import org.jsctp.core.assoc.ReconfigRequestStatus;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.impair.Impairment;
import org.jsctp.transport.impair.ImpairmentRelay;
import org.jsctp.transport.impair.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with pion/sctp 1.8.6 (Go), an implementation independent of usrsctp, through our
 * scriptable pion peer ({@link PionPeer}): either side connecting, messages both ways intact and
 * in order, fragmented ones too, and both ends of the association.
 */
class PionInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final long MS = 1_000_000L;

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder events = new EventRecorder();
    private InetAddress loopback;
    private Path logDir;
    private String testName;
    private UdpSctpEndpoint ours;
    private UsrsctpPeer peer;
    private ImpairmentRelay relay;

    @BeforeEach
    void buildPeer(TestInfo info) throws Exception {
        PionPeer.binary(); // skips the test, or fails it under CI, when Go or pion's sources are missing
        loopback = InetAddress.getByName("127.0.0.1");
        logDir = UsrsctpFixture.logDir();
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() throws Exception {
        endpoints.close(); // first, so that what is left shuts down with pion still there to answer
        if (peer != null) {
            peer.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void ourClientAgainstPionEchoingEveryMessage() throws Exception {
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.defaults());
        int peerUdp = freeUdpPort();
        peer = PionPeer.listen(logDir.resolve(testName + "-pion.log"), Map.of("PION_PEER_ECHO", "1"), peerUdp,
                ours.localUdpPort());
        peer.await("LISTENING");
        SctpUdpAssociation a = ours.connect(new InetSocketAddress(loopback, peerUdp), PionPeer.SCTP_PORT)
                .get(T, TimeUnit.SECONDS);
        peer.await("READY");

        List<Integer> lengths = List.of(1, 4, 100, 1200, 5000, 60_000);
        for (int i = 0; i < lengths.size(); i++) {
            send(a, 1, i, lengths.get(i));
        }
        events.whenMessages(lengths.size()).get(T, TimeUnit.SECONDS);
        List<ReceivedMessage> echoed = events.messages();
        for (int i = 0; i < lengths.size(); i++) {
            assertThat(echoed.get(i).streamId()).isEqualTo(1);
            assertThat(echoed.get(i).ppid()).isEqualTo(53);
            assertThat(echoed.get(i).payload()).isEqualTo(Bytes.wrap(numbered(i, lengths.get(i))));
        }

        a.shutdown().get(T, TimeUnit.SECONDS);
        events.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        peer.await("CLOSED");
        assertThat(events.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(ours.associations()).isEmpty();
        assertThat(ours.counters().undecodable()).isZero();
    }

    /** Extensions pion 1.8.6 does not have, offered by us: the association uses what both have. */
    enum Offered {
        I_DATA(b -> b.capabilities(AssociationConfig.defaults().capabilities().withInterleaving(true))),
        NR_SACK(b -> b.nrSackSupported(true)),
        AUTH(b -> b.auth(AuthConfig.DEFAULTS)),
        ALL_THREE(b -> b.capabilities(AssociationConfig.defaults().capabilities().withInterleaving(true))
                .nrSackSupported(true).auth(AuthConfig.DEFAULTS));

        final UnaryOperator<AssociationConfig.Builder> config;

        Offered(UnaryOperator<AssociationConfig.Builder> config) {
            this.config = config;
        }
    }

    @ParameterizedTest
    @EnumSource(Offered.class)
    void extensionsPionLacksAreLeftOutAndTheAssociationWorks(Offered offered) throws Exception {
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO,
                offered.config.apply(AssociationConfig.builder()).build());
        int peerUdp = freeUdpPort();
        peer = PionPeer.listen(logDir.resolve(testName + "-" + offered + "-pion.log"), Map.of("PION_PEER_ECHO", "1"),
                peerUdp, ours.localUdpPort());
        peer.await("LISTENING");
        SctpUdpAssociation a = ours.connect(new InetSocketAddress(loopback, peerUdp), PionPeer.SCTP_PORT)
                .get(T, TimeUnit.SECONDS);
        peer.await("READY");

        Capabilities used = a.call((core, now) -> core.capabilities()).get(T, TimeUnit.SECONDS);
        assertThat(used.interleaving()).isFalse();
        assertThat(used.nrSack()).isFalse();
        assertThat(used.auth()).isFalse();
        assertThat(used.forwardTsn()).isTrue();
        send(a, 0, 0, 1200);
        send(a, 0, 1, 5000);
        events.whenMessages(2).get(T, TimeUnit.SECONDS);
        assertNumberedInOrder(0, -1, 2);
        a.shutdown().get(T, TimeUnit.SECONDS);
        events.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
    }

    @Test
    void pionClientAgainstOurEchoListener() throws Exception {
        events.forwardTo((association, event) -> {
            if (event instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage msg = m.message();
                association.send(OutgoingMessage.of(msg.streamId(), msg.ppid(), msg.unordered(), msg.payload()));
            }
        });
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.defaults());
        peer = PionPeer.connect(logDir.resolve(testName + "-pion.log"), Map.of(), freeUdpPort(), ours.localUdpPort());
        peer.await("READY");
        events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS);

        peer.command("send 0 51 1200 200");
        peer.command("send 2 53 20000 20");
        assertInOrderAndIntact(peer.awaitLines(l -> l.startsWith("MSG stream=0 "), 200), 0, 1200);
        assertInOrderAndIntact(peer.awaitLines(l -> l.startsWith("MSG stream=2 "), 20), 2, 20000);

        peer.command("shutdown");
        peer.await("OK shutdown");
        events.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(events.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(ours.associations()).isEmpty();
    }

    @Test
    void messagesBothWaysThroughLossReorderingAndDuplicationArriveOnceInOrder() throws Exception {
        Impairment impaired = Impairment.NONE.withLoss(0.03).withReorder(0.03, 3 * MS).withDuplicate(0.02)
                .withDelay(MS, MS);
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO,
                AssociationConfig.builder().rtoMinNanos(50 * MS).rtoInitialNanos(200 * MS).build());
        int peerUdp = freeUdpPort();
        int relayTowardsPion = freeUdpPort();
        relay = ImpairmentRelay.builder().forwardTo(new InetSocketAddress(loopback, peerUdp))
                .portFacingB(relayTowardsPion).seed(41).impairBoth(impaired).start();
        peer = PionPeer.listen(logDir.resolve(testName + "-pion.log"), Map.of(), peerUdp, relayTowardsPion);
        peer.await("LISTENING");
        SctpUdpAssociation a = ours.connect(relay.addressFacing(Side.A), PionPeer.SCTP_PORT).get(T, TimeUnit.SECONDS);
        peer.await("READY");

        int ourMessages = 400;
        for (int i = 0; i < ourMessages; i++) {
            send(a, i % 2, i / 2, 1500 + 1000 * (i % 2));
        }
        peer.command("send 0 51 1200 300");
        peer.command("send 1 51 5000 60");
        assertInOrderAndIntact(peer.awaitLines(l -> l.startsWith("MSG stream=0 "), ourMessages / 2), 0, 1500);
        assertInOrderAndIntact(peer.awaitLines(l -> l.startsWith("MSG stream=1 "), ourMessages / 2), 1, 2500);
        events.whenMessages(360).get(60, TimeUnit.SECONDS);
        assertNumberedInOrder(0, 1200, 300);
        assertNumberedInOrder(1, 5000, 60);

        assertThat(relay.counters(Side.A).lost()).isPositive();
        assertThat(relay.counters(Side.B).lost()).isPositive();
        a.shutdown().get(T, TimeUnit.SECONDS);
        events.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(events.saw(AssociationEvent.CommunicationLost.class)).isFalse();
    }

    @Test
    void pionsAbandonedMessagesAreSkippedByItsForwardTsn() throws Exception {
        // RFC 3758: pion sends on stream 0 without retransmissions through loss towards us, then
        // one reliable message on the same ordered stream; only its FORWARD TSN (the skipped SSNs
        // of section 3.6) lets that last message be delivered.
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.defaults());
        int peerUdp = freeUdpPort();
        int relayTowardsPion = freeUdpPort();
        relay = ImpairmentRelay.builder().forwardTo(new InetSocketAddress(loopback, peerUdp))
                .portFacingB(relayTowardsPion).seed(43).impair(Side.B, Impairment.NONE.withLoss(0.2)).start();
        peer = PionPeer.listen(logDir.resolve(testName + "-pion.log"), Map.of(), peerUdp, relayTowardsPion);
        peer.await("LISTENING");
        ours.connect(relay.addressFacing(Side.A), PionPeer.SCTP_PORT).get(T, TimeUnit.SECONDS);
        peer.await("READY");

        peer.command("send 0 51 800 200 rexmit=0");
        peer.command("drain 0"); // pion's reliability is the stream's: wait before making it reliable again
        peer.await("OK drain");
        peer.command("send 0 51 800 1");
        events.when(r -> r.event() instanceof AssociationEvent.MessageReceived m && seqOf(m.message()) == 200)
                .get(60, TimeUnit.SECONDS);
        List<ReceivedMessage> got = events.messages();
        assertThat(got.get(got.size() - 1).payload()).isEqualTo(Bytes.wrap(numbered(200, 800)));
        assertThat(got).hasSizeLessThan(200).allSatisfy(m -> assertThat(m.streamId()).isZero());
        for (int i = 1; i < got.size(); i++) {
            assertThat(seqOf(got.get(i))).isGreaterThan(seqOf(got.get(i - 1)));
        }
        assertThat(relay.counters(Side.B).lost()).isPositive();
    }

    @Test
    void ourAbandonedMessagesAreSkippedByOurForwardTsn() throws Exception {
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.defaults());
        int peerUdp = freeUdpPort();
        int relayTowardsPion = freeUdpPort();
        relay = ImpairmentRelay.builder().forwardTo(new InetSocketAddress(loopback, peerUdp))
                .portFacingB(relayTowardsPion).seed(47).impair(Side.A, Impairment.NONE.withLoss(0.2)).start();
        peer = PionPeer.listen(logDir.resolve(testName + "-pion.log"), Map.of(), peerUdp, relayTowardsPion);
        peer.await("LISTENING");
        SctpUdpAssociation a = ours.connect(relay.addressFacing(Side.A), PionPeer.SCTP_PORT).get(T, TimeUnit.SECONDS);
        peer.await("READY");

        long now = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            a.send(OutgoingMessage.of(0, 51, false, Bytes.wrap(numbered(i, 800))).withPolicy(PrPolicy.rtx(0), now));
        }
        send(a, 0, 200, 800);
        assertThat(peer.await("MSG stream=0 ppid=53 len=800 seq=200 ")).endsWith(" ok=1");
        List<Integer> seqs = peer.lines().stream().filter(l -> l.startsWith("MSG ")).map(PionInteropTest::seqOf)
                .toList();
        assertThat(seqs).hasSizeLessThan(200).isSorted().doesNotHaveDuplicates().endsWith(200);
        assertThat(peer.lines()).filteredOn(l -> l.startsWith("MSG ")).allMatch(l -> l.endsWith(" ok=1"));
        assertThat(relay.counters(Side.A).lost()).isPositive();
    }

    @Test
    void streamResetsBothWays() throws Exception {
        // pion closes a data channel by resetting its outgoing stream (RFC 6525 section 5.1.2);
        // we reset ours and pion's reads on that stream end.
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.builder()
                .capabilities(Capabilities.NONE.withForwardTsn(true).withStreamReconfig(true))
                .acceptStreamReconfig(true).build());
        int peerUdp = freeUdpPort();
        peer = PionPeer.listen(logDir.resolve(testName + "-pion.log"), Map.of(), peerUdp, ours.localUdpPort());
        peer.await("LISTENING");
        SctpUdpAssociation a = ours.connect(new InetSocketAddress(loopback, peerUdp), PionPeer.SCTP_PORT)
                .get(T, TimeUnit.SECONDS);
        peer.await("READY");
        send(a, 2, 0, 300);
        peer.await("MSG stream=2 ");
        peer.command("send 3 51 200");
        events.whenMessages(1).get(T, TimeUnit.SECONDS);

        peer.command("close-stream 3");
        assertThat(events.when(AssociationEvent.StreamReset.class).get(T, TimeUnit.SECONDS).event())
                .isEqualTo(new AssociationEvent.StreamReset(List.of(3), true, ReconfigOutcome.PERFORMED));

        assertThat(a.call((core, now) -> core.resetStreams(new int[] {2}, now)).get(T, TimeUnit.SECONDS))
                .isEqualTo(ReconfigRequestStatus.STARTED);
        assertThat(peer.await("STREAM_CLOSED")).isEqualTo("STREAM_CLOSED stream=2");
        assertThat(events.when(r -> r.event() instanceof AssociationEvent.StreamReset reset && !reset.incoming())
                .get(T, TimeUnit.SECONDS).event())
                .isEqualTo(new AssociationEvent.StreamReset(List.of(2), false, ReconfigOutcome.PERFORMED));
        // The stream starts again from SSN 0 on both sides.
        send(a, 2, 0, 300);
        assertThat(peer.awaitLines(l -> l.startsWith("MSG stream=2 "), 2).get(1)).endsWith(" seq=0 ok=1");
        assertThat(events.saw(AssociationEvent.CommunicationLost.class)).isFalse();
    }

    @Test
    void abortsBothWaysCarryTheirReason() throws Exception {
        ours = endpoints.bind(loopback, PionPeer.SCTP_PORT, events, TransportType.AUTO, AssociationConfig.defaults());
        peer = PionPeer.connect(logDir.resolve(testName + "-pion.log"), Map.of(), freeUdpPort(), ours.localUdpPort());
        peer.await("READY");
        SctpUdpAssociation first = events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();

        peer.command("abort going away");
        AssociationEvent.CommunicationLost lost = (AssociationEvent.CommunicationLost) events
                .when(AssociationEvent.CommunicationLost.class).get(T, TimeUnit.SECONDS).event();
        assertThat(lost.causes()).singleElement().isInstanceOfSatisfying(UserInitiatedAbortCause.class,
                c -> assertThat(c.reasonText()).isEqualTo("going away"));
        peer.await("CLOSED");
        assertThat(ours.associations()).isEmpty();

        // And the other way: our ABORT ends pion's association.
        peer.close();
        peer = PionPeer.connect(logDir.resolve(testName + "-pion2.log"), Map.of(), freeUdpPort(), ours.localUdpPort());
        peer.await("READY");
        SctpUdpAssociation second = events.when(r -> r.event() instanceof AssociationEvent.CommunicationUp
                && r.association() != first).get(T, TimeUnit.SECONDS).association();
        second.abort("we are done").get(T, TimeUnit.SECONDS);
        peer.await("CLOSED");
    }

    private static void assertInOrderAndIntact(List<String> lines, int stream, int length) {
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("MSG stream=" + stream + " ")
                    .endsWith(" len=" + length + " seq=" + i + " ok=1");
        }
    }

    /**
     * The messages we received on {@code stream} are {@code count} numbered ones of
     * {@code length} (or of any length, if negative), in order.
     */
    private void assertNumberedInOrder(int stream, int length, int count) {
        List<ReceivedMessage> got = events.messages().stream().filter(m -> m.streamId() == stream).toList();
        assertThat(got).hasSize(count);
        for (int i = 0; i < count; i++) {
            int expected = length < 0 ? got.get(i).payload().length() : length;
            assertThat(got.get(i).payload()).isEqualTo(Bytes.wrap(numbered(i, expected)));
        }
    }

    private static int seqOf(ReceivedMessage m) {
        return m.payload().length() < 4 ? -1 : ByteBuffer.wrap(m.payload().toByteArray(), 0, 4).getInt();
    }

    private static int seqOf(String msgLine) {
        return Integer.parseInt(msgLine.replaceFirst(".* seq=(\\d+) .*", "$1"));
    }

    private static void send(SctpUdpAssociation a, int stream, int seq, int length) throws Exception {
        assertThat(a.send(OutgoingMessage.of(stream, 53, false, Bytes.wrap(numbered(seq, length))))
                .get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }

    /**
     * The messages both sides send: the message's index as 4 big-endian bytes (as much of it as
     * fits), then byte i = {@code i * 7 + 3}, as the peer program makes and checks them.
     */
    static byte[] numbered(int seq, int length) {
        byte[] b = new byte[length];
        for (int i = 4; i < length; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        if (length >= 4) {
            ByteBuffer.wrap(b).putInt(seq);
        }
        return b;
    }
}
