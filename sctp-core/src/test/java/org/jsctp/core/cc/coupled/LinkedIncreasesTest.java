package org.jsctp.core.cc.coupled;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** The linked increases of RFC 6356 section 3 with numbers worked out by hand. */
class LinkedIncreasesTest {

    private static final int MTU = 1000;
    private static final long MS = 1_000_000L;

    @Test
    void equalRttsGiveEachPathAlphaTimesItsPartOfTheTotal() {
        // alpha = 40000 * 30000 / 40000^2 = 0.75; path 0: 0.75 * 10000 / 40000 = 0.1875 MTU, path 1: 0.5625 MTU
        PathTable t = PathTable.of(new long[] {10_000, 30_000}, new long[] {1, 1}, new long[] {10 * MS, 10 * MS});
        LinkedIncreases rule = new LinkedIncreases(t.paths);
        assertThat(rule.congestionAvoidanceIncrease(10_000, 1, MTU, MTU)).isEqualTo(187);
        assertThat(rule.congestionAvoidanceIncrease(30_000, 1, MTU, MTU)).isEqualTo(562);
    }

    @Test
    void differentRttsWeighAlphaByRtt() {
        // in ms: max(cwnd / rtt^2) = 10000 / 100 = 100 (path 0), sum(cwnd / rtt) = 1000 + 500 = 1500,
        // alpha = 30000 * 100 / 1500^2 = 4/3; path 0: 4/3 * 10000 / 30000 = 0.444 MTU, path 1: 0.888 MTU
        PathTable t = PathTable.of(new long[] {10_000, 20_000}, new long[] {1, 1}, new long[] {10 * MS, 40 * MS});
        LinkedIncreases rule = new LinkedIncreases(t.paths);
        assertThat(rule.congestionAvoidanceIncrease(10_000, 1, MTU, MTU)).isEqualTo(444);
        assertThat(rule.congestionAvoidanceIncrease(20_000, 1, MTU, MTU)).isEqualTo(888);
    }

    @Test
    void noPathGrowsFasterThanRenoWouldOnIt() {
        // alpha = 102000 * 20 / 1200^2 = 1.4167 (ms units); path 1: 1.4167 * 100000 / 102000 = 1.39 > 1: capped at one MTU
        PathTable t = PathTable.of(new long[] {2_000, 100_000}, new long[] {1, 1}, new long[] {10 * MS, 100 * MS});
        LinkedIncreases rule = new LinkedIncreases(t.paths);
        assertThat(rule.congestionAvoidanceIncrease(100_000, 1, MTU, MTU)).isEqualTo(MTU);
        // path 0: 1.4167 * 2000 / 102000 = 0.0278 MTU
        assertThat(rule.congestionAvoidanceIncrease(2_000, 1, MTU, MTU)).isEqualTo(27);
    }

    @Test
    void slowStartAndTheDecreaseStayRenosPerPath() {
        PathTable t = PathTable.of(new long[] {10_000, 30_000}, new long[] {1, 1}, new long[] {10 * MS, 10 * MS});
        LinkedIncreases rule = new LinkedIncreases(t.paths);
        assertThat(rule.slowStartIncrease(10_000, 50_000, 1000, MTU)).isEqualTo(1000);
        assertThat(rule.ssthreshAfterLoss(30_000, 50_000, 15_000, MTU)).isEqualTo(15_000);
    }

    @Test
    void theIncreaseIsAtLeastOneByte() {
        // path 0's share is tiny: 1000 * 1000 * 1000000 / 1001000^2 is below one byte
        PathTable t = PathTable.of(new long[] {1_000, 1_000_000}, new long[] {1, 1}, new long[] {MS, MS});
        assertThat(new LinkedIncreases(t.paths).congestionAvoidanceIncrease(1_000, 1, MTU, MTU)).isEqualTo(1);
    }

    @Test
    void aRenoControllerWithTheCouplingGrowsByTheLinkedIncreaseInCongestionAvoidance() {
        CoupledPaths paths = new CoupledPaths(p -> 10 * MS);
        long[] other = {30_000};
        RenoCongestionController c = new RenoCongestionController(RenoConfig.defaults(MTU).withInitialCwnd(10_000),
                5_000, new LinkedIncreases(paths));
        paths.add(0, c::cwnd, c::ssthresh);
        paths.add(1, () -> other[0], () -> 5_000);
        // cwnd 10000 > ssthresh 5000: congestion avoidance; a full window acknowledged while cwnd-limited
        c.onSack(0, new Tsn(10), true, 10_000, 10_000, 0);
        assertThat(c.cwnd()).isEqualTo(10_187); // 0.1875 MTU, as above
        assertThat(c.onFastRetransmit(1, new Tsn(20))).isTrue();
        assertThat(c.cwnd()).isEqualTo(5_093); // RFC 6356 section 3: Reno's halving, max(10187 / 2, 4000)
    }

    @Test
    void withOnePathTheIncreaseIsOneMtu() {
        PathTable t = PathTable.of(new long[] {77_777}, new long[] {1}, new long[] {3 * MS});
        assertThat(new LinkedIncreases(t.paths).congestionAvoidanceIncrease(77_777, 1, MTU, MTU)).isEqualTo(MTU);
    }
}
