package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.auth.AuthStatistics;
import org.jsctp.core.auth.HmacAlgorithm;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * AUTH (RFC 4895) between our endpoint and usrsctp 0.9.5 through our peer program
 * ({@link UsrsctpPeer}): both sides require DATA to be authenticated with endpoint-pair shared key
 * 1. usrsctp offers only HMAC-SHA-1, so that is what both sides send although we prefer SHA-256.
 * With the same key, messages go both ways (usrsctp drops unauthenticated DATA, so its delivery
 * proves our AUTH chunks right, and our counters prove its); with different keys nothing is
 * delivered either way and nothing breaks.
 */
class UsrsctpAuthInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int OUR_SCTP_PORT = 5001;
    private static final int PEER_SCTP_PORT = 5002;
    private static final String KEY = "00112233445566778899aabbccddeeff";
    private static final String OTHER_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder events = new EventRecorder();
    private InetAddress loopback;
    private Path logDir;
    private String testName;
    private UdpSctpEndpoint ours;
    private UsrsctpPeer peer;
    private SctpUdpAssociation a;

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

    @Test
    void weConnectAndMessagesGoBothWaysAuthenticatedWithSha1() throws Exception {
        connectToPeer(KEY);
        exchange(3);

        AuthStatistics s = statistics();
        assertThat(s.inUse()).isTrue();
        assertThat(s.sendAlgorithm()).isEqualTo(HmacAlgorithm.SHA_1); // usrsctp lists SHA-1 only
        assertThat(s.authenticatedPacketsSent()).isPositive();
        assertThat(s.authenticatedPacketsReceived()).isGreaterThanOrEqualTo(3); // each of its DATA packets
        assertThat(s.rejectedAuthChunks()).isZero();
        assertThat(s.discardedChunks()).isZero();
    }

    @Test
    void usrsctpConnectsAndMessagesGoBothWaysAuthenticated() throws Exception {
        ours = bindOurs(KEY);
        int peerUdp = freeUdpPort();
        peer = UsrsctpPeer.connect(logDir.resolve(testName + "-peer.log"), peerEnvironment(KEY), peerUdp,
                ours.localUdpPort(), "127.0.0.1", OUR_SCTP_PORT);
        peer.await("READY");
        a = events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS).association();
        exchange(3);

        assertThat(statistics().authenticatedPacketsReceived()).isGreaterThanOrEqualTo(3);
        assertThat(statistics().rejectedAuthChunks()).isZero();
    }

    @Test
    void withDifferentKeysNoMessageIsDeliveredEitherWay() throws Exception {
        connectToPeer(OTHER_KEY);
        send(300);
        peer.command("send 0 61 200");
        peer.await("OK send");

        // usrsctp retransmits its message until we would take it: each copy fails our check.
        awaitStatistics(s -> s.rejectedAuthChunks() >= 2);
        // ... and it never acknowledges ours: we retransmit it.
        assertThat(a.call((core, now) -> core.bufferedAmount()).get(T, TimeUnit.SECONDS)).isEqualTo(300L);
        assertThat(events.messages()).isEmpty();
        assertThat(peer.lines()).noneMatch(l -> l.startsWith("MSG"));
        // Nothing broke: the association is still up on both sides.
        assertThat(a.call((core, now) -> core.state()).get(T, TimeUnit.SECONDS).name()).isEqualTo("ESTABLISHED");
        peer.command("status");
        assertThat(peer.await("STATUS")).startsWith("STATUS state=0x8 "); // usrsctp's SCTP_STATE_OPEN
    }

    private UdpSctpEndpoint bindOurs(String key) throws Exception {
        AuthConfig auth = AuthConfig.DEFAULTS.withRequired(true).withChunkTypes(Set.of(ChunkType.DATA))
                .withSharedKey(1, Bytes.fromHex(key)).withActiveKey(1);
        AssociationConfig config = AssociationConfig.builder().auth(auth).noDelay(true).build();
        return endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0).sctpPort(OUR_SCTP_PORT)
                .associationConfig(config).listener(events).bind().get(T, TimeUnit.SECONDS));
    }

    private static Map<String, String> peerEnvironment(String peerKey) {
        return Map.of("USRSCTP_PEER_AUTH", "1", "USRSCTP_PEER_AUTH_CHUNKS", "0", "USRSCTP_PEER_AUTH_KEY", peerKey);
    }

    /** The peer listens with AUTH and key {@code peerKey}; we connect with KEY. */
    private void connectToPeer(String peerKey) throws Exception {
        ours = bindOurs(KEY);
        int peerUdp = freeUdpPort();
        peer = UsrsctpPeer.listen(logDir.resolve(testName + "-peer.log"), peerEnvironment(peerKey), peerUdp,
                ours.localUdpPort(), PEER_SCTP_PORT);
        peer.await("READY");
        a = ours.connect(new InetSocketAddress(loopback, peerUdp), PEER_SCTP_PORT).get(T, TimeUnit.SECONDS);
        peer.await("ACCEPTED");
        peer.await("EVENT ASSOC_CHANGE COMM_UP");
    }

    private void exchange(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            send(300);
            peer.command("send 0 61 200");
        }
        List<String> msgs = peer.awaitLines(l -> l.startsWith("MSG"), count);
        assertThat(msgs).allMatch(l -> l.equals("MSG stream=0 ppid=51 len=300 eor=1"));
        events.whenMessages(count).get(T, TimeUnit.SECONDS);
        assertThat(events.messages()).hasSize(count).allSatisfy(m -> assertThat(m.payload()).isEqualTo(Bytes.wrap(pattern(200))));
    }

    private void send(int length) throws Exception {
        assertThat(a.send(OutgoingMessage.of(0, 51, false, Bytes.wrap(pattern(length)))).get(T, TimeUnit.SECONDS))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }

    private AuthStatistics statistics() throws Exception {
        return a.call((core, now) -> core.auth().statistics()).get(T, TimeUnit.SECONDS);
    }

    /** Asks the core until {@code condition} holds, within the test timeout (a condition, not a delay). */
    private void awaitStatistics(Predicate<AuthStatistics> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
        AuthStatistics s = statistics();
        while (!condition.test(s) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            s = statistics();
        }
        assertThat(condition).accepts(s);
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
