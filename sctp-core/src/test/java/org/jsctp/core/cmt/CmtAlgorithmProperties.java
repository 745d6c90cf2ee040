package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.path.PathState;
import org.jsctp.core.seq.Tsn;

/** CUC and the scheduler over random inputs (draft-tuexen-tsvwg-sctp-multipath sections 3, 3.2). */
class CmtAlgorithmProperties {

    @Property(tries = 300)
    void aPathMayGrowExactlyWhenTheSackAcksItsLowestUnackedTsnOfOneKind(
            @ForAll int tsnBase, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 60) int chunks, @ForAll @IntRange(min = 1, max = 4) int paths) {
        SplittableRandom random = new SplittableRandom(seed);
        SackScript s = new SackScript(tsnBase);
        for (int n = 0; n < chunks; n++) {
            s.send(n, random.nextInt(paths));
        }
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < chunks; n++) {
            order.add(n);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        for (int i = 0; i < order.size(); ) {
            int batch = Math.min(1 + random.nextInt(4), order.size() - i);
            int[] acked = order.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray();
            i += batch;
            if (random.nextInt(4) == 0 && i < order.size()) {
                int n = order.get(i);
                s.retransmit(n, random.nextInt(paths)); // a later chunk is retransmitted, maybe elsewhere
            }
            SackDigest sack = s.sack(acked);
            Map<Integer, PathCwndUpdate> updates = CwndUpdateForChangeover.updates(sack);
            for (int p = 0; p < paths; p++) {
                boolean expected = acksLowest(sack, p, false) || acksLowest(sack, p, true);
                PathCwndUpdate u = updates.getOrDefault(p, PathCwndUpdate.none(p));
                assertThat(u.mayIncrease()).as("path %d", p).isEqualTo(expected);
                final int path = p;
                long bytes = sack.newlyAcked().stream().filter(c -> c.pathId() == path).mapToLong(SentChunk::bytes).sum();
                assertThat(u.ackedBytes()).isEqualTo(bytes);
            }
        }
    }

    /** Whether the lowest unacked TSN of path {@code p} among chunks of that kind was newly acked. */
    private static boolean acksLowest(SackDigest sack, int p, boolean retransmitted) {
        Tsn lowest = null;
        boolean lowestAcked = false;
        for (List<SentChunk> list : List.of(sack.newlyAcked(), sack.stillOutstanding())) {
            for (SentChunk c : list) {
                if (c.pathId() == p && c.retransmitted() == retransmitted
                        && (lowest == null || c.tsn().isBefore(lowest))) {
                    lowest = c.tsn();
                    lowestAcked = list == sack.newlyAcked();
                }
            }
        }
        return lowestAcked;
    }

    @Property(tries = 300)
    void newDataGoesOnlyToUsablePathsWithRoomAndTurnsAreFair(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 6) int pathCount) {
        SplittableRandom random = new SplittableRandom(seed);
        PathState[] states = PathState.values();
        List<CmtPathSnapshot> paths = new ArrayList<>();
        for (int p = 0; p < pathCount; p++) {
            long cwnd = 1200L * (1 + random.nextInt(8));
            paths.add(new CmtPathSnapshot(p * 3 + random.nextInt(3), cwnd, 0, cwnd, states[random.nextInt(states.length)],
                    1200, random.nextInt(4)));
        }
        boolean anyActive = paths.stream().anyMatch(p -> p.state() == PathState.ACTIVE);
        CmtScheduler scheduler = new CmtScheduler();
        Map<Integer, Integer> given = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            OptionalInt chosen = scheduler.nextPathForNewData(paths);
            if (chosen.isEmpty()) {
                break;
            }
            int index = indexOf(paths, chosen.getAsInt());
            CmtPathSnapshot p = paths.get(index);
            assertThat(p.hasCwndRoom()).isTrue();
            assertThat(p.state()).isNotEqualTo(PathState.UNCONFIRMED);
            if (anyActive) {
                assertThat(p.state()).isEqualTo(PathState.ACTIVE);
                // Round robin: no active path with room was passed over twice in a row.
                for (CmtPathSnapshot other : paths) {
                    if (other.state() == PathState.ACTIVE && other.hasCwndRoom()) {
                        assertThat(given.getOrDefault(p.pathId(), 0))
                                .isLessThanOrEqualTo(given.getOrDefault(other.pathId(), 0));
                    }
                }
            }
            given.merge(p.pathId(), 1, Integer::sum);
            paths.set(index, p.withFlightSize(p.flightSize() + 1200));
        }
        // Stopped only when no candidate had room left.
        assertThat(scheduler.nextPathForNewData(paths)).isEmpty();
    }

    private static int indexOf(List<CmtPathSnapshot> paths, int pathId) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).pathId() == pathId) {
                return i;
            }
        }
        throw new AssertionError("no path " + pathId);
    }
}
