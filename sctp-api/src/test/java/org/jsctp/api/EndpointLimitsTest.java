package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint builder's limits reach the endpoint: associations held, answers to out-of-the-blue packets. */
class EndpointLimitsTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void theLimitsAreChecked() {
        assertThatThrownBy(() -> SctpEndpoint.builder().maxAssociations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SctpEndpoint.builder().outOfTheBlueAnswersPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1000000");
        assertThatThrownBy(() -> SctpMultiEndpoint.builder().outOfTheBlueAnswersPerSecond(1_000_001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServerHoldingItsMostAssociationsRefusesTheNextPeer() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).maxAssociations(1).build());
        server.listen();
        SctpAssociation first = net.client().connect(Loopback.addressOf(server), 7);

        assertThatThrownBy(() -> net.client().connect(Loopback.addressOf(server), 7))
                .isInstanceOf(SctpConnectException.class).hasMessageContaining("Out of Resource");

        SctpAssociation accepted = server.accept(Loopback.TIMEOUT);
        first.send(SctpMessage.of(new byte[] {1, 2, 3}));
        assertThat(accepted.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void withNoAnswersAllowedAnOutOfTheBluePacketGetsNoneButAnInitStillDoes() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().sctpPort(7).outOfTheBlueAnswersPerSecond(0).build());
        server.listen();
        try (DatagramSocket peer = new DatagramSocket(0, Loopback.host())) {
            peer.setSoTimeout((int) Loopback.TIMEOUT.toMillis());
            send(peer, server, 0x1234, ShutdownAckChunk.INSTANCE); // RFC 9260 section 8.4 rule 5, unanswered
            send(peer, server, 0, new InitChunk(0x5678, 65536, 1, 1, new Tsn(1), List.of()));

            // one event loop handles datagrams in order: a SHUTDOWN COMPLETE would come first
            SctpPacket next = receive(peer);
            assertThat(next.firstChunk()).isInstanceOf(InitAckChunk.class).isNotInstanceOf(ShutdownCompleteChunk.class);
            assertThat(next.verificationTag()).isEqualTo(0x5678);
        }
    }

    private static void send(DatagramSocket from, SctpEndpoint to, int tag, Chunk chunk) throws Exception {
        byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(
                org.jsctp.core.packet.CommonHeader.of(5000, 7, tag), List.of(chunk)));
        from.send(new DatagramPacket(bytes, bytes.length, Loopback.addressOf(to)));
    }

    private static SctpPacket receive(DatagramSocket socket) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return PacketDecoder.strict().decode(Arrays.copyOf(buf, p.getLength()));
    }
}
