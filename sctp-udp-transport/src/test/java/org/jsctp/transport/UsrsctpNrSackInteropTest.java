package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.UsrsctpFixture.freeUdpPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2) against usrsctp 0.9.5 with its
 * nrsack_enable sysctl on ({@link UsrsctpPeer}, USRSCTP_PEER_NRSACK=1), through a relay
 * ({@link UdpTap}) that drops one DATA packet each way so both receivers have gaps to report:
 * NR-SACKs flow both ways, every message arrives, and the send buffers drain.
 */
class UsrsctpNrSackInteropTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int OUR_SCTP_PORT = 5001;
    private static final int PEER_SCTP_PORT = 5002;
    private static final int MESSAGES = 30;
    private static final int LENGTH = 1000;

    private final Endpoints endpoints = new Endpoints();
    private final EventRecorder events = new EventRecorder();
    private InetAddress loopback;
    private Path log;
    private UsrsctpPeer peer;
    private UdpTap tap;

    @BeforeEach
    void buildPeer(TestInfo info) throws Exception {
        UsrsctpPeer.binary(); // skips the test, or fails it under CI, when gcc or libusrsctp-dev is missing
        loopback = InetAddress.getByName("127.0.0.1");
        log = UsrsctpFixture.logDir()
                .resolve(info.getTestMethod().orElseThrow().getName() + "-peer.log");
    }

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        endpoints.close();
        if (tap != null) {
            tap.close();
        }
    }

    private SctpUdpAssociation associate(boolean ourNrSack, boolean peerNrSack) throws Exception {
        AssociationConfig config = AssociationConfig.builder().noDelay(true).nrSackSupported(ourNrSack).build();
        UdpSctpEndpoint endpoint = endpoints.adopt(UdpSctpEndpoint.builder().bindAddress(loopback).udpPort(0)
                .sctpPort(OUR_SCTP_PORT).associationConfig(config).listener(events).bind().get(T, TimeUnit.SECONDS));
        int peerUdp = freeUdpPort();
        tap = new UdpTap(loopback, new InetSocketAddress(loopback, peerUdp));
        peer = UsrsctpPeer.listen(log, peerNrSack ? Map.of("USRSCTP_PEER_NRSACK", "1") : Map.of(), peerUdp,
                tap.portForB(), PEER_SCTP_PORT);
        peer.await("READY");
        SctpUdpAssociation a = endpoint.connect(new InetSocketAddress(loopback, tap.portForA()), PEER_SCTP_PORT)
                .get(T, TimeUnit.SECONDS);
        peer.await("ACCEPTED");
        return a;
    }

    @Test
    void nrSacksFlowBothWaysUnderLossAndEveryMessageArrives() throws Exception {
        SctpUdpAssociation a = associate(true, true);
        assertThat(a.call((core, now) -> core.capabilities().nrSack()).get(T, TimeUnit.SECONDS)).isTrue();

        // One DATA packet lost each way: the receivers see gaps and report them in NR-SACKs.
        tap.dropNext(1, d -> d.fromA() && d.hasChunk(ChunkType.DATA) && ++seenFromA[0] == 3);
        for (int i = 0; i < MESSAGES; i++) {
            OutgoingMessage m = OutgoingMessage.of(1, 51, false, Bytes.wrap(pattern(LENGTH)));
            assertThat(a.send(m).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        peer.awaitLines(l -> l.startsWith("MSG") && l.endsWith("eor=1"), MESSAGES);
        assertThat(tap.dropped()).isEqualTo(1);

        tap.dropNext(1, d -> !d.fromA() && d.hasChunk(ChunkType.DATA) && ++seenFromB[0] == 3);
        for (int i = 0; i < MESSAGES; i++) {
            peer.command("send 1 61 " + LENGTH);
        }
        events.whenMessages(MESSAGES).get(T, TimeUnit.SECONDS);
        assertThat(tap.dropped()).isEqualTo(2);
        List<ReceivedMessage> got = events.messages();
        assertThat(got).hasSize(MESSAGES).allSatisfy(m -> assertThat(m.payload()).isEqualTo(Bytes.wrap(pattern(LENGTH))));

        List<NrSackChunk> fromPeer = nrSacks(false);
        List<NrSackChunk> fromUs = nrSacks(true);
        assertThat(fromPeer).as("usrsctp acknowledges with NR-SACK").isNotEmpty();
        assertThat(fromUs).as("we acknowledge with NR-SACK").isNotEmpty();
        assertThat(fromUs).anySatisfy(n -> assertThat(n.nrGapAckBlocks()).isNotEmpty())
                .allSatisfy(n -> assertThat(n.gapAckBlocks()).isEmpty());
        // usrsctp reports ordered data held out of order in Gap Ack Blocks (renegable for it: it may
        // drain them), and in NR Gap Ack Blocks only what it delivered; either kind counts here.
        assertThat(fromPeer).as("usrsctp reported the gap")
                .anySatisfy(n -> assertThat(n.gapAckBlocks().size() + n.nrGapAckBlocks().size()).isPositive());
        assertThat(tap.seen()).noneMatch(d -> d.hasChunk(ChunkType.SACK));
        assertThat(a.call((core, now) -> core.bufferedAmount()).get(T, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void withoutNrSackOnTheirSideSacksAreUsed() throws Exception {
        SctpUdpAssociation a = associate(true, false);
        assertThat(a.call((core, now) -> core.capabilities().nrSack()).get(T, TimeUnit.SECONDS)).isFalse();
        OutgoingMessage m = OutgoingMessage.of(1, 51, false, Bytes.wrap(pattern(LENGTH)));
        assertThat(a.send(m).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        peer.awaitLines(l -> l.startsWith("MSG") && l.endsWith("eor=1"), 1);
        peer.command("send 1 61 " + LENGTH);
        events.whenMessages(1).get(T, TimeUnit.SECONDS);
        assertThat(tap.seen()).noneMatch(d -> d.hasChunk(ChunkType.NR_SACK));
    }

    private final int[] seenFromA = {0};
    private final int[] seenFromB = {0};

    private List<NrSackChunk> nrSacks(boolean fromUs) throws Exception {
        List<NrSackChunk> out = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder(DecoderOptions.STRICT);
        for (UdpTap.Datagram d : tap.seen()) {
            if (d.fromA() == fromUs && d.hasChunk(ChunkType.NR_SACK)) {
                for (Chunk c : decoder.decode(d.bytes()).chunks()) {
                    if (c instanceof NrSackChunk n) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    /** The bytes usrsctp_peer sends: byte i is i * 7 + 3. */
    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

}
