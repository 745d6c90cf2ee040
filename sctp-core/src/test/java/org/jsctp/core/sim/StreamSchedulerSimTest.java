package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.core.tx.StreamSchedulerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message interleaving (RFC 8260 section 2) and the stream schedulers (section 3) between two
 * associations on the simulated network: what order the sender puts user data on the wire in,
 * and what the receiver gets. Messages are queued while the client's association is still in
 * COOKIE-ECHOED, so all of them wait in the send queue when data transfer starts and the wire
 * order is the scheduler's.
 */
class StreamSchedulerSimTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MIB = 1024 * 1024;

    /** One DATA or I-DATA chunk seen on the wire, with the packet it came in. */
    private record WireChunk(int packet, int stream, long tsn, int length, boolean idata) {
    }

    /** A client and a server on one link; the client's outgoing chunks are recorded, first transmissions only. */
    private static final class Run {
        final SimHost client;
        final SimHost server;
        final SimNetwork net;
        final Association peer;
        final List<WireChunk> wire = new ArrayList<>();
        private final Set<Long> seenTsns = new HashSet<>();
        private int packets;

        Run(AssociationConfig clientConfig, boolean serverInterleaving, LinkProfile link) {
            AssociationConfig serverConfig = AssociationConfig.builder()
                    .capabilities(AssociationConfig.defaults().capabilities().withInterleaving(serverInterleaving))
                    .receiveBufferBytes(16 * MIB).build();
            client = new SimHost("client", new Endpoint(EndpointConfig.of(5000, clientConfig),
                    new SeededRandomSource(1), 0));
            server = new SimHost("server", new Endpoint(EndpointConfig.of(7, serverConfig),
                    new SeededRandomSource(2), 0));
            net = new SimNetwork(client, server, link, 3);
            net.aToB().dropNext(Integer.MAX_VALUE, this::record);
            peer = client.connect(7, 0);
            net.runUntil(() -> peer.state() == AssociationState.COOKIE_ECHOED, 10 * S, 10_000);
            assertThat(peer.state()).isEqualTo(AssociationState.COOKIE_ECHOED);
        }

        private boolean record(byte[] packet) {
            int index = packets++;
            try {
                for (Chunk c : PacketDecoder.strict().decode(packet).chunks()) {
                    if (c instanceof DataChunk d && seenTsns.add(Integer.toUnsignedLong(d.tsn().value()))) {
                        wire.add(new WireChunk(index, d.streamId(), Integer.toUnsignedLong(d.tsn().value()),
                                d.userData().length(), false));
                    } else if (c instanceof IDataChunk d && seenTsns.add(Integer.toUnsignedLong(d.tsn().value()))) {
                        wire.add(new WireChunk(index, d.streamId(), Integer.toUnsignedLong(d.tsn().value()),
                                d.userData().length(), true));
                    }
                }
            } catch (DecodeException e) {
                throw new AssertionError(e);
            }
            return false;
        }

        void send(int stream, int length, int tag) {
            byte[] b = new byte[length];
            java.util.Arrays.fill(b, (byte) tag);
            assertThat(peer.send(OutgoingMessage.of(stream, 0, false, Bytes.wrap(b)), net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }

        List<ReceivedMessage> received() {
            List<ReceivedMessage> out = new ArrayList<>();
            for (SimHost.Event e : server.events()) {
                if (e.event() instanceof AssociationEvent.MessageReceived m) {
                    out.add(m.message());
                }
            }
            return out;
        }

        long completeMessages() {
            return received().stream().filter(ReceivedMessage::complete).count();
        }

        void runUntilReceived(int messages) {
            assertThat(net.runUntil(() -> completeMessages() >= messages, 600 * S, 5_000_000)).isTrue();
        }

        List<Integer> wireStreams() {
            return wire.stream().map(WireChunk::stream).toList();
        }
    }

    private static AssociationConfig clientConfig(StreamSchedulerKind kind, boolean interleaving) {
        return AssociationConfig.builder().noDelay(true).streamScheduler(kind).sendBufferBytes(64L * MIB)
                .maxMessageBytes(4 * MIB)
                .capabilities(AssociationConfig.defaults().capabilities().withInterleaving(interleaving)).build();
    }

    // ------------------------------------------------------------------ head-of-line blocking

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void aSmallMessageOvertakesALargeOneOnlyWithIData(boolean interleaving) {
        Run r = new Run(clientConfig(StreamSchedulerKind.RR, interleaving), interleaving,
                LinkProfile.perfect().withDelay(10 * MS).withRate(20_000_000L, 4 * MIB));
        r.net.runUntil(() -> r.peer.state() == AssociationState.ESTABLISHED, 10 * S, 10_000);
        r.send(1, MIB, 1);
        r.net.advance(50 * MS, 1_000_000); // the large message is well under way
        assertThat(r.wire).isNotEmpty();
        r.send(2, 100, 2);
        r.runUntilReceived(2);

        List<ReceivedMessage> got = r.received();
        int small = indexOf(got, 2);
        int largeEnd = indexOf(got, 1);
        assertThat(got.get(small).payload().length()).isEqualTo(100);
        assertThat(got.stream().filter(m -> m.streamId() == 1).mapToInt(m -> m.payload().length()).sum())
                .isEqualTo(MIB);
        assertThat(r.wire).allMatch(c -> c.idata() == interleaving);
        if (interleaving) {
            assertThat(small).as("the 100-byte message on stream 2 arrives before the 1 MiB one ends")
                    .isLessThan(largeEnd);
            assertThat(lastTsnOf(r, 2)).isLessThan(lastTsnOf(r, 1));
        } else {
            assertThat(small).as("without I-DATA it waits behind the whole 1 MiB message (head-of-line blocking)")
                    .isGreaterThan(largeEnd);
            assertThat(lastTsnOf(r, 2)).isGreaterThan(lastTsnOf(r, 1));
        }
    }

    /** Index of the complete message (or last piece) of the stream in delivery order. */
    private static int indexOf(List<ReceivedMessage> got, int stream) {
        for (int i = 0; i < got.size(); i++) {
            if (got.get(i).streamId() == stream && got.get(i).complete()) {
                return i;
            }
        }
        throw new AssertionError("no complete message on stream " + stream + " in " + got);
    }

    private static long lastTsnOf(Run r, int stream) {
        return r.wire.stream().filter(c -> c.stream() == stream).mapToLong(WireChunk::tsn).max().orElseThrow();
    }

    // ------------------------------------------------------------------ wire order per scheduler

    /** Three streams, two 4000-byte messages each, offered 1, 2, 3, 1, 2, 3. */
    private static Run threeStreams(StreamSchedulerKind kind, boolean interleaving, int... priorities) {
        Run r = new Run(clientConfig(kind, interleaving), interleaving, LinkProfile.perfect());
        for (int i = 0; i < priorities.length; i++) {
            r.peer.setStreamSchedulerValue(i + 1, priorities[i]);
        }
        for (int round = 0; round < 2; round++) {
            for (int stream = 1; stream <= 3; stream++) {
                r.send(stream, 4000, stream);
            }
        }
        r.runUntilReceived(6);
        assertThat(r.wire.stream().mapToInt(WireChunk::length).sum()).isEqualTo(6 * 4000);
        return r;
    }

    /** The streams in wire order with runs of the same stream collapsed. */
    private static List<Integer> runs(List<Integer> streams) {
        List<Integer> out = new ArrayList<>();
        for (int s : streams) {
            if (out.isEmpty() || out.get(out.size() - 1) != s) {
                out.add(s);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void firstComeFirstServedSendsWholeMessagesInOfferOrder(boolean interleaving) {
        Run r = threeStreams(StreamSchedulerKind.FCFS, interleaving);
        assertThat(runs(r.wireStreams())).containsExactly(1, 2, 3, 1, 2, 3);
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void roundRobinAlternatesFragmentsWithIDataAndMessagesWithData(boolean interleaving) {
        Run r = threeStreams(StreamSchedulerKind.RR, interleaving);
        List<Integer> streams = r.wireStreams();
        if (interleaving) {
            // 8000 bytes per stream are at least 6 fragments: six full turns of one fragment each
            assertThat(streams).hasSizeGreaterThanOrEqualTo(18);
            for (int i = 0; i < 18; i++) {
                assertThat(streams.get(i)).isEqualTo(i % 3 + 1);
            }
        } else {
            assertThat(runs(streams)).containsExactly(1, 2, 3, 1, 2, 3);
        }
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void roundRobinPerPacketPutsOneStreamInEachPacketAndChangesStreamWithEachPacket(boolean interleaving) {
        Run r = threeStreams(StreamSchedulerKind.RRP, interleaving);
        List<List<Integer>> byPacket = new ArrayList<>();
        int last = -1;
        for (WireChunk c : r.wire) {
            if (c.packet() != last) {
                byPacket.add(new ArrayList<>());
                last = c.packet();
            }
            byPacket.get(byPacket.size() - 1).add(c.stream());
        }
        assertThat(byPacket).allSatisfy(p -> assertThat(p).containsOnly(p.get(0)));
        List<Integer> packetStreams = byPacket.stream().map(p -> p.get(0)).toList();
        if (interleaving) {
            for (int i = 0; i < packetStreams.size(); i++) {
                assertThat(packetStreams.get(i)).as("packet %d", i).isEqualTo(i % 3 + 1);
            }
        } else {
            // a DATA message that spans packets keeps its stream (RFC 9260 section 6.9): a turn
            // is a message, carried by packets of its stream only
            assertThat(runs(packetStreams)).containsExactly(1, 2, 3, 1, 2, 3);
        }
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void priorityServesTheMostUrgentStreamFirstAndEqualOnesInTurn(boolean interleaving) {
        Run r = threeStreams(StreamSchedulerKind.PRIO, interleaving, 5, 5, 1); // stream 3 first
        List<Integer> streams = r.wireStreams();
        int streamThreeChunks = (int) streams.stream().filter(s -> s == 3).count();
        assertThat(streams.subList(0, streamThreeChunks)).containsOnly(3);
        List<Integer> rest = runs(streams.subList(streamThreeChunks, streams.size()));
        if (interleaving) {
            assertThat(rest).hasSizeGreaterThanOrEqualTo(12).startsWith(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
        } else {
            assertThat(rest).containsExactly(1, 2, 1, 2); // a message each, in turn
        }
    }

    // ------------------------------------------------------------------ bandwidth shares

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void weightedFairQueueingSharesTheLinkOneToTwoToFour(boolean interleaving) {
        double[] shares = sharesOverALongRun(StreamSchedulerKind.WFQ, interleaving, 1, 2, 4);
        assertThat(shares[0]).isCloseTo(1.0 / 7, within(0.05 / 7));
        assertThat(shares[1]).isCloseTo(2.0 / 7, within(0.10 / 7));
        assertThat(shares[2]).isCloseTo(4.0 / 7, within(0.20 / 7));
    }

    @ParameterizedTest(name = "I-DATA {0}")
    @ValueSource(booleans = {true, false})
    void fairBandwidthSharesTheLinkEquallyWhateverTheMessageSizes(boolean interleaving) {
        double[] shares = sharesOverALongRun(StreamSchedulerKind.FB, interleaving, 0, 0, 0);
        for (double share : shares) {
            assertThat(share).isCloseTo(1.0 / 3, within(0.05 / 3));
        }
    }

    /**
     * Streams 1..3 each get 4 MiB queued up front (messages of 2000, 10000 and 30000 bytes); the
     * shares are those of the first 6 MiB on the wire, while all three are still backlogged.
     */
    private static double[] sharesOverALongRun(StreamSchedulerKind kind, boolean interleaving, int... weights) {
        Run r = new Run(clientConfig(kind, interleaving), interleaving,
                LinkProfile.perfect().withDelay(5 * MS).withRate(100_000_000L, 8 * MIB));
        int[] sizes = {2000, 10000, 30000};
        for (int i = 0; i < 3; i++) {
            if (weights[i] > 0) {
                r.peer.setStreamSchedulerValue(i + 1, weights[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int sent = 0; sent < 4 * MIB; sent += sizes[i]) {
                r.send(i + 1, sizes[i], i + 1);
            }
        }
        long window = 6L * MIB;
        assertThat(r.net.runUntil(() -> r.wire.stream().mapToLong(WireChunk::length).sum() >= window, 600 * S,
                5_000_000)).isTrue();
        long[] bytes = new long[3];
        long total = 0;
        for (WireChunk c : r.wire) {
            if (total >= window) {
                break;
            }
            bytes[c.stream() - 1] += c.length();
            total += c.length();
        }
        return new double[] {(double) bytes[0] / total, (double) bytes[1] / total, (double) bytes[2] / total};
    }
}
