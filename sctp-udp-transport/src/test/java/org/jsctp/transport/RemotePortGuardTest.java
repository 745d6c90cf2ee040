package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6951 section 5.4 from the other side: only packets that pass the verification tag check
 * move the remote UDP port. A second socket on the peer's address (an attacker, or a stale NAT
 * mapping) sends packets with wrong tags, reflected-tag ABORT and SHUTDOWN COMPLETE and an INIT:
 * none of them moves the association; a packet with the right tag from that socket does.
 */
class RemotePortGuardTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int SERVER_PORT = 5000;
    private static final int CLIENT_PORT = 5001;
    /**
     * No PLPMTUD probes and no heartbeats within the test: the client sends nothing it is not
     * asked to, so no packet of its moves the port back after the control packet moved it.
     */
    private static final AssociationConfig QUIET = AssociationConfig.builder()
            .plpmtudEnabled(false)
            .heartbeatIntervalNanos(TimeUnit.MINUTES.toNanos(10))
            .build();

    private final Endpoints endpoints = new Endpoints();
    private DatagramSocket rogue;

    @AfterEach
    void closeAll() throws Exception {
        endpoints.close();
        if (rogue != null) {
            rogue.close();
        }
    }

    private void sendFromRogue(InetSocketAddress to, int tag, Chunk chunk) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12 + chunk.encodedLength());
        PacketEncoder.encode(b, CLIENT_PORT, SERVER_PORT, tag, List.of(chunk), false);
        rogue.send(new DatagramPacket(b.array(), b.position(), to));
    }

    /** The next packet the rogue socket receives, decoded. */
    private List<Chunk> receiveOnRogue() throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        rogue.receive(p);
        return new PacketDecoder(DecoderOptions.STRICT).decode(java.util.Arrays.copyOf(buf, p.getLength())).chunks();
    }

    @Test
    void packetsFailingTheTagCheckAndReflectedOnesNeverMoveTheRemotePort() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder();
        EventRecorder clientEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(host, SERVER_PORT, serverEvents, TransportType.AUTO, QUIET);
        UdpSctpEndpoint client = endpoints.bind(host, CLIENT_PORT, clientEvents, TransportType.AUTO, QUIET);
        InetSocketAddress serverUdp = Endpoints.addressOf(server, host);
        int clientUdpPort = Endpoints.addressOf(client, host).getPort();
        SctpUdpAssociation c = client.connect(serverUdp, SERVER_PORT).get(T, TimeUnit.SECONDS);
        SctpUdpAssociation s = serverEvents.when(AssociationEvent.CommunicationUp.class).get(T, TimeUnit.SECONDS)
                .association();
        assertThat(s.remoteAddress().getPort()).isEqualTo(clientUdpPort);
        int serverTag = c.core().peerTag();
        int clientTag = c.core().localTag();

        rogue = new DatagramSocket(0, host);
        rogue.setSoTimeout((int) TimeUnit.SECONDS.toMillis(T));
        HeartbeatChunk heartbeat = HeartbeatChunk.of(new HeartbeatInfoParameter(Bytes.fromHex("0102030405060708")));
        sendFromRogue(serverUdp, serverTag ^ 0x5A5A, heartbeat); // wrong tag (RFC 9260 section 8.5)
        sendFromRogue(serverUdp, clientTag ^ 0x5A5A, new AbortChunk(true, false, List.of())); // reflected, wrong tag
        sendFromRogue(serverUdp, clientTag ^ 0x5A5A, new ShutdownCompleteChunk(true)); // reflected, wrong tag
        sendFromRogue(serverUdp, 0, new InitChunk(0x1234_5678, 65_536, 1, 1, new Tsn(1), List.of()));
        // The INIT is answered (RFC 9260 section 5.2.2), to the socket it came from; by then the
        // packets before it were handled too.
        assertThat(receiveOnRogue()).singleElement().isInstanceOf(InitAckChunk.class);

        assertThat(s.remoteAddress().getPort()).as("remote UDP port after packets failing the tag check")
                .isEqualTo(clientUdpPort);
        assertThat(s.core().state()).isEqualTo(AssociationState.ESTABLISHED);
        var message = serverEvents.when(AssociationEvent.MessageReceived.class);
        c.send(OutgoingMessage.of(0, 7, false, Bytes.wrap(new byte[] {1}))).get(T, TimeUnit.SECONDS);
        message.get(T, TimeUnit.SECONDS);
        assertThat(s.remoteAddress().getPort()).isEqualTo(clientUdpPort);

        // The control: the same socket with the right tag is followed (RFC 6951 section 5.4).
        sendFromRogue(serverUdp, serverTag, heartbeat);
        assertThat(receiveOnRogue()).singleElement().isInstanceOf(HeartbeatAckChunk.class);
        assertThat(s.remoteAddress().getPort()).isEqualTo(rogue.getLocalPort());
    }
}
