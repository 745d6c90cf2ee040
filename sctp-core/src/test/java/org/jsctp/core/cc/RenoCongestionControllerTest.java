package org.jsctp.core.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class RenoCongestionControllerTest {

    private static final int MTU = 1500;
    private static final long HIGH = 1L << 30;
    private static final long MS = 1_000_000L;
    private static final long RTO = 1000 * MS;
    private static final Tsn ANY_TSN = new Tsn(100);

    /** A controller on a 1500-byte path with the RFC defaults and the given windows. */
    private static RenoCongestionController reno(long cwnd, long ssthresh) {
        RenoCongestionController cc = new RenoCongestionController(RenoConfig.defaults(MTU).withInitialCwnd(cwnd), ssthresh);
        cc.checkInvariants();
        return cc;
    }

    /** A SACK that advances the cumulative ack by {@code acked} bytes with the window fully used before it. */
    private static void fullSack(RenoCongestionController cc, long acked) {
        long flight = cc.cwnd();
        cc.onSack(0, ANY_TSN, true, acked, flight, flight - Math.min(acked, flight) + 1);
        cc.checkInvariants();
    }

    // ---- 7.2.1 initial window

    @Test
    void theInitialWindowForA1500ByteMtuIs4404Bytes() {
        // min(4 * 1500, max(2 * 1500, 4404)) = min(6000, 4404)
        assertThat(new RenoCongestionController(RenoConfig.defaults(1500), HIGH).cwnd()).isEqualTo(4404);
    }

    @Test
    void theInitialWindowForA1200ByteMtuIs4404Bytes() {
        // min(4800, max(2400, 4404))
        assertThat(new RenoCongestionController(RenoConfig.defaults(1200), HIGH).cwnd()).isEqualTo(4404);
    }

    @Test
    void theInitialWindowForA9000ByteMtuIsTwoPackets() {
        // min(36000, max(18000, 4404))
        assertThat(new RenoCongestionController(RenoConfig.defaults(9000), HIGH).cwnd()).isEqualTo(18000);
    }

    @Test
    void theInitialWindowForASmallMtuIsFourPackets() {
        // min(2000, max(1000, 4404))
        assertThat(new RenoCongestionController(RenoConfig.defaults(500), HIGH).cwnd()).isEqualTo(2000);
    }

    @Test
    void aConfiguredInitialWindowReplacesTheFormula() {
        assertThat(new RenoCongestionController(RenoConfig.defaults(MTU).withInitialCwnd(14600), HIGH).cwnd())
                .isEqualTo(14600);
        assertThat(new RenoCongestionController(RenoConfig.defaults(1200).withInitialWindowFloor(4344), HIGH).cwnd())
                .isEqualTo(4344);
    }

    @Test
    void theInitialSsthreshIsTheOneGiven() {
        RenoCongestionController cc = new RenoCongestionController(RenoConfig.defaults(MTU), 65535);
        assertThat(cc.ssthresh()).isEqualTo(65535);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.inFastRecovery()).isFalse();
    }

    // ---- 6.1 rules B and D

    @Test
    void aPacketMayGoWhileTheFlightIsBelowCwndSoTheLastOneMayOvershoot() {
        RenoCongestionController cc = reno(4404, HIGH);
        cc.beginTransmission(0, RTO);
        assertThat(cc.mayTransmit(0)).isEqualTo(SendPermit.ALLOWED);
        assertThat(cc.mayTransmit(4403)).isEqualTo(SendPermit.ALLOWED); // may reach 4403 + 1500
        assertThat(cc.mayTransmit(4404)).isEqualTo(SendPermit.CWND_FULL);
        assertThat(cc.mayTransmit(5903)).isEqualTo(SendPermit.CWND_FULL);
        assertThat(SendPermit.CWND_FULL.isAllowed()).isFalse();
    }

    @Test
    void maxBurstPacketsGoPerTransmissionOpportunity() {
        RenoCongestionController cc = reno(100 * MTU, HIGH);
        cc.beginTransmission(0, RTO);
        long flight = 0;
        for (int i = 0; i < RenoConfig.DEFAULT_MAX_BURST; i++) {
            assertThat(cc.mayTransmit(flight)).isEqualTo(SendPermit.ALLOWED);
            cc.onDataSent(0, MTU);
            flight += MTU;
        }
        assertThat(cc.mayTransmit(flight)).isEqualTo(SendPermit.BURST_LIMIT);
        assertThat(cc.cwnd()).as("the limit does not touch cwnd").isEqualTo(100 * MTU);
        cc.beginTransmission(1, RTO);
        assertThat(cc.mayTransmit(flight)).isEqualTo(SendPermit.ALLOWED);
    }

    @Test
    void aFullWindowIsReportedBeforeASpentBurst() {
        RenoCongestionController cc = reno(4 * MTU, HIGH);
        cc.beginTransmission(0, RTO);
        for (int i = 0; i < 4; i++) {
            cc.onDataSent(0, MTU);
        }
        assertThat(cc.mayTransmit(4 * MTU)).isEqualTo(SendPermit.CWND_FULL);
    }

    @Test
    void aMaxBurstOfZeroSwitchesTheLimitOff() {
        RenoCongestionController cc = new RenoCongestionController(
                RenoConfig.defaults(MTU).withInitialCwnd(100 * MTU).withMaxBurst(0), HIGH);
        cc.beginTransmission(0, RTO);
        for (int i = 0; i < 50; i++) {
            assertThat(cc.mayTransmit((long) i * MTU)).isEqualTo(SendPermit.ALLOWED);
            cc.onDataSent(0, MTU);
        }
    }

    // ---- 7.2.1 slow start

    @Test
    void slowStartGrowsByTheBytesAckedWhenLessThanAnMtu() {
        RenoCongestionController cc = reno(4404, HIGH);
        fullSack(cc, 416);
        assertThat(cc.cwnd()).isEqualTo(4404 + 416);
        assertThat(cc.partialBytesAcked()).as("slow start leaves partial_bytes_acked alone").isZero();
    }

    @Test
    void slowStartGrowsByAtMostOneMtuPerSack() {
        RenoCongestionController cc = reno(4404, HIGH);
        fullSack(cc, 3 * 1468);
        assertThat(cc.cwnd()).isEqualTo(4404 + MTU);
    }

    @Test
    void aLargerLLetsOneSackGrowTheWindowByUpToLMtus() {
        RenoCongestionController cc = new RenoCongestionController(
                RenoConfig.defaults(MTU).withInitialCwnd(6000).withSlowStartIncreaseLimit(2), HIGH);
        fullSack(cc, 4 * MTU);
        assertThat(cc.cwnd()).isEqualTo(6000 + 2 * MTU);
        fullSack(cc, 1000);
        assertThat(cc.cwnd()).isEqualTo(6000 + 2 * MTU + 1000);
    }

    @Test
    void slowStartDoesNotGrowAWindowThatWasNotFullyUtilized() {
        RenoCongestionController cc = reno(4404, HIGH);
        cc.onSack(0, ANY_TSN, true, MTU, 4403, 2903);
        assertThat(cc.cwnd()).isEqualTo(4404);
        cc.onSack(0, ANY_TSN, true, MTU, 4404, 2904);
        assertThat(cc.cwnd()).isEqualTo(4404 + MTU);
    }

    @Test
    void slowStartDoesNotGrowOnASackThatDoesNotAdvanceTheCumulativeAck() {
        RenoCongestionController cc = reno(4404, HIGH);
        cc.onSack(0, ANY_TSN, false, MTU, 4404, 2904); // bytes acknowledged by a gap block only
        assertThat(cc.cwnd()).isEqualTo(4404);
    }

    @Test
    void slowStartAppliesWhileCwndEqualsSsthresh() {
        RenoCongestionController cc = reno(6000, 6000);
        fullSack(cc, MTU);
        assertThat(cc.cwnd()).isEqualTo(7500);
        assertThat(cc.partialBytesAcked()).isZero();
    }

    // ---- 7.2.2 congestion avoidance

    @Test
    void congestionAvoidanceAddsOneMtuPerCwndAcknowledged() {
        RenoCongestionController cc = reno(6000, 4000);
        fullSack(cc, 2000);
        fullSack(cc, 2000);
        assertThat(cc.cwnd()).isEqualTo(6000);
        assertThat(cc.partialBytesAcked()).isEqualTo(4000);
        fullSack(cc, 2500);
        assertThat(cc.cwnd()).isEqualTo(7500);
        assertThat(cc.partialBytesAcked()).isEqualTo(500); // 6500 - 6000
    }

    @Test
    void congestionAvoidanceGrowsAtMostOneMtuPerSack() {
        RenoCongestionController cc = reno(6000, 4000);
        fullSack(cc, 13000);
        assertThat(cc.cwnd()).isEqualTo(7500);
        assertThat(cc.partialBytesAcked()).isEqualTo(7000);
    }

    @Test
    void congestionAvoidanceCountsGapAckedBytesOnlyWhenTheCumulativeAckAdvances() {
        RenoCongestionController cc = reno(6000, 4000);
        cc.onSack(0, ANY_TSN, false, 3000, 6000, 3000);
        assertThat(cc.partialBytesAcked()).isZero();
        cc.onSack(0, ANY_TSN, true, 3000, 6000, 3000); // cumulative and gap-acked bytes together
        assertThat(cc.partialBytesAcked()).isEqualTo(3000);
    }

    @Test
    void withoutAFullWindowPartialBytesAckedIsHeldAtCwndAndCwndStays() {
        RenoCongestionController cc = reno(6000, 4000);
        cc.onSack(0, ANY_TSN, true, 5000, 5500, 500);
        cc.onSack(0, ANY_TSN, true, 4000, 5500, 1500);
        assertThat(cc.cwnd()).isEqualTo(6000);
        assertThat(cc.partialBytesAcked()).isEqualTo(6000);
        fullSack(cc, 100);
        assertThat(cc.cwnd()).as("the held count grows cwnd as soon as the window is used").isEqualTo(7500);
        assertThat(cc.partialBytesAcked()).isEqualTo(100);
    }

    @Test
    void partialBytesAckedReturnsToZeroWhenNothingIsLeftInFlight() {
        RenoCongestionController cc = reno(6000, 4000);
        fullSack(cc, 2000);
        assertThat(cc.partialBytesAcked()).isEqualTo(2000);
        cc.onSack(0, ANY_TSN, true, 4000, 6000, 0);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.cwnd()).as("6000 acknowledged in all: the increase happens first").isEqualTo(7500);
    }

    // ---- 7.2.3 / 7.2.4 fast retransmit and fast recovery

    @Test
    void fastRetransmitHalvesTheWindow() {
        RenoCongestionController cc = reno(20000, HIGH);
        fullSack(cc, 0);
        assertThat(cc.onFastRetransmit(0, new Tsn(50))).isTrue();
        assertThat(cc.ssthresh()).isEqualTo(10000);
        assertThat(cc.cwnd()).isEqualTo(10000);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.inFastRecovery()).isTrue();
        assertThat(cc.fastRecoveryExitPoint()).isEqualTo(new Tsn(50));
        cc.checkInvariants();
    }

    @Test
    void fastRetransmitDoesNotGoBelowFourMtus() {
        RenoCongestionController cc = reno(7000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        assertThat(cc.ssthresh()).isEqualTo(4 * MTU);
        assertThat(cc.cwnd()).isEqualTo(4 * MTU);
    }

    @Test
    void fastRetransmitResetsPartialBytesAcked() {
        RenoCongestionController cc = reno(20000, 10000);
        fullSack(cc, 5000);
        assertThat(cc.partialBytesAcked()).isEqualTo(5000);
        cc.onFastRetransmit(0, new Tsn(50));
        assertThat(cc.partialBytesAcked()).isZero();
    }

    @Test
    void aSecondLossInsideTheSameRecoveryDoesNotReduceTheWindowAgain() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        assertThat(cc.onFastRetransmit(1, new Tsn(60))).isFalse();
        assertThat(cc.cwnd()).isEqualTo(10000);
        assertThat(cc.ssthresh()).isEqualTo(10000);
        assertThat(cc.fastRecoveryExitPoint()).as("the exit point stays").isEqualTo(new Tsn(50));
    }

    @Test
    void theWindowDoesNotGrowDuringFastRecovery() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        cc.onSack(0, new Tsn(40), true, MTU, 30000, 28500);
        assertThat(cc.cwnd()).isEqualTo(10000);
        assertThat(cc.inFastRecovery()).isTrue();
    }

    @Test
    void recoveryEndsWhenTheCumulativeAckReachesTheExitPoint() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        cc.onSack(0, new Tsn(49), true, MTU, 5000, 3500);
        assertThat(cc.inFastRecovery()).isTrue();
        cc.onSack(0, new Tsn(50), true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).isFalse();
        assertThat(cc.cwnd()).as("the SACK that ends recovery may grow the window").isEqualTo(11500);
        assertThatThrownBy(cc::fastRecoveryExitPoint).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoveryAlsoEndsWhenTheCumulativeAckPassesTheExitPoint() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        cc.onSack(0, new Tsn(70), true, 0, 0, 0); // a path with nothing newly acked still leaves recovery
        assertThat(cc.inFastRecovery()).isFalse();
    }

    @Test
    void recoveryEndsCorrectlyAcrossTheTsnWrap() {
        RenoCongestionController cc = reno(20000, HIGH);
        Tsn exit = Tsn.of(2L);                    // highest outstanding, just past the wrap
        cc.onFastRetransmit(0, exit);
        cc.onSack(0, Tsn.of(0xFFFF_FFF0L), true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).as("0xFFFFFFF0 precedes 2 in serial order").isTrue();
        cc.onSack(0, Tsn.of(0xFFFF_FFFFL), true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).isTrue();
        cc.onSack(0, Tsn.of(1L), true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).isTrue();
        cc.onSack(0, Tsn.of(2L), true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).isFalse();
    }

    @Test
    void aLossAfterRecoveryEndedReducesTheWindowAgain() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        cc.onSack(0, new Tsn(50), true, 0, 0, 0);
        assertThat(cc.onFastRetransmit(1, new Tsn(90))).isTrue();
        assertThat(cc.cwnd()).isEqualTo(10000);
        assertThat(cc.fastRecoveryExitPoint()).isEqualTo(new Tsn(90));
    }

    @Test
    void theFourMtuFloorRaisesAWindowBelowIt() {
        RenoCongestionController cc = reno(MTU, HIGH);
        cc.onFastRetransmit(0, ANY_TSN);
        assertThat(cc.cwnd()).isEqualTo(4 * MTU);
    }

    // ---- 7.2.3 retransmission timeout

    @Test
    void aRetransmissionTimeoutCollapsesTheWindowToOneMtu() {
        RenoCongestionController cc = reno(20000, 10000);
        fullSack(cc, 3000);
        cc.onRetransmissionTimeout(0);
        assertThat(cc.ssthresh()).isEqualTo(10000);
        assertThat(cc.cwnd()).isEqualTo(MTU);
        assertThat(cc.partialBytesAcked()).isZero();
        cc.checkInvariants();
    }

    @Test
    void aRetransmissionTimeoutKeepsSsthreshAtFourMtusOrMore() {
        RenoCongestionController cc = reno(4404, HIGH);
        cc.onRetransmissionTimeout(0);
        assertThat(cc.ssthresh()).isEqualTo(6000);
        cc.onRetransmissionTimeout(1);
        assertThat(cc.ssthresh()).isEqualTo(6000);
        assertThat(cc.cwnd()).isEqualTo(MTU);
    }

    @Test
    void afterATimeoutOnlyOnePacketIsInFlightUntilDataIsAcknowledged() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onRetransmissionTimeout(0);
        cc.beginTransmission(0, RTO);
        assertThat(cc.mayTransmit(0)).isEqualTo(SendPermit.ALLOWED);
        cc.onDataSent(0, 200);
        assertThat(cc.mayTransmit(200)).as("200 < cwnd, but one packet is in flight")
                .isEqualTo(SendPermit.ONE_PACKET_AFTER_TIMEOUT);
        cc.onSack(1, ANY_TSN, false, 0, 200, 200);
        assertThat(cc.mayTransmit(200)).as("a SACK acknowledging nothing").isEqualTo(SendPermit.ONE_PACKET_AFTER_TIMEOUT);
        cc.onSack(1, ANY_TSN, true, 200, 200, 0);
        assertThat(cc.cwnd()).as("200 bytes did not fill the window: no growth").isEqualTo(MTU);
        assertThat(cc.mayTransmit(0)).isEqualTo(SendPermit.ALLOWED);
        assertThat(cc.mayTransmit(MTU - 1)).as("the one-packet rule is over").isEqualTo(SendPermit.ALLOWED);
    }

    @Test
    void slowStartResumesFromOneMtuAfterATimeout() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onRetransmissionTimeout(0);
        cc.onDataSent(0, MTU);
        cc.onSack(1, ANY_TSN, true, MTU, MTU, 0);
        assertThat(cc.cwnd()).isEqualTo(2 * MTU);
        assertThat(cc.ssthresh()).isEqualTo(10000);
    }

    @Test
    void aRetransmissionTimeoutEndsFastRecovery() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, new Tsn(50));
        cc.onRetransmissionTimeout(1);
        assertThat(cc.inFastRecovery()).isFalse();
        assertThat(cc.ssthresh()).isEqualTo(6000); // max(10000 / 2, 4 * 1500)
        assertThat(cc.cwnd()).isEqualTo(MTU);
    }

    // ---- 7.2.1 idle path

    @Test
    void aPathIdleForLessThanAnRtoKeepsItsWindow() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onDataSent(0, MTU);
        cc.beginTransmission(RTO - 1, RTO);
        assertThat(cc.cwnd()).isEqualTo(40000);
    }

    @Test
    void anIdlePathHalvesItsWindowForEveryRto() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onDataSent(0, MTU);
        cc.beginTransmission(RTO, RTO);
        assertThat(cc.cwnd()).isEqualTo(20000);
        cc.beginTransmission(RTO + RTO / 2, RTO);
        assertThat(cc.cwnd()).as("the same RTO is not counted twice").isEqualTo(20000);
        cc.beginTransmission(3 * RTO, RTO);
        assertThat(cc.cwnd()).as("two more RTOs: 20000 -> 10000 -> 6000").isEqualTo(6000);
        cc.checkInvariants();
    }

    @Test
    void idleDecayStopsAtFourMtus() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onDataSent(0, MTU);
        cc.beginTransmission(1000 * RTO, RTO);
        assertThat(cc.cwnd()).isEqualTo(4 * MTU);
    }

    @Test
    void idleDecayNeverRaisesAWindowBelowFourMtus() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onRetransmissionTimeout(0);
        cc.onDataSent(0, MTU);
        cc.beginTransmission(5 * RTO, RTO);
        assertThat(cc.cwnd()).isEqualTo(MTU);
    }

    @Test
    void sendingRestartsTheIdleClock() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onDataSent(0, MTU);
        cc.onDataSent(RTO - 1, MTU);
        cc.beginTransmission(2 * RTO - 2, RTO);
        assertThat(cc.cwnd()).isEqualTo(40000);
    }

    @Test
    void aPathThatNeverSentIsNotIdle() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.beginTransmission(100 * RTO, RTO);
        assertThat(cc.cwnd()).isEqualTo(40000);
    }

    @Test
    void aClockThatDoesNotMoveForwardCausesNoDecay() {
        RenoCongestionController cc = reno(40000, HIGH);
        cc.onDataSent(10 * RTO, MTU);
        cc.beginTransmission(RTO, RTO);
        assertThat(cc.cwnd()).isEqualTo(40000);
    }

    // ---- MTU change

    @Test
    void anMtuChangeKeepsTheWindowsAndScalesLaterSteps() {
        RenoCongestionController cc = reno(20000, 10000);
        cc.onMtuChange(1200);
        assertThat(cc.mtu()).isEqualTo(1200);
        assertThat(cc.cwnd()).isEqualTo(20000);
        assertThat(cc.ssthresh()).isEqualTo(10000);
        fullSack(cc, 20000);
        assertThat(cc.cwnd()).as("congestion avoidance adds the new MTU").isEqualTo(21200);
        cc.onRetransmissionTimeout(0);
        assertThat(cc.cwnd()).isEqualTo(1200);
        assertThat(cc.ssthresh()).isEqualTo(10600);
        assertThat(cc.config().mtu()).as("the configuration keeps the initial MTU").isEqualTo(MTU);
    }

    @Test
    void aLargerMtuRaisesTheLossFloor() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onMtuChange(9000);
        cc.onFastRetransmit(0, ANY_TSN);
        assertThat(cc.cwnd()).isEqualTo(36000);
    }

    @Test
    void slowStartStepsUseTheNewMtu() {
        RenoCongestionController cc = reno(4404, HIGH);
        cc.onMtuChange(1000);
        fullSack(cc, 1400);
        assertThat(cc.cwnd()).isEqualTo(5404);
    }

    // ---- arguments

    @Test
    void badArgumentsAreRejected() {
        RenoCongestionController cc = reno(4404, HIGH);
        assertThatThrownBy(() -> cc.mayTransmit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onDataSent(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onSack(0, ANY_TSN, true, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onSack(0, ANY_TSN, true, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onSack(0, ANY_TSN, true, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.beginTransmission(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onMtuChange(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenoCongestionController(RenoConfig.defaults(MTU), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThatThrownBy(() -> RenoConfig.defaults(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenoConfig.defaults(MTU).withInitialCwnd(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenoConfig.defaults(MTU).withMaxBurst(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenoConfig.defaults(MTU).withSlowStartIncreaseLimit(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenoConfig.defaults(MTU).withInitialWindowFloor(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIntSackReportEndsRecoveryAcrossTheTsnWrapAsTheTypedOneDoes() {
        RenoCongestionController cc = reno(20000, HIGH);
        cc.onFastRetransmit(0, Tsn.of(2L)); // the exit point, just past the wrap
        cc.onSack(0, 0xFFFF_FFF0, true, MTU, 10000, 8500); // the SACK path's 32 bits (issue 6)
        assertThat(cc.inFastRecovery()).as("0xFFFFFFF0 precedes 2 in serial order").isTrue();
        cc.onSack(0, 1, true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).isTrue();
        cc.onSack(0, 3, true, MTU, 10000, 8500);
        assertThat(cc.inFastRecovery()).as("past the exit point").isFalse();
        cc.checkInvariants();
    }
}
