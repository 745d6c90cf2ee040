package org.jsctp.core.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk transfer in virtual time: the window's trajectory over round trips. */
class RenoFlowScenarioTest {

    private static final int MTU = 1200;
    private static final long SSTHRESH = 64 * MTU;      // 76800, as if the peer's a_rwnd
    private static final long RTT = 100_000_000L;       // 100 ms of virtual time
    private static final int NEAR_WRAP = 0xFFFF_FFF0;   // the flow's TSNs cross 2^32 in the first round trips

    private static RenoCongestionController reno() {
        return new RenoCongestionController(RenoConfig.defaults(MTU), SSTHRESH);
    }

    private static long cwnd(List<AckClockedFlow.Round> rounds, int index) {
        assertThat(rounds.get(index).index()).isEqualTo(index);
        return rounds.get(index).cwnd();
    }

    @Test
    void slowStartDoublesTheWindowEveryRoundTripUntilSsthresh() {
        List<AckClockedFlow.Round> rounds = new AckClockedFlow(reno(), NEAR_WRAP, RTT).run(5);
        // each round acknowledges the whole previous flight, which the sender filled to cwnd or just past it
        assertThat(rounds).extracting(AckClockedFlow.Round::cwnd)
                .containsExactly(4404L, 4404L + 4 * MTU, 9204L + 8 * MTU, 18804L + 16 * MTU, 38004L + 32 * MTU, 77604L);
        assertThat(cwnd(rounds, 4)).isLessThanOrEqualTo(SSTHRESH);
        assertThat(cwnd(rounds, 5)).as("the first SACK past ssthresh switched to congestion avoidance")
                .isGreaterThan(SSTHRESH).isLessThan(2 * cwnd(rounds, 4));
    }

    @Test
    void aboveSsthreshTheWindowGrowsByOneMtuPerRoundTrip() {
        List<AckClockedFlow.Round> rounds = new AckClockedFlow(reno(), NEAR_WRAP, RTT).run(40);
        for (int k = 5; k < 40; k++) {
            assertThat(cwnd(rounds, k + 1) - cwnd(rounds, k)).as("round %d", k + 1).isEqualTo(MTU);
        }
    }

    @Test
    void aSingleLossHalvesTheWindowOnceAndGrowthResumesLinearly() {
        AckClockedFlow flow = new AckClockedFlow(reno(), NEAR_WRAP, RTT).losing(12);
        List<AckClockedFlow.Round> rounds = flow.run(30);

        assertThat(flow.reductions()).isEqualTo(1);
        assertThat(flow.lastReductionRound()).as("the third miss indication arrives one RTT after the loss").isEqualTo(13);
        assertThat(flow.cwndBeforeLastReduction()).isEqualTo(86004);
        assertThat(rounds.get(13).cwnd()).isEqualTo(43002);
        assertThat(rounds.get(13).ssthresh()).isEqualTo(43002);
        assertThat(rounds.get(13).inFastRecovery()).isTrue();

        assertThat(flow.lastRecoveryExitRound()).as("the retransmission is acknowledged one RTT later").isEqualTo(14);
        assertThat(rounds.get(14).inFastRecovery()).isFalse();
        for (int k = 13; k < 30; k++) {
            assertThat(cwnd(rounds, k + 1) - cwnd(rounds, k)).as("round %d", k + 1).isEqualTo(MTU);
        }
        assertThat(rounds.subList(13, 31)).allSatisfy(r -> assertThat(r.ssthresh()).isEqualTo(43002));
    }

    @Test
    void twoLossesInOneWindowReduceItOnlyOnce() {
        AckClockedFlow flow = new AckClockedFlow(reno(), 7, RTT).losing(12, 3);
        List<AckClockedFlow.Round> rounds = flow.run(30);

        assertThat(flow.fastRetransmitCalls()).isEqualTo(2);
        assertThat(flow.reductions()).isEqualTo(1);
        assertThat(rounds.get(13).cwnd()).isEqualTo(43002);
        assertThat(rounds.get(30).cwnd()).isEqualTo(43002 + 17 * MTU);
    }

    @Test
    void lossesInSuccessiveWindowsReduceTheWindowEachTime() {
        AckClockedFlow flow = new AckClockedFlow(reno(), NEAR_WRAP, RTT).losing(12).losingAlso(20);
        List<AckClockedFlow.Round> rounds = flow.run(30);

        assertThat(flow.reductions()).isEqualTo(2);
        assertThat(rounds.get(13).cwnd()).isEqualTo(43002);
        long before = cwnd(rounds, 20);
        assertThat(cwnd(rounds, 21)).isEqualTo(before / 2);
    }

    @Test
    void aJumboPathStartsWithTwoPacketsAndDoublesToo() {
        RenoCongestionController cc = new RenoCongestionController(RenoConfig.defaults(9000), 1L << 30);
        List<AckClockedFlow.Round> rounds = new AckClockedFlow(cc, 0, RTT).run(4);
        assertThat(rounds).extracting(AckClockedFlow.Round::cwnd).containsExactly(18000L, 36000L, 72000L, 144000L, 288000L);
    }
}
