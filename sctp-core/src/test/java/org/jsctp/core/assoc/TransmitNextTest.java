package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.sim.EstablishedSimPair;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.Test;

/**
 * {@link Association#transmitNext(TransmitSink)}, the take without an object per packet (issue 6),
 * against {@link Association#pollTransmit()}: two pairs established alike from the same seeds are
 * given the same inputs; one is drained by {@code pollTransmit} only, the other by both takes mixed,
 * and both must hand out the same packets, in the same order, counted the same.
 */
class TransmitNextTest {

    private static final long SEED = 42;
    private static final long MS = 1_000_000;

    /** No Nagle delay (RFC 9260 section 6.1): every message leaves at once, in a packet of its own. */
    private final AssociationConfig config = AssociationConfig.builder().noDelay(true).build();

    /** What a packet handed out holds, copied while it is valid. */
    private record Snapshot(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks,
                            boolean zeroChecksum, InetAddress destination, int encodedLength, String wire) {

        static Snapshot of(PacketToSend p) {
            ByteBuffer b = ByteBuffer.allocate(p.encodedLength());
            PacketEncoder.encode(b, p.sourcePort(), p.destinationPort(), p.verificationTag(), p.chunks(),
                    p.zeroChecksum());
            return new Snapshot(p.sourcePort(), p.destinationPort(), p.verificationTag(), List.copyOf(p.chunks()),
                    p.zeroChecksum(), p.destination(), p.encodedLength(), HexFormat.of().formatHex(b.array()));
        }
    }

