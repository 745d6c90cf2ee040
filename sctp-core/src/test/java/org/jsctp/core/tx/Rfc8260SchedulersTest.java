package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.junit.jupiter.api.Test;

/** The schedulers of RFC 8260 sections 3.3 to 3.6, alone and behind a {@link SendQueue}. */
class Rfc8260SchedulersTest {

    private static final int FRAGMENT = 1200;

    // ---------------------------------------------------------------- 3.3 round robin per packet

    @Test
    void roundRobinPerPacketKeepsOneStreamForAWholePacketAndMovesOnWithTheNext() {
        RoundRobinPerPacketScheduler s = new RoundRobinPerPacketScheduler();
        s.streamActivated(4, 0, 10);
        s.streamActivated(7, 1, 10);
        s.streamActivated(1, 2, 10);
        assertThat(List.of(s.select(), s.select(), s.select())).containsOnly(4);
        s.packetCompleted();
        assertThat(List.of(s.select(), s.select())).containsOnly(7);
        s.packetCompleted();
        assertThat(s.peek()).isEqualTo(1);
        assertThat(s.select()).isEqualTo(1);
        s.packetCompleted();
        assertThat(s.select()).isEqualTo(4);
        s.checkInvariants();
    }

    @Test
    void roundRobinPerPacketClosesThePacketWhenItsStreamRunsOut() {
        RoundRobinPerPacketScheduler s = new RoundRobinPerPacketScheduler();
        s.streamActivated(4, 0, 10);
        s.streamActivated(7, 1, 10);
        assertThat(s.select()).isEqualTo(4);
        assertThat(s.closesPacket()).isFalse();
        s.streamDeactivated(4);
        assertThat(s.closesPacket()).isTrue();
        s.packetCompleted();
        assertThat(s.closesPacket()).isFalse();
        assertThat(s.select()).isEqualTo(7);
    }

    @Test
    void roundRobinPerPacketEndsAPacketThatBeganWithTheRestOfADataMessageWhenTheMessageEnds() {
        RoundRobinPerPacketScheduler s = new RoundRobinPerPacketScheduler();
        s.streamActivated(4, 0, 3000);
        s.streamActivated(7, 1, 10);
        assertThat(s.select()).isEqualTo(4);
        s.produced(4, 1400, false);
        s.packetCompleted();
        s.produced(4, 1400, false); // the queue continues the message without asking
        assertThat(s.closesPacket()).isFalse();
        s.produced(4, 200, true);
        assertThat(s.closesPacket()).isTrue();
        s.packetCompleted();
        assertThat(s.select()).isEqualTo(7);
        s.checkInvariants();
    }

