package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2) between two endpoints on the simulated
 * network: negotiated in Supported Extensions, sent in place of SACK with every out-of-order TSN
 * non-renegable, and the sender freeing what NR Gap Ack Blocks report at once.
 */
class NrSackTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;
    private static final int MESSAGE = 1000;

    private record Wire(SimHost to, byte[] bytes) {
        List<Chunk> chunks() {
            try {
                return new PacketDecoder(DecoderOptions.STRICT).decode(bytes).chunks();
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
        }

        boolean has(Class<? extends Chunk> type) {
            return chunks().stream().anyMatch(type::isInstance);
        }
    }

    private static final class Pair {
        final SimHost client;
        final SimHost server;
        final SimNetwork net;
        final List<Wire> wire = new ArrayList<>();
        Association clientAssoc;

        Pair(boolean clientNrSack, boolean serverNrSack, LinkProfile link, long seed) {
            client = host("client", CLIENT_PORT, clientNrSack, seed);
            server = host("server", SERVER_PORT, serverNrSack, seed + 1);
            net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(5 * MS), seed + 2);
            net.setTracer((now, to, packet) -> wire.add(new Wire(to, packet.clone())));
            clientAssoc = client.connect(SERVER_PORT, 0);
            net.runUntil(() -> clientAssoc.state() == AssociationState.ESTABLISHED && serverAssoc() != null
                    && serverAssoc().state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
            assertThat(clientAssoc.state()).isEqualTo(AssociationState.ESTABLISHED);
            net.aToB().setProfile(link);
            net.bToA().setProfile(link);
        }

        Association serverAssoc() {
            return server.associations().isEmpty() ? null : server.associations().get(0);
        }

        List<Wire> to(SimHost host) {
            return wire.stream().filter(w -> w.to() == host).toList();
        }

        List<Chunk> chunksTo(SimHost host) {
            return to(host).stream().flatMap(w -> w.chunks().stream()).toList();
        }
    }

    private static SimHost host(String name, int port, boolean nrSack, long seed) {
        AssociationConfig config = AssociationConfig.builder().noDelay(true).nrSackSupported(nrSack).build();
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static List<byte[]> received(SimHost host) {
        List<byte[]> out = new ArrayList<>();
        for (SimHost.Event e : host.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                out.add(m.message().payload().toByteArray());
            }
        }
        return out;
    }

    private static Bytes numbered(int i, int size) {
        byte[] b = new byte[size];
        ByteBuffer.wrap(b).putInt(i);
        return Bytes.wrap(b);
    }

    @Test
    void offeredByBothItIsNegotiatedAndReplacesSackBothWays() {
        Pair p = new Pair(true, true, LinkProfile.perfect().withDelay(5 * MS), 1);
        Chunk init = p.to(p.server).get(0).chunks().get(0);
        Chunk initAck = p.to(p.client).get(0).chunks().get(0);
        assertThat(((InitChunk) init).parameters()).anySatisfy(param -> assertThat(param)
                .isInstanceOfSatisfying(SupportedExtensionsParameter.class,
                        s -> assertThat(s.chunkTypes()).contains(ChunkType.NR_SACK)));
        assertThat(((InitAckChunk) initAck).parameters()).anySatisfy(param -> assertThat(param)
                .isInstanceOfSatisfying(SupportedExtensionsParameter.class,
                        s -> assertThat(s.chunkTypes()).contains(ChunkType.NR_SACK)));
        assertThat(p.clientAssoc.capabilities().nrSack()).isTrue();
        assertThat(p.serverAssoc().capabilities().nrSack()).isTrue();

        for (int i = 0; i < 10; i++) {
            p.clientAssoc.send(OutgoingMessage.of(0, 0, false, numbered(i, 100)), p.net.now());
            p.serverAssoc().send(OutgoingMessage.of(0, 0, false, numbered(i, 200)), p.net.now());
        }
        p.net.runUntil(() -> received(p.client).size() == 10 && received(p.server).size() == 10
                && p.clientAssoc.bufferedAmount() == 0 && p.serverAssoc().bufferedAmount() == 0, 30 * S, 100_000);

        assertThat(received(p.server)).hasSize(10);
        assertThat(received(p.client)).hasSize(10);
        assertThat(p.chunksTo(p.client)).noneMatch(SackChunk.class::isInstance).anyMatch(NrSackChunk.class::isInstance);
        assertThat(p.chunksTo(p.server)).noneMatch(SackChunk.class::isInstance).anyMatch(NrSackChunk.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void offeredByOneSideOnlyItIsNotUsed(boolean clientOffers) {
        Pair p = new Pair(clientOffers, !clientOffers, LinkProfile.perfect().withDelay(5 * MS), 2);
        assertThat(p.clientAssoc.capabilities().nrSack()).isFalse();
        assertThat(p.serverAssoc().capabilities().nrSack()).isFalse();
        p.clientAssoc.send(OutgoingMessage.of(0, 0, false, numbered(0, 100)), p.net.now());
        p.net.runUntil(() -> p.clientAssoc.bufferedAmount() == 0, 30 * S, 100_000);
        assertThat(p.chunksTo(p.client)).anyMatch(SackChunk.class::isInstance).noneMatch(NrSackChunk.class::isInstance);
    }

    /**
     * Four messages of 1000 bytes, one packet each, the first one lost: the receiver reports the
     * other three as non-renegable, so with NR-SACK the sender holds only the lost one's bytes
     * while the gap lasts; with SACK it holds all four until the retransmission fills the gap.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theSendBufferIsFreedOfNrAckedChunksWhileTheGapLasts(boolean nrSack) {
        Pair p = new Pair(nrSack, nrSack, LinkProfile.perfect().withDelay(5 * MS), 3);
        p.net.aToB().dropNext(1, bytes -> new Wire(p.server, bytes).has(DataChunk.class));
        for (int i = 0; i < 4; i++) {
            assertThat(p.clientAssoc.send(OutgoingMessage.of(0, 0, false, numbered(i, MESSAGE)), p.net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        Predicate<Chunk> reportsAllThree = c -> blocksOf(c).stream().anyMatch(b -> b.start() == 2 && b.end() == 4);
        boolean gapReported = p.net.runUntil(() -> p.chunksTo(p.client).stream().anyMatch(reportsAllThree), 10 * S,
                100_000);
        assertThat(gapReported).isTrue();
        assertThat(p.net.aToB().dropped()).isEqualTo(1);
        assertThat(received(p.server)).isEmpty(); // ordered: all wait for the first message

        assertThat(p.clientAssoc.bufferedAmount()).isEqualTo(nrSack ? MESSAGE : 4L * MESSAGE);
        if (nrSack) {
            assertThat(p.chunksTo(p.client)).filteredOn(NrSackChunk.class::isInstance)
                    .allSatisfy(c -> assertThat(((NrSackChunk) c).gapAckBlocks()).isEmpty());
        }

        p.net.runUntil(() -> received(p.server).size() == 4 && p.clientAssoc.bufferedAmount() == 0, 30 * S, 100_000);
        assertThat(received(p.server)).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(ByteBuffer.wrap(received(p.server).get(i)).getInt()).isEqualTo(i);
        }
        assertThat(p.clientAssoc.bufferedAmount()).isZero();
    }

    private static List<GapAckBlock> blocksOf(Chunk c) {
        if (c instanceof NrSackChunk nr) {
            return nr.nrGapAckBlocks();
        }
        return c instanceof SackChunk s ? s.gapAckBlocks() : List.of();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void underLossAndReorderingEveryMessageArrivesOnceAndInOrder(long seed) {
        LinkProfile lossy = LinkProfile.perfect().withDelay(10 * MS).withJitter(8 * MS).withLoss(0.05)
                .withDuplication(0.01);
        Pair p = new Pair(true, true, lossy, seed);
        int messages = 300;
        int[] sent = {0, 0};
        p.net.runUntil(() -> received(p.server).size() == messages && received(p.client).size() == messages
                && p.clientAssoc.bufferedAmount() == 0 && p.serverAssoc().bufferedAmount() == 0, () -> {
                    while (sent[0] < messages && p.clientAssoc.send(OutgoingMessage.of(0, 0, false,
                            numbered(sent[0], 700)), p.net.now()) == SendQueue.OfferResult.ACCEPTED) {
                        sent[0]++;
                    }
                    while (sent[1] < messages && p.serverAssoc().send(OutgoingMessage.of(1, 0, false,
                            numbered(sent[1], 1300)), p.net.now()) == SendQueue.OfferResult.ACCEPTED) {
                        sent[1]++;
                    }
                }, 600 * S, 2_000_000);

        for (SimHost host : List.of(p.server, p.client)) {
            List<byte[]> got = received(host);
            assertThat(got).hasSize(messages);
            for (int i = 0; i < messages; i++) {
                assertThat(ByteBuffer.wrap(got.get(i)).getInt()).as("message %d at %s", i, host.name()).isEqualTo(i);
            }
        }
        assertThat(p.net.aToB().dropped() + p.net.bToA().dropped()).isPositive();
        List<NrSackChunk> nrSacks = p.chunksTo(p.client).stream().filter(NrSackChunk.class::isInstance)
                .map(NrSackChunk.class::cast).toList();
        assertThat(nrSacks).anySatisfy(n -> assertThat(n.nrGapAckBlocks()).isNotEmpty());
        assertThat(p.chunksTo(p.client)).noneMatch(SackChunk.class::isInstance);
        assertThat(p.clientAssoc.state()).isEqualTo(AssociationState.ESTABLISHED);
    }
}