    private static OutgoingMessage message(int length, int fill) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) fill);
        return OutgoingMessage.of(0, 0, false, Bytes.wrap(b));
    }

    /** Offers {@code count} messages to the client without taking its packets. */
    private static void offer(EstablishedSimPair pair, int count, int length, long now) {
        for (int i = 0; i < count; i++) {
            assertThat(pair.peer().send(message(length, i), now)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
    }

    /** Takes every queued packet of {@code a} with {@code pollTransmit}. */
    private static List<Snapshot> pollAll(Association a) {
        List<Snapshot> out = new ArrayList<>();
        for (OutgoingPacket p; (p = a.pollTransmit()) != null; ) {
            out.add(Snapshot.of(p));
        }
        return out;
    }

    /** Takes every queued packet of {@code a}, alternating {@code transmitNext} and {@code pollTransmit}. */
    private static List<Snapshot> takeMixed(Association a) {
        List<Snapshot> out = new ArrayList<>();
        TransmitSink sink = p -> out.add(Snapshot.of(p));
        for (int i = 0; ; i++) {
            if (i % 2 == 0) {
                if (!a.transmitNext(sink)) {
                    return out;
                }
            } else {
                OutgoingPacket p = a.pollTransmit();
                if (p == null) {
                    return out;
                }
                out.add(Snapshot.of(p));
            }
        }
    }

    /** Hands each packet to {@code to} as if it came over the wire. */
    private static void deliver(List<Snapshot> packets, Association to, long now) {
        for (Snapshot s : packets) {
            try {
                to.handlePacket(org.jsctp.core.packet.PacketDecoder.strict().decode(HexFormat.of().parseHex(s.wire())),
                        now);
            } catch (org.jsctp.core.packet.DecodeException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void mixingTheTwoTakesGivesTheSamePacketsInTheSameOrderCountedTheSame() {
        EstablishedSimPair byPoll = EstablishedSimPair.establish(config, config, SEED);
        EstablishedSimPair mixed = EstablishedSimPair.establish(config, config, SEED);
        long now = byPoll.net().now();
        assertThat(mixed.net().now()).isEqualTo(now);
        List<Snapshot> expected = new ArrayList<>();
        List<Snapshot> actual = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            now += MS;
            offer(byPoll, 3, 1000, now);
            offer(mixed, 3, 1000, now);
            List<Snapshot> dataByPoll = pollAll(byPoll.peer());
            List<Snapshot> dataMixed = takeMixed(mixed.peer());
            expected.addAll(dataByPoll);
            actual.addAll(dataMixed);
            // The receivers acknowledge (RFC 9260 section 6.2); their SACKs are taken the same two ways.
            deliver(dataByPoll, byPoll.target(), now);
            deliver(dataMixed, mixed.target(), now);
            List<Snapshot> sacksByPoll = pollAll(byPoll.target());
            List<Snapshot> sacksMixed = takeMixed(mixed.target());
            expected.addAll(sacksByPoll);
            actual.addAll(sacksMixed);
            deliver(sacksByPoll, byPoll.peer(), now);
            deliver(sacksMixed, mixed.peer(), now);
            expected.addAll(pollAll(byPoll.peer()));
            actual.addAll(takeMixed(mixed.peer()));
        }
        assertThat(expected).as("DATA and SACK packets were taken").hasSizeGreaterThan(15)
                .anyMatch(s -> s.chunks().stream().anyMatch(c -> c instanceof SackChunk))
                .anyMatch(s -> s.chunks().stream().anyMatch(c -> c instanceof DataChunk));
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(mixed.peer().statistics()).isEqualTo(byPoll.peer().statistics());
        assertThat(mixed.target().statistics()).isEqualTo(byPoll.target().statistics());
    }

    @Test
    void eachPacketTakenBySinkIsCountedAsSent() {
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, SEED);
        AssociationStatistics before = pair.peer().statistics();
        offer(pair, 3, 500, pair.net().now() + MS);
        int[] taken = {0};
        while (pair.peer().transmitNext(p -> taken[0]++)) {
            // counted by the sink
        }
        AssociationStatistics after = pair.peer().statistics();
        assertThat(taken[0]).isEqualTo(3);
        assertThat(after.packetsSent() - before.packetsSent()).isEqualTo(3);
        assertThat(after.dataChunksSent() - before.dataChunksSent()).isEqualTo(3);
        assertThat(after.userBytesSent() - before.userBytesSent()).isEqualTo(1500);
        assertThat(pair.peer().transmitNext(p -> taken[0]++)).as("nothing left").isFalse();
        assertThat(taken[0]).isEqualTo(3);
    }

    @Test
    void aSlotReusedAfterTheSinkReturnsLeavesAnEarlierPollTransmitRecordAlone() {
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, SEED);
        long now = pair.net().now() + MS;
        pair.peer().send(message(300, 1), now);
        OutgoingPacket record = pair.peer().pollTransmit(); // its slot goes back to the spares
        Snapshot asTaken = Snapshot.of(record);
        for (int i = 0; i < 3; i++) {
            pair.peer().send(message(700, 2 + i), now); // reuses the slot of the record, then the others
            assertThat(pair.peer().transmitNext(p -> assertThat(p.chunks()).isNotEqualTo(asTaken.chunks())))
                    .isTrue();
        }
        assertThat(Snapshot.of(record)).isEqualTo(asTaken);
        assertThat(((DataChunk) record.chunks().get(0)).userData().length()).isEqualTo(300);
    }

    @Test
    void theViewHandedToTheSinkIsReadOnly() {
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, SEED);
        pair.peer().send(message(100, 1), pair.net().now() + MS);
        List<RuntimeException> refused = new ArrayList<>();
        pair.peer().transmitNext(p -> {
            try {
                p.chunks().clear();
            } catch (UnsupportedOperationException e) {
                refused.add(e);
            }
        });
        assertThat(refused).hasSize(1);
    }

    @Test
    void aBurstLargerThanTheQueuesFirstRoomComesOutWholeAndInOrder() {
        EstablishedSimPair byPoll = EstablishedSimPair.establish(config, config, SEED);
        EstablishedSimPair bySink = EstablishedSimPair.establish(config, config, SEED);
        long now = byPoll.net().now();
        int burst = 13; // more than the queue's first room for 4 packets
        for (int round = 0; round < 2; round++) { // the second burst reuses the room the first made
            now += MS;
            offer(byPoll, burst, 100, now);
            offer(bySink, burst, 100, now);
            List<Snapshot> expected = pollAll(byPoll.peer());
            List<Snapshot> actual = new ArrayList<>();
            while (bySink.peer().transmitNext(p -> actual.add(Snapshot.of(p)))) {
                // collected by the sink
            }
            assertThat(expected).hasSize(burst);
            assertThat(actual).containsExactlyElementsOf(expected);
            List<Long> tsns = actual.stream().map(s -> ((DataChunk) s.chunks().get(0)).tsn().unsigned()).toList();
            for (int i = 1; i < tsns.size(); i++) {
                assertThat(tsns.get(i)).isEqualTo((tsns.get(i - 1) + 1) & 0xFFFF_FFFFL); // RFC 1982 wrap
            }
            deliver(actual, bySink.target(), now);
            deliver(expected, byPoll.target(), now);
            deliver(pollAll(byPoll.target()), byPoll.peer(), now);
            deliver(pollAll(bySink.target()), bySink.peer(), now);
            pollAll(byPoll.peer());
            pollAll(bySink.peer());
        }
        assertThat(bySink.peer().statistics()).isEqualTo(byPoll.peer().statistics());
    }

    @Test
    void hasPacketToSendCountsPacketsButNotEvents() {
        // A delayed SACK (RFC 9260 section 6.2): the receiver has the message to deliver but no packet.
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, SEED);
        long now = pair.net().now() + MS;
        assertThat(pair.peer().hasPacketToSend()).isFalse();
        offer(pair, 1, 100, now);
        assertThat(pair.peer().hasPacketToSend()).isTrue();
        deliver(pollAll(pair.peer()), pair.target(), now);
        assertThat(pair.peer().hasPacketToSend()).isFalse();
        assertThat(pair.target().hasOutput()).as("the message waits as an event").isTrue();
        assertThat(pair.target().hasPacketToSend()).as("the SACK waits for its timer").isFalse();
    }

    @Test
    void aSinkThatThrowsLosesOnlyItsPacketAndTheQueueGoesOn() {
        EstablishedSimPair pair = EstablishedSimPair.establish(config, config, SEED);
        offer(pair, 2, 200, pair.net().now() + MS);
        assertThatThrownBy(() -> pair.peer().transmitNext(p -> {
            throw new IllegalStateException("encoder failed");
        })).isInstanceOf(IllegalStateException.class);
        List<Snapshot> rest = new ArrayList<>();
        while (pair.peer().transmitNext(p -> rest.add(Snapshot.of(p)))) {
            // the second packet
        }
        assertThat(rest).hasSize(1);
        assertThat(((DataChunk) rest.get(0).chunks().get(0)).userData().length()).isEqualTo(200);
        assertThat(pair.peer().hasOutput()).isFalse();
    }
}
