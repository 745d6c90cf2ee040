package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graceful shutdown (RFC 9260 section 9.2) and abort (section 9.1), each started from either
 * side, between our endpoint and our usrsctp peer program ({@link UsrsctpPeer}), with the peer as
 * server and as client: both ends report the end, and both free the association. Data sent just
 * before a shutdown arrives whole on both sides.
 */
class UsrsctpTerminationInteropTest {

    /** Which side starts the association. */
    enum Role { PEER_LISTENS, PEER_CONNECTS }

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int OUR_SCTP_PORT = 5001;
    private static final int PEER_SCTP_PORT = 5002;
    /** Our messages: small, one packet, fragmented, and larger than usrsctp's receive piece. */
    private static final List<Integer> OUR_SIZES = List.of(13, 1000, 5000, 70_000);
    private static final List<Integer> PEER_SIZES = List.of(10, 1500, 40_000);
    private static final Pattern MSG = Pattern.compile("MSG stream=(\\d+) ppid=(\\d+) len=(\\d+) eor=([01])");

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder events = new EventRecorder();
    private InetAddress loopback;
    private Path logDir;
    private String testName;
    private UdpSctpEndpoint ours;
    private UsrsctpPeer peer;

    @BeforeEach
    void buildPeer(TestInfo info) throws Exception {
        UsrsctpPeer.binary(); // skips the test, or fails it under CI, when gcc or libusrsctp-dev is missing
        loopback = InetAddress.getByName("127.0.0.1");
        logDir = UsrsctpFixture.logDir();
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        endpoints.close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void weShutDownGracefully(Role role) throws Exception {
        SctpUdpAssociation a = associate(role);
        sendBothWays(a);

        a.shutdown().get(T, TimeUnit.SECONDS);

        assertEndedGracefully(a);
        peer.await("CLOSED");
        assertThat(peer.heads()).containsSubsequence("EVENT SHUTDOWN_EVENT", "EVENT ASSOC_CHANGE SHUTDOWN_COMP");
        assertAllDataArrived();
        assertPeerFreed();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void thePeerShutsDownGracefully(Role role) throws Exception {
        SctpUdpAssociation a = associate(role);
        sendBothWays(a);

        peer.command("shutdown");

        a.closeFuture().get(T, TimeUnit.SECONDS);
        assertEndedGracefully(a);
        assertThat(events.events()).filteredOn(r -> r.association() == a)
                .extracting(r -> r.event().getClass().getSimpleName()).containsSubsequence("PeerShutdown", "ShutdownComplete");
        peer.await("CLOSED");
        assertThat(peer.heads()).containsSubsequence("OK shutdown", "EVENT ASSOC_CHANGE SHUTDOWN_COMP", "CLOSED")
                .doesNotContain("EVENT ASSOC_CHANGE COMM_LOST");
        assertAllDataArrived();
        assertPeerFreed();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void weAbortWithAReason(Role role) throws Exception {
        SctpUdpAssociation a = associate(role);
        exchangeOneMessageEachWay(a);

        a.abort("jsctp test abort").get(T, TimeUnit.SECONDS);

        assertThat(lost(a).reason()).contains("jsctp test abort");
        assertThat(ours.associations()).isEmpty();
        // 12: the User-Initiated Abort cause our ABORT carries (RFC 9260 section 3.3.10.12)
        assertThat(peer.await("EVENT ASSOC_CHANGE COMM_LOST")).contains("error=12");
        assertThat(peer.await("CLOSED")).startsWith("CLOSED errno=");
        assertPeerFreed();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void thePeerAbortsWithAReason(Role role) throws Exception {
        SctpUdpAssociation a = associate(role);
        exchangeOneMessageEachWay(a);

        peer.command("abort usrsctp says bye");

        AssociationEvent.CommunicationLost lost = lost(a);
        assertThat(lost.causes()).singleElement().isInstanceOfSatisfying(UserInitiatedAbortCause.class,
                c -> assertThat(c.reasonText()).isEqualTo("usrsctp says bye"));
        assertThat(lost.reason()).contains("usrsctp says bye");
        a.closeFuture().get(T, TimeUnit.SECONDS);
        assertThat(ours.associations()).isEmpty();
        peer.await("EVENT ASSOC_CHANGE COMM_LOST");
        assertThat(peer.await("CLOSED")).startsWith("CLOSED errno=");
        assertPeerFreed();
    }

    @Test
    void thePeerAbortsByClosingWithZeroLinger() throws Exception {
        SctpUdpAssociation a = associate(Role.PEER_LISTENS);
        exchangeOneMessageEachWay(a);

        peer.command("linger-abort");

        assertThat(lost(a).causes()).singleElement().isInstanceOfSatisfying(UserInitiatedAbortCause.class,
                c -> assertThat(c.reason().length()).isZero());
        a.closeFuture().get(T, TimeUnit.SECONDS);
        assertThat(ours.associations()).isEmpty();
        peer.await("OK linger-abort");
        assertThat(peer.quit()).isZero();
        assertThat(peer.lines()).contains("FINISHED");
    }

    /** Binds our endpoint and starts the association in {@code role}; both sides see it up. */
    private SctpUdpAssociation associate(Role role) throws Exception {
        ours = endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0).sctpPort(OUR_SCTP_PORT)
                .listener(events).bind().get(T, TimeUnit.SECONDS));
        int peerUdp = freeUdpPort();
        Path log = logDir.resolve(testName + "-" + role + "-peer.log");
        SctpUdpAssociation a;
        if (role == Role.PEER_LISTENS) {
            peer = UsrsctpPeer.listen(log, peerUdp, ours.localUdpPort(), PEER_SCTP_PORT);
            peer.await("READY"); // it listens: an INIT now is not answered with an ABORT
            a = ours.connect(new InetSocketAddress(loopback, peerUdp), PEER_SCTP_PORT).get(T, TimeUnit.SECONDS);
            peer.await("ACCEPTED");
        } else {
            peer = UsrsctpPeer.connect(log, peerUdp, ours.localUdpPort(), "127.0.0.1", OUR_SCTP_PORT);
            a = events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS).association();
            peer.await("READY");
        }
        peer.await("EVENT ASSOC_CHANGE COMM_UP");
        return a;
    }

    /**
     * Queues every message of both sides without waiting for any to arrive, so the shutdown that
     * follows finds data in flight both ways (RFC 9260 section 9.2: it is delivered first).
     */
    private void sendBothWays(SctpUdpAssociation a) throws Exception {
        for (int i = 0; i < PEER_SIZES.size(); i++) {
            peer.command("send " + i + " " + (61 + i) + " " + PEER_SIZES.get(i));
        }
        peer.awaitLines(l -> l.startsWith("OK send"), PEER_SIZES.size());
        for (int i = 0; i < OUR_SIZES.size(); i++) {
            OutgoingMessage m = OutgoingMessage.of(i, 51 + i, false, Bytes.wrap(pattern(OUR_SIZES.get(i))));
            assertThat(a.send(m).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
    }

    private void exchangeOneMessageEachWay(SctpUdpAssociation a) throws Exception {
        peer.command("send 0 61 100");
        events.when(AssociationEvent.MessageReceived.class).get(T, TimeUnit.SECONDS);
        a.send(OutgoingMessage.of(0, 51, false, Bytes.wrap(pattern(200)))).get(T, TimeUnit.SECONDS);
        assertThat(peer.await("MSG")).isEqualTo("MSG stream=0 ppid=51 len=200 eor=1");
    }

    private void assertEndedGracefully(SctpUdpAssociation a) throws Exception {
        events.when(r -> r.association() == a && r.event() instanceof AssociationEvent.ShutdownComplete)
                .get(T, TimeUnit.SECONDS);
        assertThat(a.closeFuture()).isDone();
        assertThat(events.events()).noneMatch(r -> r.event() instanceof AssociationEvent.CommunicationLost);
        assertThat(ours.associations()).isEmpty();
    }

    private AssociationEvent.CommunicationLost lost(SctpUdpAssociation a) throws Exception {
        return (AssociationEvent.CommunicationLost) events.when(r -> r.association() == a
                && r.event() instanceof AssociationEvent.CommunicationLost).get(T, TimeUnit.SECONDS).event();
    }

    /**
     * Every message of both sides arrived whole, on its stream, with its PPID.
     * Called after both ends reported the shutdown complete, which is after all data was delivered.
     */
    private void assertAllDataArrived() {
        List<ReceivedMessage> ourInbox = events.messages();
        assertThat(ourInbox).extracting(ReceivedMessage::ppid).containsExactlyInAnyOrder(61, 62, 63);
        for (ReceivedMessage m : ourInbox) {
            int i = m.ppid() - 61;
            assertThat(m.streamId()).isEqualTo(i);
            assertThat(m.payload()).isEqualTo(Bytes.wrap(pattern(PEER_SIZES.get(i))));
        }

        List<String> peerInbox = peerMessages();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < OUR_SIZES.size(); i++) {
            expected.add("stream=" + i + " ppid=" + (51 + i) + " len=" + OUR_SIZES.get(i));
        }
        assertThat(peerInbox).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The peer's MSG lines joined into messages (a long one comes in pieces, the last with eor=1). */
    private List<String> peerMessages() {
        List<String> messages = new ArrayList<>();
        long length = 0;
        for (String line : peer.lines()) {
            Matcher m = MSG.matcher(line);
            if (!m.matches()) {
                continue;
            }
            length += Long.parseLong(m.group(3));
            if (m.group(4).equals("1")) {
                messages.add("stream=" + m.group(1) + " ppid=" + m.group(2) + " len=" + length);
                length = 0;
            }
        }
        assertThat(length).as("bytes of a message the peer never finished").isZero();
        return messages;
    }

    /** usrsctp has no association left: none on the socket, and usrsctp_finish succeeds. */
    private void assertPeerFreed() throws Exception {
        peer.command("status");
        assertThat(peer.await("STATUS")).isEqualTo("STATUS none");
        assertThat(peer.quit()).isZero();
        assertThat(peer.lines()).contains("FINISHED");
    }

    /** The bytes both sides send: byte i is {@code i * 7 + 3}, as the peer program makes them. */
    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }
}