    @Test
    void roundRobinPerPacketBehindTheQueueFillsEachPacketFromOneStreamOnly() {
        SendQueue q = new SendQueue(8, 1_000_000, new RoundRobinPerPacketScheduler());
        for (int i = 0; i < 6; i++) {
            offer(q, 1, 100);
            offer(q, 2, 100);
        }
        offer(q, 3, 50);
        for (boolean interleaved : new boolean[] {false, true}) {
            // three "packets" of room for ten 100-byte messages each
            List<List<Integer>> packets = new ArrayList<>();
            for (int p = 0; p < 3 && !q.isEmpty(); p++) {
                List<Integer> streams = new ArrayList<>();
                for (int c = 0; c < 10 && !q.isEmpty() && (streams.isEmpty() || !q.schedulerClosesPacket()); c++) {
                    streams.add(q.produce(0, FRAGMENT, interleaved).streamId());
                }
                q.packetCompleted();
                packets.add(streams);
                q.checkInvariants();
            }
            assertThat(packets).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(0).containsOnly(p.get(0)));
            assertThat(packets.stream().map(p -> p.get(0)).toList()).doesNotHaveDuplicates();
            for (int i = 0; i < 6; i++) { // refill for the I-DATA round
                offer(q, 1, 100);
                offer(q, 2, 100);
            }
            offer(q, 3, 50);
        }
    }

    // ---------------------------------------------------------------- 3.4 priority

    @Test
    void priorityServesTheLowestValueFirstAndEqualValuesInTurn() {
        PriorityScheduler s = new PriorityScheduler();
        s.setStreamValue(1, 5);
        s.setStreamValue(2, 1);
        s.setStreamValue(3, 1);
        s.setStreamValue(4, 9);
        for (int id = 1; id <= 4; id++) {
            s.streamActivated(id, id, 10);
        }
        assertThat(List.of(s.select(), s.select(), s.select(), s.select())).containsExactly(2, 3, 2, 3);
        s.streamDeactivated(2);
        assertThat(s.select()).isEqualTo(3);
        s.streamDeactivated(3);
        assertThat(List.of(s.select(), s.select())).containsExactly(1, 1);
        s.streamDeactivated(1);
        assertThat(s.select()).isEqualTo(4);
        s.checkInvariants();
    }

    @Test
    void aStreamWithoutAPriorityHasTheHighestAndAChangeTakesEffectOnAnActiveStream() {
        PriorityScheduler s = new PriorityScheduler();
        s.setStreamValue(1, 3);
        s.streamActivated(1, 0, 10);
        s.streamActivated(2, 1, 10);
        assertThat(s.priorityOf(2)).isEqualTo(PriorityScheduler.DEFAULT_PRIORITY);
        assertThat(s.select()).isEqualTo(2);
        s.setStreamValue(2, 4);
        assertThat(s.select()).isEqualTo(1);
        s.checkInvariants();
        s.clear();
        assertThat(s.priorityOf(1)).isEqualTo(3); // values are configuration, not queue state
    }

    @Test
    void priorityBehindTheQueueSendsWholeMessagesWithDataAndPreemptsBetweenFragmentsWithIData() {
        for (boolean interleaved : new boolean[] {false, true}) {
            PriorityScheduler s = new PriorityScheduler();
            s.setStreamValue(1, 10);
            SendQueue q = new SendQueue(8, 1_000_000, s);
            offer(q, 1, 3 * FRAGMENT);
            OutgoingFragment first = q.produce(0, FRAGMENT, interleaved);
            assertThat(first.streamId()).isEqualTo(1);
            offer(q, 2, 2 * FRAGMENT); // more urgent, arrives while stream 1's message is under way
            List<Integer> rest = drain(q, interleaved);
            assertThat(rest).containsExactlyElementsOf(interleaved ? List.of(2, 2, 1, 1) : List.of(1, 1, 2, 2));
        }
    }

    // ---------------------------------------------------------------- 3.5 and 3.6 fair queueing

    @Test
    void fairBandwidthGivesEqualByteSharesWhateverTheMessageSizes() {
        for (boolean interleaved : new boolean[] {false, true}) {
            long[] bytes = backloggedRun(new FairBandwidthScheduler(), new int[] {1, 2, 3},
                    new int[] {300, 1200, 5000}, interleaved, 3_000);
            double total = bytes[1] + bytes[2] + bytes[3];
            for (int id = 1; id <= 3; id++) {
                assertThat(bytes[id] / total).as("share of stream %d, I-DATA %b", id, interleaved)
                        .isCloseTo(1.0 / 3, within(0.05 / 3));
            }
        }
    }

    @Test
    void weightedFairQueueingGivesByteSharesInProportionToTheWeights() {
        for (boolean interleaved : new boolean[] {false, true}) {
            WeightedFairScheduler s = new WeightedFairScheduler();
            s.setStreamValue(1, 1);
            s.setStreamValue(2, 2);
            s.setStreamValue(3, 4);
            long[] bytes = backloggedRun(s, new int[] {1, 2, 3}, new int[] {1000, 1000, 1000}, interleaved, 7_000);
            double total = bytes[1] + bytes[2] + bytes[3];
            double[] expected = {0, 1.0 / 7, 2.0 / 7, 4.0 / 7};
            for (int id = 1; id <= 3; id++) {
                assertThat(bytes[id] / total).as("share of stream %d, I-DATA %b", id, interleaved)
                        .isCloseTo(expected[id], within(expected[id] * 0.05));
            }
        }
    }

    @Test
    void weightedFairQueueingHoldsItsSharesAcrossTheWrapOfTheVirtualClock() {
        WeightedFairScheduler s = new WeightedFairScheduler();
        s.setVirtualTime(Long.MAX_VALUE - 1_000_000L);
        s.setStreamValue(1, 1);
        s.setStreamValue(2, 3);
        long[] bytes = backloggedRun(s, new int[] {1, 2}, new int[] {1000, 1000}, true, 4_000);
        assertThat((double) bytes[2] / bytes[1]).isCloseTo(3.0, within(0.15));
    }

    @Test
    void anIdleStreamGetsNoCreditForTheTimeItHadNothingToSend() {
        FairBandwidthScheduler s = new FairBandwidthScheduler();
        SendQueue q = new SendQueue(8, 10_000_000, s);
        for (int i = 0; i < 50; i++) {
            offer(q, 1, FRAGMENT);
        }
        for (int i = 0; i < 40; i++) {
            q.produce(0, FRAGMENT, true);
        }
        for (int i = 0; i < 10; i++) {
            offer(q, 2, FRAGMENT);
        }
        List<Integer> next = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            next.add(q.produce(0, FRAGMENT, true).streamId());
        }
        // turns alternate from the start: stream 2 does not get 40 fragments in a row
        assertThat(next.stream().filter(id -> id == 1).count()).isBetween(3L, 5L);
    }

    @Test
    void aWeightOfZeroOrAValueOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new WeightedFairScheduler().setStreamValue(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriorityScheduler().setStreamValue(1, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriorityScheduler().setStreamValue(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamSchedulerValues(StreamSchedulerKind.FCFS).set(70_000, 1))
                .isInstanceOf(IllegalArgumentException.class);
        StreamSchedulerValues values = new StreamSchedulerValues(StreamSchedulerKind.WFQ);
        assertThatThrownBy(() -> values.set(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(values.get(3)).isEqualTo(WeightedFairScheduler.DEFAULT_WEIGHT);
    }

    @Test
    void eachKindBuildsItsSchedulerWithTheValuesSetBeforehand() {
        for (StreamSchedulerKind kind : StreamSchedulerKind.values()) {
            StreamSchedulerValues values = new StreamSchedulerValues(kind);
            values.set(2, 7);
            StreamScheduler s = values.newScheduler();
            assertThat(s.activeStreamCount()).isZero();
            assertThat(values.get(2)).isEqualTo(7);
            if (s instanceof PriorityScheduler p) {
                assertThat(p.priorityOf(2)).isEqualTo(7);
            }
            if (s instanceof WeightedFairScheduler w) {
                assertThat(w.weightOf(2)).isEqualTo(7);
            }
        }
        assertThat(StreamSchedulerKind.FCFS.create()).isInstanceOf(FcfsScheduler.class);
        assertThat(StreamSchedulerKind.RRP.create()).isInstanceOf(RoundRobinPerPacketScheduler.class);
    }

    // ---------------------------------------------------------------- helpers

    /** Keeps every stream backlogged with messages of its size and counts the bytes each gets. */
    private static long[] backloggedRun(StreamScheduler s, int[] streams, int[] sizes, boolean interleaved,
                                        int fragments) {
        SendQueue q = new SendQueue(8, 100_000_000, s);
        int[] queued = new int[8];
        long[] bytes = new long[8];
        for (int f = 0; f < fragments; f++) {
            for (int i = 0; i < streams.length; i++) {
                while (queued[streams[i]] < 3) {
                    offer(q, streams[i], sizes[i]);
                    queued[streams[i]]++;
                }
            }
            OutgoingFragment frag = q.produce(0, FRAGMENT, interleaved);
            bytes[frag.streamId()] += frag.payload().length();
            if (frag.ending()) {
                queued[frag.streamId()]--;
            }
        }
        q.checkInvariants();
        return bytes;
    }

    private static List<Integer> drain(SendQueue q, boolean interleaved) {
        List<Integer> order = new ArrayList<>();
        OutgoingFragment f;
        while ((f = q.produce(0, FRAGMENT, interleaved)) != null) {
            order.add(f.streamId());
        }
        return order;
    }

    private static void offer(SendQueue q, int stream, int size) {
        assertThat(q.offer(OutgoingMessage.of(stream, 0, false, Bytes.wrap(new byte[size])), 0))
                .isEqualTo(SendQueue.OfferResult.ACCEPTED);
    }
}
