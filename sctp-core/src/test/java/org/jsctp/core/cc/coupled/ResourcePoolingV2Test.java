package org.jsctp.core.cc.coupled;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CMT/RPv2 (Dreibholz et al., ConTEL 2011) with numbers worked out by hand. */
class ResourcePoolingV2Test {

    private static final int MTU = 1000;
    private static final long MS = 1_000_000L;

    /**
     * Path 0: 10000 bytes in 10 ms, 1 MB/s; path 1: 20000 bytes in 40 ms, 0.5 MB/s. Bandwidth
     * shares 2/3 and 1/3, although path 1 has twice the window (and twice the ssthresh, which
     * RPv1 would go by).
     */
    private static PathTable twoThirdsAndOneThird() {
        return PathTable.of(new long[] {10_000, 20_000}, new long[] {10_000, 20_000}, new long[] {10 * MS, 40 * MS});
    }

    @Test
    void slowStartGrowsEachPathByItsShareOfTheBandwidth() {
        PathTable t = twoThirdsAndOneThird();
        // ceil(1500 * 2 / 3) = 1000, ceil(1500 / 3) = 500
        assertThat(new ResourcePoolingV2(t.paths, 0).slowStartIncrease(10_000, 10_000, 1500, MTU)).isEqualTo(1000);
        assertThat(new ResourcePoolingV2(t.paths, 1).slowStartIncrease(20_000, 20_000, 1500, MTU)).isEqualTo(500);
    }

    @Test
    void congestionAvoidanceGrowsByTheBandwidthShareOfOneMtu() {
        PathTable t = twoThirdsAndOneThird();
        // ceil(1000 * 2 / 3) = 667, ceil(1000 / 3) = 334
        assertThat(new ResourcePoolingV2(t.paths, 0).congestionAvoidanceIncrease(10_000, 10_000, MTU, MTU))
                .isEqualTo(667);
        assertThat(new ResourcePoolingV2(t.paths, 1).congestionAvoidanceIncrease(20_000, 20_000, MTU, MTU))
                .isEqualTo(334);
    }

    @Test
    void aLossTakesHalfTheAssociationsWindowWithTheBandwidthShareOfFourMtusAsFloor() {
        PathTable t = twoThirdsAndOneThird();
        // path 0: max(10000 - 15000, ceil(4000 * 2 / 3) = 2667, 1000)
        assertThat(new ResourcePoolingV2(t.paths, 0).ssthreshAfterLoss(10_000, 10_000, 5_000, MTU)).isEqualTo(2667);
        // path 1: max(20000 - 15000, ceil(4000 / 3) = 1334, 1000)
        assertThat(new ResourcePoolingV2(t.paths, 1).ssthreshAfterLoss(20_000, 20_000, 10_000, MTU)).isEqualTo(5000);
    }

    @Test
    void whileAPathHasNoRttMeasurementTheRttsCountAsEqual() {
        PathTable t = PathTable.of(new long[] {10_000, 20_000}, new long[] {10_000, 20_000}, new long[] {10 * MS, 0});
        // shares by cwnd: ceil(1000 * 10000 / 30000) = 334
        assertThat(new ResourcePoolingV2(t.paths, 0).congestionAvoidanceIncrease(10_000, 10_000, MTU, MTU))
                .isEqualTo(334);
        t.srttNanos[1] = 40 * MS; // measured now: back to the bandwidth share
        assertThat(new ResourcePoolingV2(t.paths, 0).congestionAvoidanceIncrease(10_000, 10_000, MTU, MTU))
                .isEqualTo(667);
    }

    @Test
    void withOnePathEveryRuleIsRenos() {
        PathTable t = PathTable.of(new long[] {9_999}, new long[] {50_000}, new long[] {7 * MS});
        ResourcePoolingV2 rule = new ResourcePoolingV2(t.paths, 0);
        assertThat(rule.slowStartIncrease(9_999, 50_000, 640, MTU)).isEqualTo(640);
        assertThat(rule.congestionAvoidanceIncrease(9_999, 50_000, MTU, MTU)).isEqualTo(MTU);
        assertThat(rule.ssthreshAfterLoss(9_999, 50_000, Math.max(9_999 / 2, 4 * MTU), MTU)).isEqualTo(4999);
    }
}
