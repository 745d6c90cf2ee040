package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.core.tx.StreamSchedulerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards against a stall reported from an early usrsctp probe: I-DATA (RFC 8260), round robin
 * and Nagle on (our default), three 3000-byte messages on three streams, "340 bytes stayed
 * unacknowledged and T3-rtx never expired". The small last fragments of the messages are what
 * Nagle holds back while data is in flight; whatever the peer's window, its partial delivery
 * point or a lost packet, they must go out once the flight is acknowledged, be acknowledged
 * themselves, and while any data is outstanding T3-rtx must run (RFC 9260 section 6.3.2 R1;
 * {@link SimNetwork} checks that invariant after every step).
 */
class NagleInterleavingSimTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int STREAMS = 3;
    private static final int MESSAGE = 3000;

    /** One I-DATA chunk the client sent (first transmission or not). */
    private record WireChunk(long atNanos, int stream, int length, boolean ending) {
    }

    /** A client with Nagle on sending I-DATA to a server on a perfect 1 ms link. */
    private static final class Run {
        final SimHost client;
        final SimHost server;
        final SimNetwork net;
        final Association peer;
        final List<WireChunk> wire = new ArrayList<>();

        Run(StreamSchedulerKind kind, int serverWindow, int partialDeliveryPoint, boolean queueBeforeEstablished) {
            this(kind, serverWindow, partialDeliveryPoint, queueBeforeEstablished, LinkProfile.perfect(), 3);
        }

        Run(StreamSchedulerKind kind, int serverWindow, int partialDeliveryPoint, boolean queueBeforeEstablished,
            LinkProfile link, long seed) {
            AssociationConfig clientConfig = AssociationConfig.builder().noDelay(false).streamScheduler(kind).plpmtudEnabled(false)
                    .capabilities(AssociationConfig.defaults().capabilities().withInterleaving(true)).build();
            AssociationConfig.Builder server = AssociationConfig.builder().receiveBufferBytes(serverWindow).plpmtudEnabled(false)
                    .capabilities(AssociationConfig.defaults().capabilities().withInterleaving(true));
            if (partialDeliveryPoint > 0) {
                server.partialDeliveryPointBytes(partialDeliveryPoint);
            }
            client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, clientConfig),
                    new SeededRandomSource(1), 0));
            this.server = new SimHost("server", new Endpoint(EndpointConfig.of(7, server.build()),
                    new SeededRandomSource(2), 0));
            net = new SimNetwork(client, this.server, LinkProfile.perfect(), seed);
            dropClientPackets(0, p -> false);
            peer = client.connect(7, 0);
            AssociationState wanted = queueBeforeEstablished ? AssociationState.COOKIE_ECHOED : AssociationState.ESTABLISHED;
            assertThat(net.runUntil(() -> peer.state() == wanted, 10 * S, 10_000)).isTrue();
            net.aToB().setProfile(link); // the handshake on a perfect link; the data on this one
            net.bToA().setProfile(link);
        }

        /** Drops the next {@code count} client packets {@code which} accepts; every I-DATA chunk sent is recorded. */
        void dropClientPackets(int count, Predicate<List<IDataChunk>> which) {
            net.aToB().dropNext(Integer.MAX_VALUE, new Predicate<>() {
                int left = count;

                @Override
                public boolean test(byte[] packet) {
                    List<IDataChunk> data = new ArrayList<>();
                    for (Chunk c : decode(packet)) {
                        if (c instanceof IDataChunk d) {
                            data.add(d);
                            wire.add(new WireChunk(net.now(), d.streamId(), d.userData().length(), d.ending()));
                        }
                    }
                    if (left > 0 && !data.isEmpty() && which.test(data)) {
                        left--;
                        return true;
                    }
                    return false;
                }
            });
        }

        /** One message per stream, offered one after the other as an application would. */
        void sendAll() {
            for (int stream = 1; stream <= STREAMS; stream++) {
                byte[] b = new byte[MESSAGE];
                java.util.Arrays.fill(b, (byte) stream);
                assertThat(peer.send(OutgoingMessage.of(stream, 0, false, Bytes.wrap(b)), net.now()))
                        .isEqualTo(SendQueue.OfferResult.ACCEPTED);
            }
        }

        /** Runs until every message is delivered whole and the client's sender is dry; whether that happened. */
        boolean runUntilDone(long forNanos) {
            return net.runUntil(() -> deliveredBytes() == (long) STREAMS * MESSAGE && completeMessages() == STREAMS
                    && senderDry(), net.now() + forNanos, 1_000_000);
        }

        long deliveredBytes() {
            long bytes = 0;
            for (SimHost.Event e : server.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    bytes += m.message().payload().length();
                }
            }
            return bytes;
        }

        long completeMessages() {
            return server.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived m
                    && m.message().complete()).count();
        }

        boolean senderDry() {
            return client.events().stream().anyMatch(e -> e.event() instanceof AssociationEvent.SenderDry);
        }
    }

    private static List<Chunk> decode(byte[] packet) {
        try {
            return PacketDecoder.strict().decode(packet).chunks();
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** The last fragments Nagle holds back are small: under a fifth of a full I-DATA payload here. */
    private static boolean onlySmallLastFragments(List<IDataChunk> data) {
        return data.stream().allMatch(d -> d.ending() && d.userData().length() < 600);
    }

    @Test
    void theHeldBackLastFragmentsGoOutAndAreAcknowledgedOnceTheFlightIsAcknowledged() {
        Run r = new Run(StreamSchedulerKind.RR, 128 * 1024, 0, false);
        r.sendAll();

        assertThat(r.runUntilDone(60 * S)).as("all delivered and acknowledged").isTrue();
        // The report's shape: stream 2's message ends in a 340-byte fragment (3000 = 1240 + 1420 + 340).
        assertThat(r.wire).contains(new WireChunk(r.wire.stream().filter(c -> c.stream() == 2 && c.ending())
                .findFirst().orElseThrow().atNanos(), 2, 340, true));
        assertThat(r.wire.stream().mapToInt(WireChunk::length).sum()).as("nothing sent twice")
                .isEqualTo(STREAMS * MESSAGE);
        assertThat(r.peer.bufferedAmount()).isZero();
        assertThat(r.peer.statistics().t3Expiries()).as("no T3-rtx expiry needed").isZero();
    }

    @Test
    void nagleHoldsALastFragmentOnlyWhileDataIsInFlight() {
        Run r = new Run(StreamSchedulerKind.RR, 128 * 1024, 0, true);
        r.sendAll();
        assertThat(r.runUntilDone(60 * S)).isTrue();

        // Queued together, round robin interleaves the streams; the three small last fragments
        // wait for the acknowledgement of what is in flight, then leave together in one packet.
        List<WireChunk> last = r.wire.stream().filter(c -> c.length() < 600).toList();
        assertThat(last).extracting(WireChunk::stream).containsExactly(1, 2, 3);
        assertThat(last).allMatch(WireChunk::ending);
        assertThat(last).extracting(WireChunk::atNanos).containsOnly(last.get(0).atNanos());
        long previous = r.wire.stream().filter(c -> c.length() >= 600).mapToLong(WireChunk::atNanos).max()
                .orElseThrow();
        assertThat(last.get(0).atNanos()).as("held back until a SACK arrived").isGreaterThan(previous);
    }

    static Stream<Arguments> windowsAndSchedulers() {
        List<Arguments> out = new ArrayList<>();
        for (StreamSchedulerKind kind : StreamSchedulerKind.values()) {
            for (int window : new int[] {1500, 4000, 6000, 128 * 1024}) {
                for (int pd : new int[] {0, 1000}) {
                    for (boolean early : new boolean[] {true, false}) {
                        out.add(Arguments.of(kind, window, pd, early));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} window {1} pd {2} queued before established {3}")
    @MethodSource("windowsAndSchedulers")
    void everyByteIsDeliveredAndAcknowledgedWithNagleOnWhateverTheWindow(StreamSchedulerKind kind, int window,
                                                                         int partialDeliveryPoint, boolean early) {
        Run r = new Run(kind, window, partialDeliveryPoint, early);
        r.sendAll();

        assertThat(r.runUntilDone(60 * S)).as("delivered %d of %d bytes, %d unacknowledged", r.deliveredBytes(),
                STREAMS * MESSAGE, r.peer.bufferedAmount()).isTrue();
        assertThat(r.peer.bufferedAmount()).isZero();
    }

    @Test
    void aLostPacketOfHeldBackLastFragmentsIsRetransmittedWhenT3Expires() {
        Run r = new Run(StreamSchedulerKind.RR, 128 * 1024, 0, true);
        r.dropClientPackets(1, NagleInterleavingSimTest::onlySmallLastFragments);
        r.sendAll();

        assertThat(r.runUntilDone(60 * S)).isTrue();
        assertThat(r.net.aToB().dropped()).isEqualTo(1);
        assertThat(r.peer.statistics().t3Expiries()).as("T3-rtx was running and expired").isPositive();
        assertThat(r.peer.bufferedAmount()).isZero();
    }

    @Test
    void lostSacksThatWouldReleaseTheHeldBackFragmentsLeaveT3ToRecover() {
        Run r = new Run(StreamSchedulerKind.RR, 128 * 1024, 0, false);
        // From now on the server's next four SACKs are lost: nothing tells the client its flight
        // was acknowledged, so only T3-rtx can move the transfer on.
        r.net.bToA().dropNext(4, p -> decode(p).stream().anyMatch(c -> c instanceof SackChunk));
        r.sendAll();

        assertThat(r.runUntilDone(60 * S)).isTrue();
        assertThat(r.net.bToA().dropped()).isEqualTo(4);
        assertThat(r.peer.statistics().t3Expiries()).isPositive();
        assertThat(r.peer.bufferedAmount()).isZero();
    }

    static Stream<Arguments> lossySeeds() {
        List<Arguments> out = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            out.add(Arguments.of(seed, seed % 2 == 0, seed % 4 < 2 ? StreamSchedulerKind.RR : StreamSchedulerKind.RRP));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, queued before established {1}, {2}")
    @MethodSource("lossySeeds")
    void onALossyReorderingLinkEveryByteIsStillDeliveredAndAcknowledged(long seed, boolean early,
                                                                        StreamSchedulerKind kind) {
        LinkProfile link = LinkProfile.perfect().withDelay(5 * MS).withJitter(4 * MS).withLoss(0.15)
                .withDuplication(0.05);
        Run r = new Run(kind, 4000, 1000, early, link, seed);
        r.sendAll();

        assertThat(r.runUntilDone(600 * S)).as("delivered %d of %d bytes, %d unacknowledged", r.deliveredBytes(),
                STREAMS * MESSAGE, r.peer.bufferedAmount()).isTrue();
        assertThat(r.peer.bufferedAmount()).isZero();
    }
}
