package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * Split Fast Retransmit, draft-tuexen-tsvwg-sctp-multipath section 3.1, on the two-path scenario
 * of Iyengar et al.: path 0 fast (10 ms), path 1 slow (100 ms), TSNs sent alternately, so the
 * fast path's chunks arrive first and the receiver's SACKs show the slow path's as gaps.
 */
class SplitFastRetransmitTest {

    private static final int FAST = 0;
    private static final int SLOW = 1;

    /** TSNs 1..8 alternately on the fast path (odd) and the slow path (even). */
    private static SackScript alternating(int base) {
        SackScript s = new SackScript(base);
        for (int n = 1; n <= 8; n++) {
            s.send(n, n % 2 == 1 ? FAST : SLOW);
        }
        return s;
    }

    @Test
    void withoutSfrReorderingAcrossPathsGivesTheSlowPathsChunkThreeReportsAndASpuriousFastRetransmit() {
        SackScript s = alternating(0);
        s.count(SackScript.withoutSplit(s.sack(1)));
        s.count(SackScript.withoutSplit(s.sack(3)));
        s.count(SackScript.withoutSplit(s.sack(5)));
        // TSN 2 is merely still on the slow path, yet RFC 9260's rule has counted three misses.
        assertThat(s.count(SackScript.withoutSplit(s.sack(7)))).contains(2);
    }

    @Test
    void withSfrTheSlowPathsChunksGetNoReportFromTheFastPathsAcks() {
        SackScript s = alternating(0);
        for (int n : new int[] {1, 3, 5, 7}) {
            List<MissingReport> reports = SplitFastRetransmit.missingReports(s.sack(n));
            assertThat(reports).as("SACK of TSN %d", n).isEmpty();
            s.count(reports);
        }
        assertThat(s.marked()).isEmpty();
        // The slow path's data arrives in order; nothing is ever missing.
        for (int n : new int[] {2, 4, 6, 8}) {
            assertThat(SplitFastRetransmit.missingReports(s.sack(n))).isEmpty();
        }
    }

    @Test
    void aChunkLostOnTheFastPathIsReportedByEachLaterFastAckAndMarkedAtTheThird() {
        SackScript s = alternating(0);
        s.send(9, FAST).send(10, SLOW);
        s.count(SplitFastRetransmit.missingReports(s.sack(1)));
        // TSN 3 is lost; 5, 7, 9 come in on the fast path before the slow path's 2 arrives.
        assertThat(SplitFastRetransmit.missingReports(s.sack(5)))
                .containsExactly(new MissingReport(s.tsn(3), FAST, 1));
        s.count(List.of(new MissingReport(s.tsn(3), FAST, 1)));
        s.count(SplitFastRetransmit.missingReports(s.sack(7)));
        assertThat(s.misses(3)).isEqualTo(2);
        assertThat(s.count(SplitFastRetransmit.missingReports(s.sack(9)))).containsExactly(3);
        assertThat(s.misses(2)).as("the slow path's chunk is not blamed").isZero();
    }

    @Test
    void aSlowPathChunkIsReportedOnlyBelowTheSlowPathsOwnHighestNewlyAckedTsn() {
        SackScript s = alternating(0);
        // 2 is lost on the slow path; one SACK brings 1, 3, 5, 7 and 6 together.
        List<MissingReport> reports = SplitFastRetransmit.missingReports(s.sack(1, 3, 5, 7, 6));
        assertThat(reports).containsExactly(new MissingReport(s.tsn(2), SLOW, 1),
                new MissingReport(s.tsn(4), SLOW, 1));
        assertThat(reports).extracting(MissingReport::tsn).doesNotContain(s.tsn(8));
    }

    @Test
    void highestNewlyAckedIsKeptPerPathAndIsWrapSafe() {
        SackScript s = alternating(-4); // TSNs 2^32-3 .. 4: the wrap lies inside the flight
        Map<Integer, Tsn> highest = SplitFastRetransmit.highestNewlyAckedPerPath(s.sack(1, 3, 5, 2));
        assertThat(highest).containsOnly(Map.entry(FAST, s.tsn(5)), Map.entry(SLOW, s.tsn(2)));
        assertThat(s.tsn(5).value()).isEqualTo(1);
        assertThat(SplitFastRetransmit.missingReports(s.sack(7)))
                .as("nothing of the fast path is missing below 7").isEmpty();
    }

    @Test
    void aSackThatAcknowledgesNothingNewReportsNothing() {
        SackScript s = alternating(0);
        s.sack(1, 3);
        assertThat(SplitFastRetransmit.missingReports(s.sack(3))).isEmpty();
    }
}
