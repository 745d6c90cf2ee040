package org.jsctp.core.cc.coupled;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** CMT/RPv1 (Dreibholz et al., AINA 2010 and ConTEL 2011) with numbers worked out by hand. */
class ResourcePoolingV1Test {

    private static final int MTU = 1000;
    private static final long MS = 1_000_000L;

    /** Path 0 holds a quarter of the summed ssthresh, path 1 three quarters. */
    private static PathTable quarterAndThreeQuarters() {
        return PathTable.of(new long[] {10_000, 30_000}, new long[] {20_000, 60_000}, new long[] {10 * MS, 10 * MS});
    }

    @Test
    void slowStartGrowsEachPathByItsShareOfTheSummedSsthresh() {
        PathTable t = quarterAndThreeQuarters();
        ResourcePoolingV1 p0 = new ResourcePoolingV1(t.paths);
        // ceil(1000 * 20000 / 80000) = 250 and ceil(1000 * 60000 / 80000) = 750: one flow's 1000 in all
        assertThat(p0.slowStartIncrease(10_000, 20_000, 1000, MTU)).isEqualTo(250);
        assertThat(p0.slowStartIncrease(30_000, 60_000, 1000, MTU)).isEqualTo(750);
    }

    @Test
    void congestionAvoidanceGrowsByTheShareOfOneMtuRoundedUp() {
        PathTable t = PathTable.of(new long[] {10_000, 20_000}, new long[] {10_000, 20_000}, new long[] {MS, MS});
        ResourcePoolingV1 rule = new ResourcePoolingV1(t.paths);
        // ceil(1000 / 3) = 334 and ceil(2000 / 3) = 667
        assertThat(rule.congestionAvoidanceIncrease(10_000, 10_000, MTU, MTU)).isEqualTo(334);
        assertThat(rule.congestionAvoidanceIncrease(20_000, 20_000, MTU, MTU)).isEqualTo(667);
    }

    @Test
    void aLossTakesHalfTheAssociationsWindowFromThePathThatSawIt() {
        PathTable t = quarterAndThreeQuarters();
        ResourcePoolingV1 rule = new ResourcePoolingV1(t.paths);
        // path 1: max(30000 - 40000 / 2, ceil(4000 * 60000 / 80000), 1000) = max(10000, 3000, 1000)
        assertThat(rule.ssthreshAfterLoss(30_000, 60_000, 15_000, MTU)).isEqualTo(10_000);
        // path 0: max(10000 - 20000, ceil(4000 * 20000 / 80000), 1000) = max(-10000, 1000, 1000)
        assertThat(rule.ssthreshAfterLoss(10_000, 20_000, 5_000, MTU)).isEqualTo(1000);
    }

    @Test
    void theFloorOfALossIsThePathsShareOfFourMtus() {
        PathTable t = PathTable.of(new long[] {8_000, 40_000}, new long[] {40_000, 60_000}, new long[] {MS, MS});
        ResourcePoolingV1 rule = new ResourcePoolingV1(t.paths);
        // max(8000 - 24000, ceil(4000 * 40000 / 100000) = 1600, 1000)
        assertThat(rule.ssthreshAfterLoss(8_000, 40_000, 4_000, MTU)).isEqualTo(1600);
    }

    @Test
    void aRenoControllerWithTheCouplingUsesItOnFastRetransmitAndTimeout() {
        PathTable t = quarterAndThreeQuarters();
        CoupledPaths paths = new CoupledPaths(p -> 10 * MS);
        RenoCongestionController c = new RenoCongestionController(RenoConfig.defaults(MTU).withInitialCwnd(30_000),
                60_000, new ResourcePoolingV1(paths));
        paths.add(1, c::cwnd, c::ssthresh);
        paths.add(0, () -> t.cwnd[0], () -> t.ssthresh[0]);
        assertThat(c.onFastRetransmit(0, new Tsn(100))).isTrue();
        // as above: ssthresh = cwnd = 10000 (Reno alone would halve to 15000)
        assertThat(c.ssthresh()).isEqualTo(10_000);
        assertThat(c.cwnd()).isEqualTo(10_000);
        c.onRetransmissionTimeout(1);
        // cwnd_total = 20000, ssthresh_total = 30000: max(10000 - 10000, ceil(4000 * 10000 / 30000) = 1334, 1000)
        assertThat(c.ssthresh()).isEqualTo(1334);
        assertThat(c.cwnd()).isEqualTo(MTU); // RFC 9260 section 7.2.3: one MTU after T3-rtx, as Reno
    }

    @Test
    void withOnePathEveryRuleIsRenos() {
        PathTable t = PathTable.of(new long[] {12_345}, new long[] {50_000}, new long[] {MS});
        ResourcePoolingV1 rule = new ResourcePoolingV1(t.paths);
        assertThat(rule.slowStartIncrease(12_345, 50_000, 777, MTU)).isEqualTo(777);
        assertThat(rule.congestionAvoidanceIncrease(12_345, 50_000, MTU, MTU)).isEqualTo(MTU);
        assertThat(rule.ssthreshAfterLoss(12_345, 50_000, Math.max(12_345 / 2, 4 * MTU), MTU)).isEqualTo(6172);
        assertThat(rule.ssthreshAfterLoss(5_001, 50_000, 4 * MTU, MTU)).isEqualTo(4 * MTU);
    }
}
