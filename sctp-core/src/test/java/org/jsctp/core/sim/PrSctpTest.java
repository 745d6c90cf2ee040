package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.assoc.PrStatistics;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PR-SCTP sending (RFC 3758 section 3.5) with the policies of RFC 7496 between two associations on
 * the simulated network: each policy abandons a message exactly when it says and never otherwise,
 * abandoned messages are handed back to the sender, the FORWARD TSN (or I-FORWARD-TSN) moves the
 * receiver past them, and the receiver never delivers a partial message as complete.
 *
 * <p>Every byte of message {@code i}'s payload is {@code i}, so any fragment on the wire names its
 * message and a delivered message shows whether it is whole.
 */
class PrSctpTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private static AssociationConfig config(boolean interleaving) {
        return AssociationConfig.builder().noDelay(true).plpmtudEnabled(false)
                .capabilities(new Capabilities(true, interleaving, false))
                .build();
    }

    private static SimHost host(String name, int port, AssociationConfig config, long seed) {
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, config), new SeededRandomSource(seed), 0));
    }

    private static Bytes payload(int index, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) index);
        return Bytes.wrap(b);
    }

    private static OutgoingMessage message(int index, int stream, int length, boolean unordered, PrPolicy policy,
                                           long nowNanos) {
        return OutgoingMessage.of(stream, 0, unordered, payload(index, length)).withPolicy(policy, nowNanos);
    }

    /** The messages indices of the DATA or I-DATA chunks in a packet, one per chunk. */
    private static List<Integer> dataIndices(byte[] packet) {
        List<Integer> out = new ArrayList<>();
        try {
            for (Chunk c : PacketDecoder.strict().decode(packet).chunks()) {
                if (c instanceof DataChunk d) {
                    out.add(d.userData().toByteArray()[0] & 0xFF);
                } else if (c instanceof IDataChunk d) {
                    out.add(d.userData().toByteArray()[0] & 0xFF);
                }
            }
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static boolean hasForwardTsn(byte[] packet) {
        try {
            for (Chunk c : PacketDecoder.strict().decode(packet).chunks()) {
                if (c instanceof ForwardTsnChunk || c instanceof IForwardTsnChunk) {
                    return true;
                }
            }
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
        return false;
    }

    /** Every packet the client sends, with the time, before the link may lose it; drops what {@code drop} names. */
    private static final class Sniffer {
        final Map<Integer, Integer> transmissions = new HashMap<>();
        final Map<Integer, Long> lastTransmissionNanos = new HashMap<>();
        int forwardTsns;

        void install(SimNetwork net, IntPredicate drop) {
            net.aToB().dropNext(Integer.MAX_VALUE, p -> {
                boolean dropIt = false;
                for (int i : dataIndices(p)) {
                    transmissions.merge(i, 1, Integer::sum);
                    lastTransmissionNanos.put(i, net.now());
                    dropIt |= drop.test(i);
                }
                if (hasForwardTsn(p)) {
                    forwardTsns++;
                }
                return dropIt;
            });
        }

        int sent(int index) {
            return transmissions.getOrDefault(index, 0);
        }
    }

    /** The client's SendFailed events so far, with the virtual time each was first seen. */
    private static final class Failures {
        final Map<Integer, AssociationEvent.SendFailed> byIndex = new HashMap<>();
        final Map<Integer, Long> atNanos = new HashMap<>();
        private int seen;

        void collect(SimHost client, long nowNanos) {
            List<SimHost.Event> events = client.events();
            for (; seen < events.size(); seen++) {
                if (events.get(seen).event() instanceof AssociationEvent.SendFailed f) {
                    int index = f.message().payload().toByteArray()[0] & 0xFF;
                    assertThat(byIndex.put(index, f)).as("message %d reported twice", index).isNull();
                    atNanos.put(index, nowNanos);
                }
            }
        }
    }

    /** Messages the server delivered, by stream, checking each is whole: complete, of its length, all its bytes. */
    private static Map<Integer, List<Integer>> delivered(SimHost server, Map<Integer, Integer> lengths) {
        Map<Integer, List<Integer>> byStream = new HashMap<>();
        for (SimHost.Event e : server.events()) {
            if (e.event() instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage r = m.message();
                byte[] b = r.payload().toByteArray();
                int index = b[0] & 0xFF;
                assertThat(r.complete()).as("message %d delivered whole, not in pieces", index).isTrue();
                assertThat(b.length).as("length of message %d", index).isEqualTo(lengths.get(index));
                for (byte x : b) {
                    assertThat(x & 0xFF).as("a byte of message %d", index).isEqualTo(index);
                }
                byStream.computeIfAbsent(r.streamId(), k -> new ArrayList<>()).add(index);
            }
        }
        return byStream;
    }

    private static Set<Integer> all(Map<Integer, List<Integer>> byStream) {
        Set<Integer> out = new HashSet<>();
        for (List<Integer> l : byStream.values()) {
            for (int i : l) {
                assertThat(out.add(i)).as("message %d delivered once", i).isTrue();
            }
        }
        return out;
    }

    private static Association establish(SimNetwork net, SimHost client) {
        Association a = client.connect(7, 0);
        assertThat(net.runUntil(() -> a.state() == AssociationState.ESTABLISHED, 10 * S, 10_000)).isTrue();
        return a;
    }

    @ParameterizedTest(name = "interleaving={0}, unordered={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void limitedRetransmissionsAbandonAMessageInsteadOfItsRetransmissionBeyondTheLimit(boolean interleaving,
                                                                                       boolean unordered) {
        SimHost client = host("client", 5000, config(interleaving), 11);
        SimHost server = host("server", 7, config(interleaving), 12);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 13);
        Association a = establish(net, client);
        Sniffer sniffer = new Sniffer();
        sniffer.install(net, i -> i == 3 || i == 6); // every transmission of messages 3 and 6 is lost
        Map<Integer, Integer> lengths = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            // message 3 may be retransmitted twice, 6 never (rtx:0), 5 is three fragments with rtx:1; the others are reliable
            PrPolicy policy = i == 3 ? PrPolicy.rtx(2) : i == 6 ? PrPolicy.rtx(0) : i == 5 ? PrPolicy.rtx(1) : PrPolicy.NONE;
            int length = i == 5 ? 3000 : 1000;
            lengths.put(i, length);
            assertThat(a.send(message(i, 0, length, unordered, policy, net.now()), net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        Failures failures = new Failures();
        assertThat(net.runUntil(() -> all(delivered(server, lengths)).size() == 8 && a.bufferedAmount() == 0,
                () -> failures.collect(client, net.now()), net.now() + 120 * S, 100_000)).isTrue();
        failures.collect(client, net.now());

        assertThat(all(delivered(server, lengths))).as("all but the two abandoned")
                .containsExactlyInAnyOrder(0, 1, 2, 4, 5, 7, 8, 9);
        if (!unordered) {
            // the FORWARD TSN named their SSNs (MIDs), so the stream went on past them, in order
            assertThat(delivered(server, lengths).get(0)).containsExactly(0, 1, 2, 4, 5, 7, 8, 9);
        }
        assertThat(failures.byIndex.keySet()).containsExactlyInAnyOrder(3, 6);
        assertThat(failures.byIndex.values()).allSatisfy(f -> {
            assertThat(f.sent()).isTrue();
            assertThat(f.reason()).startsWith("abandoned");
        });
        // RFC 7496 section 3.1: the first transmission and exactly the allowed retransmissions
        assertThat(sniffer.sent(3)).isEqualTo(3);
        assertThat(sniffer.sent(6)).isEqualTo(1);
        assertThat(sniffer.forwardTsns).isPositive();
        PrStatistics pr = a.statistics().abandoned();
        assertThat(pr).isEqualTo(new PrStatistics(0, 0, 0, 2, 0, 0));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(server.associations().get(0).state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void timedReliabilityAbandonsASentMessageOnlyOnceItsLifetimeExpired() {
        SimHost client = host("client", 5000, config(false), 21);
        SimHost server = host("server", 7, config(false), 22);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 23);
        Association a = establish(net, client);
        Sniffer sniffer = new Sniffer();
        int[] lostOf4 = {0};
        // message 2 is always lost; message 4 once only, so its retransmission within its lifetime gets through
        sniffer.install(net, i -> i == 2 || (i == 4 && lostOf4[0]++ == 0));
        Map<Integer, Integer> lengths = new HashMap<>();
        long start = net.now();
        Map<Integer, Long> expiry = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            long lifetimeMs = i == 2 ? 500 : i == 4 ? 60_000 : 0;
            PrPolicy policy = lifetimeMs > 0 ? PrPolicy.ttl(lifetimeMs) : PrPolicy.NONE;
            expiry.put(i, start + lifetimeMs * MS);
            lengths.put(i, 1000);
            a.send(message(i, 1, 1000, false, policy, start), start);
        }
        Failures failures = new Failures();
        assertThat(net.runUntil(() -> all(delivered(server, lengths)).size() == 7 && a.bufferedAmount() == 0,
                () -> failures.collect(client, net.now()), net.now() + 120 * S, 100_000)).isTrue();
        failures.collect(client, net.now());

        assertThat(delivered(server, lengths).get(1)).containsExactly(0, 1, 3, 4, 5, 6, 7);
        assertThat(failures.byIndex.keySet()).containsExactly(2);
        assertThat(failures.byIndex.get(2).sent()).isTrue();
        assertThat(failures.atNanos.get(2)).as("abandoned after its lifetime").isGreaterThanOrEqualTo(expiry.get(2));
        assertThat(sniffer.lastTransmissionNanos.get(2)).as("never sent after its lifetime").isLessThan(expiry.get(2));
        assertThat(sniffer.sent(4)).as("lost once, then retransmitted within its lifetime").isEqualTo(2);
        assertThat(a.statistics().abandoned()).isEqualTo(new PrStatistics(0, 1, 0, 0, 0, 0));
    }

    @Test
    void timedReliabilityReleasesUnsentMessagesWhoseLifetimeExpiredWithoutUsingTheirSsn() {
        SimHost client = host("client", 5000, config(false), 31);
        SimHost server = host("server", 7, config(false).toBuilder().receiveBufferBytes(64 * 1024).build(), 32);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 33);
        Association a = establish(net, client);
        server.setReading(false); // the receive window fills and shuts: what is queued waits
        Map<Integer, Integer> lengths = new HashMap<>();
        int big = 8 * 1024;
        int i = 0;
        long start = net.now();
        for (; i < 20; i++) { // 160 KiB of reliable messages: more than the peer's 64 KiB window
            lengths.put(i, big);
            if (a.send(message(i, 0, big, false, PrPolicy.NONE, start), start) != SendQueue.OfferResult.ACCEPTED) {
                break;
            }
        }
        int reliable = i;
        net.advance(2 * S, 100_000);
        assertThat(a.bufferedAmount()).as("the window is shut, data waits").isPositive();
        // these queue behind the reliable ones, ordered on the same stream, and expire unsent
        for (int k = 0; k < 3; k++, i++) {
            lengths.put(i, 100);
            a.send(message(i, 0, 100, false, PrPolicy.ttl(200), net.now()), net.now());
        }
        lengths.put(i, 100);
        a.send(message(i, 0, 100, false, PrPolicy.NONE, net.now()), net.now()); // and one reliable after them
        int last = i;
        Failures failures = new Failures();
        net.advance(1 * S, 100_000);
        server.setReading(true);
        assertThat(net.runUntil(() -> a.bufferedAmount() == 0, () -> failures.collect(client, net.now()),
                net.now() + 600 * S, 1_000_000)).isTrue();
        failures.collect(client, net.now());
        assertThat(failures.byIndex.keySet()).containsExactlyInAnyOrder(reliable, reliable + 1, reliable + 2);
        assertThat(failures.byIndex.values()).allSatisfy(f -> assertThat(f.sent()).isFalse());
        List<Integer> got = delivered(server, lengths).get(0);
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < reliable; k++) {
            expected.add(k);
        }
        expected.add(last);
        // an unsent message had no SSN: the stream has no gap to skip and the last message follows at once
        assertThat(got).isEqualTo(expected);
        assertThat(a.statistics().abandoned()).isEqualTo(new PrStatistics(3, 0, 0, 0, 0, 0));
    }

    @Test
    void priorityPolicyAbandonsLowerPriorityUnsentMessagesToMakeRoomAndNeverHigherOnes() {
        AssociationConfig c = config(false).toBuilder().sendBufferBytes(16 * 1024).build();
        SimHost client = host("client", 5000, c, 41);
        SimHost server = host("server", 7, config(false), 42);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 43);
        Association a = establish(net, client);
        server.setReading(false);
        Map<Integer, Integer> lengths = new HashMap<>();
        int i = 0;
        // fill the send buffer with priority 5 messages
        while (true) {
            lengths.put(i, 1000);
            if (a.send(message(i, 0, 1000, false, PrPolicy.prio(5), net.now()), net.now())
                    != SendQueue.OfferResult.ACCEPTED) {
                break;
            }
            i++;
        }
        int filled = i;
        assertThat(a.statistics().abandoned()).isEqualTo(PrStatistics.NONE);
        // a lower priority (larger value) and an equal one make no room
        lengths.put(200, 1000);
        assertThat(a.send(message(200, 0, 1000, false, PrPolicy.prio(9), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        assertThat(a.send(message(200, 0, 1000, false, PrPolicy.prio(5), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.REFUSED_BUFFER_FULL);
        // a higher priority one abandons the newest unsent priority-5 message
        lengths.put(201, 1000);
        assertThat(a.send(message(201, 0, 1000, false, PrPolicy.prio(1), net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        // a reliable message ranks above every priority (RFC 7496 section 3.2)
        lengths.put(202, 1000);
        assertThat(a.send(message(202, 0, 1000, false, PrPolicy.NONE, net.now()), net.now()))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        server.setReading(true);
        assertThat(net.runUntil(() -> a.bufferedAmount() == 0, net.now() + 60 * S, 100_000)).isTrue();
        Failures failures = new Failures();
        failures.collect(client, net.now());
        assertThat(failures.byIndex.keySet()).containsExactlyInAnyOrder(filled - 1, filled - 2);
        assertThat(failures.byIndex.values()).allSatisfy(f -> assertThat(f.sent()).isFalse());
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < filled - 2; k++) {
            expected.add(k);
        }
        expected.add(201);
        expected.add(202);
        assertThat(delivered(server, lengths).get(0)).isEqualTo(expected);
        assertThat(a.statistics().abandoned()).isEqualTo(new PrStatistics(0, 0, 0, 0, 2, 0));
    }

    @Test
    void withoutPeerSupportSentMessagesAreNeverAbandoned() {
        AssociationConfig noPr = AssociationConfig.builder().noDelay(true).capabilities(new Capabilities(false, false,
                false)).build();
        SimHost client = host("client", 5000, config(false), 51);
        SimHost server = host("server", 7, noPr, 52);
        SimNetwork net = new SimNetwork(client, server, LinkProfile.perfect().withDelay(10 * MS), 53);
        Association a = establish(net, client);
        assertThat(a.capabilities().forwardTsn()).isFalse();
        Sniffer sniffer = new Sniffer();
        int[] lost = {0};
        sniffer.install(net, i -> i == 1 && lost[0]++ < 3);
        Map<Integer, Integer> lengths = Map.of(0, 500, 1, 500, 2, 500);
        for (int i = 0; i < 3; i++) {
            a.send(message(i, 0, 500, false, PrPolicy.rtx(0), net.now()), net.now());
        }
        assertThat(net.runUntil(() -> a.bufferedAmount() == 0, net.now() + 120 * S, 100_000)).isTrue();
        assertThat(delivered(server, lengths).get(0)).containsExactly(0, 1, 2);
        assertThat(sniffer.sent(1)).isEqualTo(4);
        assertThat(sniffer.forwardTsns).isZero();
        assertThat(a.statistics().abandoned()).isEqualTo(PrStatistics.NONE);
    }

    /**
     * Random loss, mixed policies, fragmented and single-chunk messages, both orders: every message
     * is either delivered whole once or handed back; reliable ones always arrive and are never
     * abandoned; RTX messages never go out more often than allowed, TTL messages never after their
     * lifetime; ordered streams deliver in order; the invariants hold at every step.
     */
    @ParameterizedTest(name = "seed={0}, interleaving={1}")
    @CsvSource({"1,false", "2,false", "3,true", "4,true", "5,false", "6,true"})
    void underRandomLossEveryMessageIsDeliveredWholeOrHandedBack(long seed, boolean interleaving) {
        SimHost client = host("client", 5000, config(interleaving), seed);
        SimHost server = host("server", 7, config(interleaving), ~seed);
        SimNetwork net = new SimNetwork(client, server,
                LinkProfile.perfect().withDelay(20 * MS).withJitter(10 * MS).withLoss(0.15), seed * 31);
        Association a = establish(net, client);
        Sniffer sniffer = new Sniffer();
        sniffer.install(net, i -> false);
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Integer> lengths = new HashMap<>();
        Map<Integer, OutgoingMessage> sent = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            int length = random.nextInt(4) == 0 ? 1 + random.nextInt(5000) : 1 + random.nextInt(1200);
            PrPolicy policy = switch (random.nextInt(4)) {
                case 0 -> PrPolicy.NONE;
                case 1 -> PrPolicy.ttl(100 + random.nextInt(2000));
                default -> PrPolicy.rtx(random.nextInt(3));
            };
            OutgoingMessage m = message(i, random.nextInt(3), length, random.nextInt(3) == 0, policy, net.now());
            lengths.put(i, length);
            sent.put(i, m);
            assertThat(a.send(m, net.now())).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        Failures failures = new Failures();
        // done when every message is delivered or handed back (bufferedAmount is 0 already while the
        // FORWARD TSN for abandoned chunks is still on its way)
        assertThat(net.runUntil(() -> {
            Set<Integer> settled = new HashSet<>(all(delivered(server, lengths)));
            settled.addAll(failures.byIndex.keySet());
            return settled.size() == 200 && a.bufferedAmount() == 0;
        }, () -> failures.collect(client, net.now()), net.now() + 1200 * S, 2_000_000))
                .as("every message delivered or handed back").isTrue();
        net.advance(60 * S, 1_000_000);
        failures.collect(client, net.now());
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);

        Map<Integer, List<Integer>> byStream = delivered(server, lengths);
        Set<Integer> got = all(byStream);
        for (int i = 0; i < 200; i++) {
            OutgoingMessage m = sent.get(i);
            assertThat(got.contains(i) || failures.byIndex.containsKey(i)).as("message %d delivered or handed back: %s,"
                    + " sent %d times", i, m, sniffer.sent(i)).isTrue();
            if (m.policy() == PrPolicy.Kind.NONE) {
                assertThat(got).as("reliable message %d", i).contains(i);
                assertThat(failures.byIndex).doesNotContainKey(i);
            }
            if (m.policy() == PrPolicy.Kind.TTL && sniffer.lastTransmissionNanos.containsKey(i)) {
                assertThat(sniffer.lastTransmissionNanos.get(i)).as("message %d sent only within its lifetime", i)
                        .isLessThan(m.expiresAtNanos());
            }
            if (failures.byIndex.containsKey(i) && m.policy() == PrPolicy.Kind.TTL) {
                assertThat(failures.atNanos.get(i)).isGreaterThanOrEqualTo(m.expiresAtNanos());
            }
            if (failures.byIndex.containsKey(i) && m.policy() == PrPolicy.Kind.RTX) {
                assertThat(failures.byIndex.get(i).sent()).isTrue();
            }
        }
        // ordered messages of each stream arrive in send order
        for (Map.Entry<Integer, List<Integer>> e : byStream.entrySet()) {
            List<Integer> ordered = e.getValue().stream().filter(x -> !sent.get(x).unordered()).toList();
            assertThat(ordered).as("ordered messages on stream %d", e.getKey()).isSorted();
        }
        PrStatistics pr = a.statistics().abandoned();
        assertThat(pr.abandonedSent() + pr.abandonedUnsent()).isEqualTo(failures.byIndex.size());
        long abandonedRtx = failures.byIndex.keySet().stream().filter(x -> sent.get(x).policy() == PrPolicy.Kind.RTX)
                .count();
        assertThat(pr.rtxSent()).isEqualTo(abandonedRtx);
    }
}
