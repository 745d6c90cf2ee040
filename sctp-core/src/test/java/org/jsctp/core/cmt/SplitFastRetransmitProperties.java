package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jsctp.core.seq.Tsn;

/**
 * SFR and DAC (draft-tuexen-tsvwg-sctp-multipath sections 3.1 and 3.3) over random ack patterns:
 * random paths per TSN, random arrival orders and losses, random SACK batches, TSNs anywhere in
 * the serial space (so across the wrap too).
 */
class SplitFastRetransmitProperties {

    @Property(tries = 400)
    void noReportIsAtOrAboveThePathsHighestNewlyAckedAndEveryChunkBelowItIsReported(
            @ForAll int tsnBase, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 80) int chunks, @ForAll @IntRange(min = 1, max = 4) int paths) {
        SplittableRandom random = new SplittableRandom(seed);
        SackScript s = new SackScript(tsnBase);
        for (int n = 0; n < chunks; n++) {
            s.send(n, random.nextInt(paths));
        }
        List<Integer> arrivals = new ArrayList<>();
        for (int n = 0; n < chunks; n++) {
            if (random.nextInt(5) != 0) { // one in five lost
                arrivals.add(n);
            }
        }
        Collections.shuffle(arrivals, new java.util.Random(random.nextLong()));
        int i = 0;
        while (i < arrivals.size()) {
            int batch = Math.min(1 + random.nextInt(3), arrivals.size() - i);
            int[] acked = arrivals.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray();
            i += batch;
            SackDigest sack = s.sackWithDac(random.nextInt(DacFlags.MAX_PACKET_COUNT + 1), acked);
            Map<Integer, Tsn> highest = SplitFastRetransmit.highestNewlyAckedPerPath(sack);
            List<MissingReport> reports = SplitFastRetransmit.missingReports(sack);
            for (MissingReport r : reports) {
                assertThat(highest).containsKey(r.pathId());
                assertThat(r.tsn().isBefore(highest.get(r.pathId())))
                        .as("report for %s on path %d, highest there %s", r.tsn(), r.pathId(), highest.get(r.pathId()))
                        .isTrue();
                assertThat(r.count()).isEqualTo(1);
            }
            long expected = sack.stillOutstanding().stream()
                    .filter(c -> highest.containsKey(c.pathId()) && c.tsn().isBefore(highest.get(c.pathId())))
                    .count();
            assertThat(reports).hasSize((int) expected);
            for (MissingReport r : DelayedAckForCmt.apply(sack, reports)) {
                assertThat(r.count()).isBetween(1, Math.max(1, sack.dacPacketCount()));
            }
        }
    }

    @Property(tries = 400)
    void reorderingAcrossPathsAloneNeverGivesAMissingReport(
            @ForAll int tsnBase, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 80) int chunks, @ForAll @IntRange(min = 2, max = 4) int paths) {
        SplittableRandom random = new SplittableRandom(seed);
        SackScript s = new SackScript(tsnBase);
        List<ArrayDeque<Integer>> onPath = sendRandomly(s, random, chunks, paths);
        // Each path delivers in order, nothing is lost; the paths interleave at random (different RTTs).
        List<Integer> arrivals = interleave(onPath, random);
        for (int i = 0; i < arrivals.size(); ) {
            int batch = Math.min(1 + random.nextInt(2), arrivals.size() - i);
            int[] acked = arrivals.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray();
            i += batch;
            assertThat(DelayedAckForCmt.missingReports(s.sackWithDac(batch, acked))).isEmpty();
        }
    }

    @Property(tries = 400)
    void aTrulyLostTsnIsEventuallyMarkedForFastRetransmit(
            @ForAll int tsnBase, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 60) int chunks, @ForAll @IntRange(min = 1, max = 4) int paths,
            @ForAll boolean delayedSacks) {
        SplittableRandom random = new SplittableRandom(seed);
        SackScript s = new SackScript(tsnBase);
        List<ArrayDeque<Integer>> onPath = sendRandomly(s, random, chunks, paths);
        int lost = random.nextInt(chunks);
        int lostPath = -1;
        for (int p = 0; p < paths; p++) {
            if (onPath.get(p).remove(lost)) {
                lostPath = p;
            }
        }
        // Three more chunks on the lost chunk's path follow it (as a flow with data to send has).
        for (int n = chunks; n < chunks + 3; n++) {
            s.send(n, lostPath);
            onPath.get(lostPath).add(n);
        }
        List<Integer> arrivals = interleave(onPath, random);
        for (int i = 0; i < arrivals.size(); ) {
            // Without DAC one packet per SACK; with delayed SACKs one or two, and DAC counts them.
            int batch = delayedSacks ? Math.min(1 + random.nextInt(2), arrivals.size() - i) : 1;
            int[] acked = arrivals.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray();
            i += batch;
            s.count(DelayedAckForCmt.missingReports(s.sackWithDac(delayedSacks ? batch : 0, acked)));
        }
        assertThat(s.marked()).as("marked for fast retransmit").containsExactly(lost);
    }

    private static List<ArrayDeque<Integer>> sendRandomly(SackScript s, SplittableRandom random, int chunks,
                                                          int paths) {
        List<ArrayDeque<Integer>> onPath = new ArrayList<>();
        for (int p = 0; p < paths; p++) {
            onPath.add(new ArrayDeque<>());
        }
        for (int n = 0; n < chunks; n++) {
            int p = random.nextInt(paths);
            s.send(n, p);
            onPath.get(p).add(n);
        }
        return onPath;
    }

    private static List<Integer> interleave(List<ArrayDeque<Integer>> onPath, SplittableRandom random) {
        List<Integer> arrivals = new ArrayList<>();
        List<ArrayDeque<Integer>> left = new ArrayList<>(onPath);
        left.removeIf(ArrayDeque::isEmpty);
        while (!left.isEmpty()) {
            ArrayDeque<Integer> q = left.get(random.nextInt(left.size()));
            arrivals.add(q.poll());
            if (q.isEmpty()) {
                left.remove(q);
            }
        }
        return arrivals;
    }
}
