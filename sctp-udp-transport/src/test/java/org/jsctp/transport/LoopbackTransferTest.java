package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two of our endpoints over loopback UDP: handshake, 100 messages of 1 B to 100 KB on several
 * streams each way, graceful shutdown, close, and the port is free again.
 */
class LoopbackTransferTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int MESSAGES = 100;
    private static final int STREAMS = 4;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @ParameterizedTest
    @EnumSource(value = TransportType.class, names = {"NIO", "EPOLL"})
    void transferOverIpv4(TransportType type) throws Exception {
        assumeTrue(type != TransportType.EPOLL || Epoll.isAvailable(), "native epoll is not available here");
        transfer(InetAddress.getByName("127.0.0.1"), type, true);
    }

    /**
     * With UDP segmentation offload (epoll on a kernel that has it), the 100 KB messages leave in
     * runs of full-size packets, each run one segmented send; without it, every packet alone.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void transferWithAndWithoutSegmentationOffload(boolean offload) throws Exception {
        assumeTrue(TransportType.EPOLL.hasSegmentationOffload(), "UDP segmentation offload is not available here");
        Counted counted = transfer(InetAddress.getByName("127.0.0.1"), TransportType.EPOLL, offload);
        if (offload) {
            assertThat(counted.segmentedSends()).isPositive();
        } else {
            assertThat(counted.segmentedSends()).isZero();
        }
    }

    @Test
    void transferOverIpv6() throws Exception {
        InetAddress loopback6 = InetAddress.getByName("::1");
        assumeTrue(canBind(loopback6), "this machine cannot bind UDP on the IPv6 loopback ::1");
        transfer(loopback6, TransportType.AUTO, true);
    }

    /** What the two endpoints counted in a transfer. */
    private record Counted(long segmentedSends) {
    }

    private Counted transfer(InetAddress host, TransportType type, boolean offload) throws Exception {
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        AssociationConfig config = AssociationConfig.builder().sendBufferBytes(8L * 1024 * 1024).build();
        UdpSctpEndpoint server = endpoints.bind(host, 5000, serverEvents, type, config, offload);
        UdpSctpEndpoint client = endpoints.bind(host, 5001, clientEvents, type, config, offload);
        assertThat(server.transportType()).isIn(TransportType.EPOLL, TransportType.NIO);
        if (type != TransportType.AUTO) {
            assertThat(server.transportType()).isEqualTo(type);
        }

        SctpUdpAssociation c = client.connect(Endpoints.addressOf(server, host), 5000).get(T, TimeUnit.SECONDS);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();
        assertThat(c.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(c.remoteAddress()).isEqualTo(Endpoints.addressOf(server, host));
        assertThat(s.remoteAddress()).isEqualTo(Endpoints.addressOf(client, host));

        List<OutgoingMessage> fromClient = messages(1);
        List<OutgoingMessage> fromServer = messages(2);
        CompletableFuture<EventRecorder.Recorded> serverGotAll = serverEvents.whenMessages(MESSAGES);
        CompletableFuture<EventRecorder.Recorded> clientGotAll = clientEvents.whenMessages(MESSAGES);
        List<CompletableFuture<SendQueue.OfferResult>> offers = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            offers.add(c.send(fromClient.get(i)));
            offers.add(s.send(fromServer.get(i)));
        }
        for (CompletableFuture<SendQueue.OfferResult> offer : offers) {
            assertThat(offer.get(T, TimeUnit.SECONDS)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        serverGotAll.get(60, TimeUnit.SECONDS);
        clientGotAll.get(60, TimeUnit.SECONDS);
        assertSameByStream(serverEvents.messages(), fromClient);
        assertSameByStream(clientEvents.messages(), fromServer);

        c.shutdown().get(T, TimeUnit.SECONDS);
        s.closeFuture().get(T, TimeUnit.SECONDS);
        clientEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        serverEvents.when(AssociationEvent.ShutdownComplete.class).get(T, TimeUnit.SECONDS);
        assertThat(serverEvents.saw(AssociationEvent.PeerShutdown.class)).isTrue();
        assertThat(serverEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(clientEvents.saw(AssociationEvent.CommunicationLost.class)).isFalse();
        assertThat(c.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(s.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(client.associations()).isEmpty();
        assertThat(server.associations()).isEmpty();
        assertThat(server.counters().undecodable()).isZero();
        assertThat(client.counters().undecodable()).isZero();

        int serverPort = server.localUdpPort();
        int clientPort = client.localUdpPort();
        client.close().get(T, TimeUnit.SECONDS);
        server.close().get(T, TimeUnit.SECONDS);
        assertThat(canBind(new InetSocketAddress(host, serverPort))).as("server port released").isTrue();
        assertThat(canBind(new InetSocketAddress(host, clientPort))).as("client port released").isTrue();
        return new Counted(server.counters().segmentedSends() + client.counters().segmentedSends());
    }

    /** 100 messages: the edge sizes of fragmentation, 1 B and 100 KB, the rest spread log-uniformly. */
    private static List<OutgoingMessage> messages(long seed) {
        Random random = new Random(seed);
        int fragment = 1452 - 12 - 16;
        int[] fixed = {1, 2, 3, 4, 5, fragment - 1, fragment, fragment + 1, 2 * fragment, 2 * fragment + 1,
                65535, 65536, 100_000, 100_000};
        List<OutgoingMessage> out = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            int size = i < fixed.length ? fixed[i] : (int) Math.round(Math.exp(random.nextDouble() * Math.log(100_000)));
            byte[] payload = new byte[Math.max(1, Math.min(size, 100_000))];
            random.nextBytes(payload);
            out.add(OutgoingMessage.of(i % STREAMS, i, false, Bytes.wrap(payload)));
        }
        return out;
    }

    private static void assertSameByStream(List<ReceivedMessage> received, List<OutgoingMessage> sent) {
        Map<Integer, List<Bytes>> got = new TreeMap<>();
        Map<Integer, List<Integer>> gotPpids = new TreeMap<>();
        for (ReceivedMessage m : received) {
            got.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.payload());
            gotPpids.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.ppid());
        }
        Map<Integer, List<Bytes>> want = new TreeMap<>();
        Map<Integer, List<Integer>> wantPpids = new TreeMap<>();
        for (OutgoingMessage m : sent) {
            want.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.payload());
            wantPpids.computeIfAbsent(m.streamId(), k -> new ArrayList<>()).add(m.ppid());
        }
        assertThat(received).hasSize(sent.size());
        assertThat(gotPpids).isEqualTo(wantPpids);
        assertThat(got).isEqualTo(want);
    }

    static boolean canBind(InetAddress host) {
        return canBind(new InetSocketAddress(host, 0));
    }

    static boolean canBind(InetSocketAddress address) {
        try (DatagramSocket socket = new DatagramSocket(address)) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
