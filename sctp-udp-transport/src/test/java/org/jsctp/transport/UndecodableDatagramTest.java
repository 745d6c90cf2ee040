package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Datagrams that are not SCTP packets are counted and dropped; the endpoint keeps serving. */
class UndecodableDatagramTest {

    private static final long T = Endpoints.TIMEOUT_S;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void garbageIsCountedAndDroppedAndTheEndpointKeepsServing() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder();
        UdpSctpEndpoint server = endpoints.bind(5000, serverEvents);
        InetSocketAddress target = Endpoints.addressOf(server, host);
        Random random = new Random(42);
        List<byte[]> garbage = List.of(bytes(random, 1), bytes(random, 11), bytes(random, 12), bytes(random, 200),
                bytes(random, 1452), badChecksum(), truncatedChunkWithGoodChecksum());
        try (DatagramSocket raw = new DatagramSocket(0, host)) {
            for (byte[] g : garbage) {
                raw.send(new DatagramPacket(g, g.length, target));
            }
        }

        // The garbage was queued at the server's socket before the client's INIT, so by the time the
        // association is up every garbage datagram has been read.
        UdpSctpEndpoint client = endpoints.bind(5001, new EventRecorder());
        SctpUdpAssociation c = client.connect(target, 5000).get(T, TimeUnit.SECONDS);
        assertThat(server.counters().undecodable()).isEqualTo(garbage.size());
        assertThat(server.counters().datagramsReceived()).isGreaterThan(garbage.size());

        var arrived = serverEvents.when(AssociationEvent.MessageReceived.class);
        assertThat(c.send(OutgoingMessage.of(0, 7, false, Bytes.wrap(new byte[] {1, 2, 3}))).get(T, TimeUnit.SECONDS))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        AssociationEvent.MessageReceived m = (AssociationEvent.MessageReceived) arrived.get(T, TimeUnit.SECONDS).event();
        assertThat(m.message().payload()).isEqualTo(Bytes.wrap(new byte[] {1, 2, 3}));
        assertThat(server.counters().undecodable()).isEqualTo(garbage.size());
        assertThat(client.counters().undecodable()).isZero();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A well-formed COOKIE ACK packet whose checksum is off by one bit. */
    private static byte[] badChecksum() {
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(List.of(CookieAckChunk.INSTANCE)));
        PacketEncoder.encode(b, 5001, 5000, 0x1234, List.of(CookieAckChunk.INSTANCE), false);
        byte[] packet = b.array();
        packet[Crc32c.CHECKSUM_OFFSET + 3] ^= 1;
        return packet;
    }

    /** A header and a chunk whose length runs past the packet, with a correct checksum. */
    private static byte[] truncatedChunkWithGoodChecksum() {
        ByteBuffer b = ByteBuffer.allocate(12 + 8);
        b.putShort((short) 5001).putShort((short) 5000).putInt(0x1234).putInt(0);
        b.put((byte) 0).put((byte) 0).putShort((short) 100).putInt(0); // DATA claiming 100 bytes
        byte[] packet = b.array();
        ByteBuffer.wrap(packet).putInt(Crc32c.CHECKSUM_OFFSET, Crc32c.compute(packet, 0, packet.length));
        return packet;
    }
}
