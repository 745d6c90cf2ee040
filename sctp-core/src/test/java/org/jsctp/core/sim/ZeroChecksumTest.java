package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.Crc32c;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero checksum (RFC 9653) between two endpoints on the simulated network: announced in INIT and
 * INIT ACK (section 4), used for sending only towards a peer that announced the same method and
 * never in the packets section 5.2 keeps on CRC32C (section 5.2), and accepted only by a receiver
 * that announced it (section 5.3). Every packet is looked at as the bytes that crossed the link.
 */
class ZeroChecksumTest {

    private static final long S = 1_000_000_000L;
    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;
    private static final int DTLS = ZeroChecksumAcceptableParameter.EDMID_SCTP_OVER_DTLS;
    private static final int OFF = Capabilities.NO_ZERO_CHECKSUM;

    /** A packet that crossed the link, and to which host. */
    private record Wire(SimHost to, byte[] bytes) {
        boolean zeroChecksum() {
            return ByteBuffer.wrap(bytes).getInt(Crc32c.CHECKSUM_OFFSET) == 0;
        }

        boolean correctCrc32c() {
            return ByteBuffer.wrap(bytes).getInt(Crc32c.CHECKSUM_OFFSET) == Crc32c.compute(bytes, 0, bytes.length);
        }

        List<Chunk> chunks() {
            try {
                return new PacketDecoder(DecoderOptions.ACCEPT_ZERO_CHECKSUM).decode(bytes).chunks();
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        }

        boolean has(Class<? extends Chunk> type) {
            return chunks().stream().anyMatch(type::isInstance);
        }
    }

    /** Two hosts, the association between them and every packet delivered. */
    private static final class Pair {
        final SimHost client;
        final SimHost server;
        final SimNetwork net;
        final List<Wire> wire = new ArrayList<>();
        Association clientAssoc;

        Pair(int clientEdmid, int serverEdmid) {
            client = host("client", CLIENT_PORT, clientEdmid, 1);
            server = host("server", SERVER_PORT, serverEdmid, 2);
            net = new SimNetwork(client, server, LinkProfile.perfect(), 3);
            net.setTracer((now, to, packet) -> wire.add(new Wire(to, packet.clone())));
        }

