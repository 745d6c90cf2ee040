package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero checksum (RFC 9653) over real UDP on loopback, with a relay in the middle ({@link UdpTap})
 * that shows the bytes on the wire: between two of our endpoints that both announce it the data
 * travels with zero checksums both ways (the handshake with CRC32C); towards usrsctp 0.9.5, which
 * does not implement RFC 9653, everything we send carries CRC32C and the transfer works.
 */
class ZeroChecksumTransferTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int DTLS = ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS;
    private static final int MESSAGES = 20;

    private final Endpoints endpoints = new Endpoints();
    private UdpTap tap;
    private UsrsctpPeer peer;

    @AfterEach
    void close() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (tap != null) {
            tap.close();
        }
        endpoints.close();
    }

    @Test
    void twoEndpointsAnnouncingItTransferWithZeroChecksumsBothWays() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        AssociationConfig config = AssociationConfig.builder().zeroChecksum(DTLS).build();
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(host, 5000, serverEvents, TransportType.AUTO, config);
        UdpSctpEndpoint client = endpoints.bind(host, 5001, clientEvents, TransportType.AUTO, config);
        tap = new UdpTap(host, Endpoints.addressOf(server, host));

        SctpUdpAssociation c = client.connect(new InetSocketAddress(host, tap.portForA()), 5000).get(T, TimeUnit.SECONDS);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();
        CompletableFuture<EventRecorder.Recorded> serverGotAll = serverEvents.whenMessages(MESSAGES);
        CompletableFuture<EventRecorder.Recorded> clientGotAll = clientEvents.whenMessages(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(c.send(message(i, 3000)).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            assertThat(s.send(message(i, 500)).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        serverGotAll.get(T, TimeUnit.SECONDS);
        clientGotAll.get(T, TimeUnit.SECONDS);
        c.shutdown().get(T, TimeUnit.SECONDS);
        s.closeFuture().get(T, TimeUnit.SECONDS);

        List<UdpTap.Datagram> wire = tap.seen();
        assertThat(wire).filteredOn(d -> d.firstChunkType() == ChunkType.INIT || d.firstChunkType() == ChunkType.INIT_ACK
                || d.firstChunkType() == ChunkType.COOKIE_ECHO).hasSizeGreaterThanOrEqualTo(3).allMatch(UdpTap.Datagram::correctCrc32c);
        assertThat(wire).filteredOn(d -> d.fromA() && d.firstChunkType() == ChunkType.DATA).isNotEmpty()
                .allMatch(UdpTap.Datagram::zeroChecksum);
        assertThat(wire).filteredOn(d -> !d.fromA() && d.firstChunkType() == ChunkType.DATA).isNotEmpty()
                .allMatch(UdpTap.Datagram::zeroChecksum);
        long zeroFromClient = wire.stream().filter(d -> d.fromA() && d.zeroChecksum()).count();
        long zeroFromServer = wire.stream().filter(d -> !d.fromA() && d.zeroChecksum()).count();
        assertThat(client.counters().zeroChecksumSent()).isEqualTo(zeroFromClient);
        assertThat(server.counters().zeroChecksumReceived()).isEqualTo(zeroFromClient);
        assertThat(server.counters().zeroChecksumSent()).isEqualTo(zeroFromServer);
        assertThat(client.counters().zeroChecksumReceived()).isEqualTo(zeroFromServer);
        assertThat(wire).allMatch(d -> d.zeroChecksum() || d.correctCrc32c());
        assertThat(client.counters().undecodable() + server.counters().undecodable()).isZero();
    }

    @ParameterizedTest(name = "usrsctp connects: {0}")
    @ValueSource(booleans = {false, true})
    void usrsctpWhichLacksRfc9653NeverGetsAZeroChecksumFromUs(boolean peerConnects) throws Exception {
        UsrsctpPeer.binary(); // skips the test, or fails it under CI, when gcc or libusrsctp-dev is missing
        InetAddress host = InetAddress.getByName("127.0.0.1");
        Path logDir = Files.createDirectories(Path.of("target", "usrsctp"));
        EventRecorder events = new EventRecorder();
        UdpSctpEndpoint ours = endpoints.bind(host, 5001, events, TransportType.AUTO,
                AssociationConfig.builder().zeroChecksum(DTLS).build());
        int peerUdp = freeUdpPort();
        SctpUdpAssociation a;
        if (peerConnects) {
            tap = new UdpTap(host, Endpoints.addressOf(ours, host), new InetSocketAddress(host, peerUdp));
            peer = UsrsctpPeer.connect(logDir.resolve("zero-checksum-connects-peer.log"), peerUdp, tap.portForB(),
                    "127.0.0.1", 5001);
            a = events.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS).association();
            peer.await("READY");
        } else {
            tap = new UdpTap(host, new InetSocketAddress(host, peerUdp));
            peer = UsrsctpPeer.listen(logDir.resolve("zero-checksum-listens-peer.log"), peerUdp, tap.portForB(), 5002);
            peer.await("READY");
            a = ours.connect(new InetSocketAddress(host, tap.portForA()), 5002).get(T, TimeUnit.SECONDS);
            peer.await("ACCEPTED");
        }
        peer.await("EVENT ASSOC_CHANGE COMM_UP");
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(a.send(message(i, 2000)).get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        peer.awaitLines(l -> l.startsWith("MSG") && l.endsWith("eor=1"), MESSAGES);
        peer.command("send 0 61 3000");
        events.when(AssociationEvent.MessageReceived.class).get(T, TimeUnit.SECONDS);
        a.shutdown().get(T, TimeUnit.SECONDS);
        a.closeFuture().get(T, TimeUnit.SECONDS);

        // side A of the relay is us: everything we sent carried CRC32C, the INIT or INIT ACK with
        // our Zero Checksum Acceptable parameter included
        List<UdpTap.Datagram> ourPackets = tap.seen().stream().filter(UdpTap.Datagram::fromA).toList();
        assertThat(ourPackets).hasSizeGreaterThan(MESSAGES / 2).allMatch(UdpTap.Datagram::correctCrc32c)
                .noneMatch(UdpTap.Datagram::zeroChecksum);
        assertThat(ourPackets).anyMatch(d -> d.firstChunkType() == (peerConnects ? ChunkType.INIT_ACK : ChunkType.INIT));
        assertThat(a.core().capabilities().zeroChecksum()).isFalse();
        assertThat(ours.counters().zeroChecksumSent()).isZero();
        assertThat(ours.counters().zeroChecksumReceived()).isZero();
        assertThat(ours.counters().undecodable()).isZero();
    }

    private static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static OutgoingMessage message(int i, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) i);
        return OutgoingMessage.of(i % 2, 0, false, Bytes.wrap(b));
    }
}
