package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationEvent.ReconfigOutcome;
import org.jsctp.core.assoc.ReconfigRequestStatus;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Stream reconfiguration (RFC 6525) between our endpoint and usrsctp 0.9.5 through our peer
 * program ({@link UsrsctpPeer}): stream resets requested by either side in either direction,
 * adding streams both ways, and the association reset requested by us (one requested by usrsctp
 * stalls in usrsctp itself, so that direction is not tested). Messages go both ways before and
 * after each, and arrive intact, the ones after a reset from SSN 0.
 */
class UsrsctpReconfigInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int OUR_SCTP_PORT = 5001;
    private static final int PEER_SCTP_PORT = 5002;

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder events = new EventRecorder();
    private InetAddress loopback;
    private Path logDir;
    private String testName;
    private UdpSctpEndpoint ours;
    private UsrsctpPeer peer;
    private SctpUdpAssociation a;
    private int peerMessages;

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
    void weResetOurOutgoingStreamsAndUsrsctpResetsItsIncomingOnes() throws Exception {
        associate(true);
        exchange(1);

        assertThat(call((core, now) -> core.resetStreams(new int[] {1}, now))).isEqualTo(ReconfigRequestStatus.STARTED);

        assertThat(outcome(AssociationEvent.StreamReset.class))
                .isEqualTo(new AssociationEvent.StreamReset(List.of(1), false, ReconfigOutcome.PERFORMED));
        assertThat(peer.await("EVENT STREAM_RESET_EVENT")).isEqualTo("EVENT STREAM_RESET_EVENT flags=in streams=1");
        exchange(1);
    }

    @Test
    void usrsctpResetsItsOutgoingStreamsAndWeResetOurIncomingOnes() throws Exception {
        associate(true);
        exchange(0);

        peer.command("reset-streams out 0");

        assertThat(outcome(AssociationEvent.StreamReset.class))
                .isEqualTo(new AssociationEvent.StreamReset(List.of(0), true, ReconfigOutcome.PERFORMED));
        assertThat(peer.await("EVENT STREAM_RESET_EVENT")).isEqualTo("EVENT STREAM_RESET_EVENT flags=out streams=0");
        ReceivedMessage after = exchange(0);
        assertThat(after.sequenceNumber()).isZero();
    }

    @Test
    void weAskUsrsctpToResetItsOutgoingStreams() throws Exception {
        associate(true);
        exchange(2);

        assertThat(call((core, now) -> core.resetIncomingStreams(new int[0], now)))
                .isEqualTo(ReconfigRequestStatus.STARTED);

        // usrsctp resets at once the streams with nothing in flight, and a stream with data not yet
        // acknowledged (here stream 2) in a request of its own once it is.
        AssociationEvent.StreamReset withStream2 = (AssociationEvent.StreamReset) events.when(r ->
                r.event() instanceof AssociationEvent.StreamReset s && s.incoming()
                        && (s.streams().isEmpty() || s.streams().contains(2))).get(T, TimeUnit.SECONDS).event();
        assertThat(withStream2.outcome()).isEqualTo(ReconfigOutcome.PERFORMED);
        assertThat(events.events()).filteredOn(r -> r.event() instanceof AssociationEvent.StreamReset)
                .extracting(r -> ((AssociationEvent.StreamReset) r.event()).outcome())
                .containsOnly(ReconfigOutcome.PERFORMED);
        assertThat(peer.await("EVENT STREAM_RESET_EVENT")).startsWith("EVENT STREAM_RESET_EVENT flags=out");
        assertThat(exchange(2).sequenceNumber()).isZero();
    }

    @Test
    void usrsctpAsksUsToResetOurOutgoingStreams() throws Exception {
        associate(true);
        exchange(3);

        peer.command("reset-streams in 3");

        assertThat(outcome(AssociationEvent.StreamReset.class))
                .isEqualTo(new AssociationEvent.StreamReset(List.of(3), false, ReconfigOutcome.PERFORMED));
        assertThat(peer.await("EVENT STREAM_RESET_EVENT")).isEqualTo("EVENT STREAM_RESET_EVENT flags=in streams=3");
        exchange(3);
    }

    @Test
    void streamsAreAddedBothWaysAndTheNewOnesCarryMessages() throws Exception {
        associate(true);
        int out = a.call((core, now) -> core.outboundStreams()).get(T, TimeUnit.SECONDS);
        int in = a.call((core, now) -> core.inboundStreams()).get(T, TimeUnit.SECONDS);

        assertThat(call((core, now) -> core.addStreams(2, 0, now))).isEqualTo(ReconfigRequestStatus.STARTED);
        AssociationEvent.StreamChange ourChange = outcome(AssociationEvent.StreamChange.class);
        assertThat(ourChange).isEqualTo(new AssociationEvent.StreamChange(out + 2, in, ReconfigOutcome.PERFORMED));
        assertThat(peer.await("EVENT STREAM_CHANGE_EVENT")).isEqualTo("EVENT STREAM_CHANGE_EVENT flags=none in="
                + (out + 2) + " out=" + in);

        peer.command("add-streams 3 0");
        events.when(r -> r.event() instanceof AssociationEvent.StreamChange c && c.inboundStreams() == in + 3)
                .get(T, TimeUnit.SECONDS);

        send(out + 1);
        assertThat(peer.await("MSG")).isEqualTo("MSG stream=" + (out + 1) + " ppid=51 len=300 eor=1");
        peer.command("send " + (in + 2) + " 61 400");
        assertThat(events.whenMessages(1).get(T, TimeUnit.SECONDS)).isNotNull();
        assertThat(events.messages().get(0).streamId()).isEqualTo(in + 2);
        assertThat(events.messages().get(0).payload()).isEqualTo(Bytes.wrap(pattern(400)));
    }

    @Test
    void weResetTheAssociationAndDataFlowsOnFromTheNewTsns() throws Exception {
        associate(true);
        exchange(0);
        exchange(1);

        assertThat(call((core, now) -> core.resetAssociation(now))).isEqualTo(ReconfigRequestStatus.STARTED);

        AssociationEvent.AssociationReset reset = outcome(AssociationEvent.AssociationReset.class);
        assertThat(reset.outcome()).isEqualTo(ReconfigOutcome.PERFORMED);
        // usrsctp's event shows the TSN it sends next as we expect it; its remote_tsn is one above the
        // Receiver's Next TSN its response gave us (its own notation), so only the first is compared.
        assertThat(peer.await("EVENT ASSOC_RESET_EVENT")).startsWith("EVENT ASSOC_RESET_EVENT flags=none local_tsn="
                + reset.remoteTsn().unsigned() + " remote_tsn=");
        assertThat(exchange(0).sequenceNumber()).isZero();
        assertThat(exchange(1).sequenceNumber()).isZero();
    }

    @Test
    void usrsctpWithoutStreamResetEnabledDeniesOurRequests() throws Exception {
        associate(false);
        exchange(0);

        call((core, now) -> core.resetStreams(new int[0], now));
        assertThat(outcome(AssociationEvent.StreamReset.class))
                .isEqualTo(new AssociationEvent.StreamReset(List.of(), false, ReconfigOutcome.DENIED));
        exchange(0);
    }

    /** The peer listens, we connect, both with RE-CONFIG; the peer accepts requests when {@code enable}. */
    private void associate(boolean enable) throws Exception {
        AssociationConfig config = AssociationConfig.builder()
                .capabilities(Capabilities.NONE.withForwardTsn(true).withStreamReconfig(true))
                .acceptStreamReconfig(true).noDelay(true).build();
        ours = endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0).sctpPort(OUR_SCTP_PORT)
                .associationConfig(config).listener(events).bind().get(T, TimeUnit.SECONDS));
        int peerUdp = freeUdpPort();
        peer = UsrsctpPeer.listen(logDir.resolve(testName + "-peer.log"), peerUdp, ours.localUdpPort(), PEER_SCTP_PORT);
        peer.await("READY");
        a = ours.connect(new InetSocketAddress(loopback, peerUdp), PEER_SCTP_PORT).get(T, TimeUnit.SECONDS);
        peer.await("ACCEPTED");
        peer.await("EVENT ASSOC_CHANGE COMM_UP");
        if (enable) {
            peer.command("reconfig-enable");
            peer.await("OK reconfig-enable");
        }
    }

    private ReconfigRequestStatus call(CoreCall<ReconfigRequestStatus> c) throws Exception {
        return a.call(c).get(T, TimeUnit.SECONDS);
    }

    private <E extends AssociationEvent> E outcome(Class<E> type) throws Exception {
        return type.cast(events.when(type).get(T, TimeUnit.SECONDS).event());
    }

    private void send(int stream) throws Exception {
        assertThat(a.send(OutgoingMessage.of(stream, 51, false, Bytes.wrap(pattern(300)))).get(T, TimeUnit.SECONDS))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }

    /**
     * One message each way on {@code stream}, both arriving intact; returns the one we received.
     */
    private ReceivedMessage exchange(int stream) throws Exception {
        int before = peer.lines().stream().filter(l -> l.startsWith("MSG")).toList().size();
        send(stream);
        List<String> msgs = peer.awaitLines(l -> l.startsWith("MSG"), before + 1);
        assertThat(msgs.get(before)).isEqualTo("MSG stream=" + stream + " ppid=51 len=300 eor=1");
        peer.command("send " + stream + " 61 200");
        events.whenMessages(++peerMessages).get(T, TimeUnit.SECONDS);
        ReceivedMessage m = events.messages().get(peerMessages - 1);
        assertThat(m.streamId()).isEqualTo(stream);
        assertThat(m.payload()).isEqualTo(Bytes.wrap(pattern(200)));
        return m;
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