        Pair establish() {
            clientAssoc = client.connect(SERVER_PORT, 0);
            net.runUntil(() -> clientAssoc.state() == AssociationState.ESTABLISHED && serverAssoc() != null
                    && serverAssoc().state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
            assertThat(clientAssoc.state()).isEqualTo(AssociationState.ESTABLISHED);
            return this;
        }

        Association serverAssoc() {
            return server.associations().isEmpty() ? null : server.associations().get(0);
        }

        /** Ten messages each way, then waits until both sides have all of them acknowledged. */
        void exchange() {
            for (int i = 0; i < 10; i++) {
                clientAssoc.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100 + i])), net.now());
                serverAssoc().send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[200 + i])), net.now());
            }
            net.runUntil(() -> received(client) == 10 && received(server) == 10
                    && clientAssoc.bufferedAmount() == 0 && serverAssoc().bufferedAmount() == 0, 30 * S, 100_000);
            assertThat(received(client)).isEqualTo(10);
            assertThat(received(server)).isEqualTo(10);
        }

        List<Wire> to(SimHost host) {
            return wire.stream().filter(w -> w.to() == host).toList();
        }
    }

    private static SimHost host(String name, int port, int edmid, long seed) {
        AssociationConfig config = AssociationConfig.builder().noDelay(true).zeroChecksum(edmid).plpmtudEnabled(false).build();
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static long received(SimHost host) {
        return host.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    @Test
    void bothSidesAnnouncingTheSameMethodSendZeroChecksumsBothWaysOnceTheHandshakeIsDone() {
        Pair p = new Pair(DTLS, DTLS).establish();
        p.exchange();

        Wire init = p.to(p.server).get(0);
        Wire initAck = p.to(p.client).get(0);
        assertThat(init.has(InitChunk.class)).isTrue();
        assertThat(init.chunks().get(0)).isInstanceOfSatisfying(InitChunk.class, c -> assertThat(c.parameters())
                .contains(new ZeroChecksumAcceptableParameter(DTLS)));
        assertThat(initAck.chunks().get(0)).isInstanceOfSatisfying(InitAckChunk.class, c -> assertThat(c.parameters())
                .contains(new ZeroChecksumAcceptableParameter(DTLS)));
        for (Wire w : p.wire) {
            if (w.has(InitChunk.class) || w.has(InitAckChunk.class) || w.has(CookieEchoChunk.class)) {
                assertThat(w.correctCrc32c()).as("handshake packets carry CRC32C (RFC 9653 section 5.2)").isTrue();
                assertThat(w.zeroChecksum()).isFalse();
            }
        }
        List<Wire> dataToServer = p.to(p.server).stream().filter(w -> w.has(DataChunk.class)).toList();
        List<Wire> dataToClient = p.to(p.client).stream().filter(w -> w.has(DataChunk.class)).toList();
        assertThat(dataToServer).isNotEmpty().allMatch(Wire::zeroChecksum);
        assertThat(dataToClient).isNotEmpty().allMatch(Wire::zeroChecksum);
        assertThat(p.clientAssoc.capabilities().zeroChecksumMethod()).isEqualTo(DTLS);
        assertThat(p.serverAssoc().capabilities().zeroChecksumMethod()).isEqualTo(DTLS);

        long zeroToServer = p.to(p.server).stream().filter(Wire::zeroChecksum).count();
        long zeroToClient = p.to(p.client).stream().filter(Wire::zeroChecksum).count();
        assertThat(p.clientAssoc.statistics().zeroChecksumPacketsSent()).isEqualTo(zeroToServer);
        assertThat(p.serverAssoc().statistics().zeroChecksumPacketsReceived()).isEqualTo(zeroToServer);
        assertThat(p.serverAssoc().statistics().zeroChecksumPacketsSent()).isEqualTo(zeroToClient);
        assertThat(p.clientAssoc.statistics().zeroChecksumPacketsReceived()).isEqualTo(zeroToClient);
        assertThat(p.client.undecodable() + p.server.undecodable()).isZero();
    }

    @ParameterizedTest(name = "client announces: {0}")
    @ValueSource(booleans = {true, false})
    void whenOnlyOneSideAnnouncesNeitherReceivesAZeroChecksum(boolean clientAnnounces) {
        Pair p = new Pair(clientAnnounces ? DTLS : OFF, clientAnnounces ? OFF : DTLS).establish();
        p.exchange();

        SimHost silent = clientAnnounces ? p.server : p.client;
        assertThat(p.to(silent)).as("the side that did not announce never gets a zero checksum")
                .isNotEmpty().allMatch(Wire::correctCrc32c).noneMatch(Wire::zeroChecksum);
        // The announcing side may receive zeros by RFC 9653; ours sends them only for a method it
        // uses itself, and the silent side uses none: CRC32C both ways.
        assertThat(p.wire).allMatch(Wire::correctCrc32c);
        assertThat(p.clientAssoc.capabilities().zeroChecksum()).isFalse();
        assertThat(p.serverAssoc().capabilities().zeroChecksum()).isFalse();
    }

    @Test
    void differentMethodsOnTheTwoSidesMeanNoZeroChecksumAtAll() {
        Pair p = new Pair(DTLS, 0x1234).establish();
        p.exchange();

        assertThat(p.wire).isNotEmpty().allMatch(Wire::correctCrc32c).noneMatch(Wire::zeroChecksum);
        assertThat(p.clientAssoc.statistics().zeroChecksumPacketsSent()).isZero();
        assertThat(p.serverAssoc().statistics().zeroChecksumPacketsSent()).isZero();
    }

    @Test
    void nothingTheInitiatorSendsBeforeItsHandshakeCompletesCarriesAZeroChecksum() {
        Pair p = new Pair(DTLS, DTLS);
        // the first COOKIE ECHO is lost: the client stays in COOKIE-ECHOED, with user data queued
        p.net.aToB().dropNext(1, bytes -> new Wire(p.server, bytes).has(CookieEchoChunk.class));
        p.clientAssoc = p.client.connect(SERVER_PORT, 0);
        p.net.runUntil(() -> p.clientAssoc.state() == AssociationState.COOKIE_ECHOED, 10 * S, 1_000);
        p.clientAssoc.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[300])), p.net.now());
        List<Wire> beforeUp = new ArrayList<>();
        p.net.setTracer((now, to, packet) -> {
            Wire w = new Wire(to, packet.clone());
            p.wire.add(w);
            if (to == p.server && p.clientAssoc.state() != AssociationState.ESTABLISHED) {
                beforeUp.add(w);
            }
        });
        p.net.runUntil(() -> received(p.server) == 1, 30 * S, 10_000);

        assertThat(received(p.server)).isEqualTo(1);
        assertThat(beforeUp).as("the retransmitted COOKIE ECHO, with the DATA bundled or not").isNotEmpty()
                .anyMatch(w -> w.has(CookieEchoChunk.class)).allMatch(Wire::correctCrc32c);
        assertThat(p.serverAssoc().statistics().zeroChecksumPacketsSent())
                .as("the responder is up at once and may use zero checksums (its COOKIE ACK, SACKs)").isPositive();
    }

    @Test
    void anAbortCarriesCrc32cEvenWhenZeroChecksumIsInUse() {
        Pair p = new Pair(DTLS, DTLS).establish();
        p.clientAssoc.abort("done");
        p.net.runUntil(() -> p.serverAssoc().state() == AssociationState.CLOSED, 10 * S, 1_000);

        Wire abort = p.to(p.server).stream().filter(w -> w.has(AbortChunk.class)).findFirst().orElseThrow();
        assertThat(abort.correctCrc32c()).isTrue();
        assertThat(p.serverAssoc().state()).isEqualTo(AssociationState.CLOSED);
    }

    @Test
    void aReceiverThatAnnouncedTakesZeroAndCorrectChecksumsAndRejectsAWrongOne() {
        Pair p = new Pair(OFF, DTLS).establish();
        Association server = p.serverAssoc();
        Tsn tsn = p.clientAssoc.localInitialTsn();

        p.server.receive(dataPacket(p, tsn, Checksum.ZERO), p.net.now());
        p.server.receive(dataPacket(p, tsn.next(), Checksum.CRC32C), p.net.now());
        p.server.receive(dataPacket(p, tsn.next().next(), Checksum.WRONG), p.net.now());

        assertThat(received(p.server)).isEqualTo(2);
        assertThat(p.server.undecodable()).isEqualTo(1);
        assertThat(server.statistics().zeroChecksumPacketsReceived()).isEqualTo(1);
    }

    @Test
    void aReceiverThatDidNotAnnounceDropsZeroChecksums() {
        Pair p = new Pair(DTLS, OFF).establish();
        Tsn tsn = p.clientAssoc.localInitialTsn();

        p.server.receive(dataPacket(p, tsn, Checksum.ZERO), p.net.now());

        assertThat(received(p.server)).isZero();
        assertThat(p.server.undecodable()).isEqualTo(1);
        p.server.receive(dataPacket(p, tsn, Checksum.CRC32C), p.net.now());
        assertThat(received(p.server)).isEqualTo(1);
    }

    @Test
    void anAssociationThatDidNotAnnounceDropsAZeroChecksumItsDecoderLetThrough() {
        // A host whose decoder accepts zeros in front of an endpoint that does not announce them:
        // the association itself still refuses them (RFC 9653 section 5.3).
        SimHost client = host("client", CLIENT_PORT, OFF, 1);
        SimHost server = new SimHost("server", new Endpoint(EndpointConfig.of(SERVER_PORT,
                AssociationConfig.builder().noDelay(true).build()), new SeededRandomSource(2), 0),
                DecoderOptions.ACCEPT_ZERO_CHECKSUM);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect(), 3);
        Association a = client.connect(SERVER_PORT, 0);
        net.runUntil(() -> a.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty(), 10 * S, 1000);

        Association target = server.associations().get(0);
        long before = target.statistics().packetsReceived();

        server.receive(dataPacket(a, target.localTag(), a.localInitialTsn(), Checksum.ZERO), net.now());

        assertThat(received(server)).isZero();
        assertThat(target.statistics().packetsReceived()).isEqualTo(before);
        server.receive(dataPacket(a, target.localTag(), a.localInitialTsn(), Checksum.CRC32C), net.now());
        assertThat(received(server)).isEqualTo(1);
    }

    @ParameterizedTest(name = "with a zero checksum: {0}")
    @ValueSource(booleans = {true, false})
    void anInitIsAnsweredOnlyWithACorrectCrc32c(boolean zero) {
        SimHost server = host("server", SERVER_PORT, DTLS, 2);
        InitChunk init = new InitChunk(0x1234, 65536, 1, 1, new Tsn(1), List.of(new ZeroChecksumAcceptableParameter(DTLS)));
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(List.of(init)));
        PacketEncoder.encode(b, CLIENT_PORT, SERVER_PORT, 0, List.of(init), zero);

        server.receive(b.array(), 0);

        // RFC 9653 section 5.2: an INIT always carries CRC32C; one with a zero checksum is not
        // taken (an endpoint without an association has nothing that vouches for it).
        assertThat(server.drainOutbox()).hasSize(zero ? 0 : 1);
    }

    @Test
    void anOutOfTheBluePacketWithAZeroChecksumGetsNoAnswer() {
        SimHost server = host("server", SERVER_PORT, DTLS, 2);
        byte[] ootb = encode(CLIENT_PORT, SERVER_PORT, 0x777, data(new Tsn(5)), true);
        server.receive(ootb, 0);
        assertThat(server.drainOutbox()).isEmpty();

        server.receive(encode(CLIENT_PORT, SERVER_PORT, 0x777, data(new Tsn(5)), false), 0);
        assertThat(server.drainOutbox()).as("RFC 9260 section 8.4 rule 8: ABORT").hasSize(1);
    }

    @Test
    void aPeerThatRestartsWithoutAnnouncingGetsCrc32cFromThenOn() {
        Pair p = new Pair(DTLS, DTLS).establish();
        p.exchange();
        assertThat(p.serverAssoc().capabilities().zeroChecksum()).isTrue();

        // The client restarts (RFC 9260 section 5.2.4 case A) as an endpoint without the option.
        SimHost restarted = host("client", CLIENT_PORT, OFF, 9);
        SimNetwork net = new SimNetwork(restarted, p.server, LinkProfile.perfect(), 4);
        List<Wire> wire = new ArrayList<>();
        net.setTracer((now, to, packet) -> wire.add(new Wire(to, packet.clone())));
        net.advance(p.net.now(), 100_000); // the new network's clock catches up with the server's
        Association again = restarted.connect(SERVER_PORT, net.now());
        net.runUntil(() -> again.state() == AssociationState.ESTABLISHED, p.net.now() + 10 * S, 10_000);
        assertThat(again.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.server.events()).anyMatch(e -> e.event() instanceof AssociationEvent.Restarted);
        again.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[10])), net.now());
        p.serverAssoc().send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[10])), net.now());
        net.runUntil(() -> again.bufferedAmount() == 0 && p.serverAssoc().bufferedAmount() == 0, net.now() + 10 * S,
                10_000);

        assertThat(p.serverAssoc().capabilities().zeroChecksum()).isFalse();
        assertThat(wire.stream().filter(w -> w.to() == restarted).toList()).isNotEmpty()
                .allMatch(Wire::correctCrc32c);
    }

    private enum Checksum { ZERO, CRC32C, WRONG }

    private static byte[] dataPacket(Pair p, Tsn tsn, Checksum checksum) {
        return dataPacket(p.clientAssoc, p.clientAssoc.peerTag(), tsn, checksum);
    }

    private static byte[] dataPacket(Association from, int tag, Tsn tsn, Checksum checksum) {
        byte[] bytes = encode(from.localPort(), from.peerPort(), tag, data(tsn), checksum == Checksum.ZERO);
        if (checksum == Checksum.WRONG) {
            bytes[Crc32c.CHECKSUM_OFFSET] ^= 0x5A;
        }
        return bytes;
    }

    private static DataChunk data(Tsn tsn) {
        return new DataChunk(true, true, true, true, tsn, 0, new Ssn(0), 0, Bytes.wrap(new byte[] {1, 2, 3}));
    }

    private static byte[] encode(int from, int to, int tag, Chunk chunk, boolean zero) {
        ByteBuffer b = ByteBuffer.allocate(PacketEncoder.encodedLength(List.of(chunk)));
        PacketEncoder.encode(b, from, to, tag, List.of(chunk), zero);
        return b.array();
    }
}
