package org.jsctp.core.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6937 section 3's proportional branch: sndcnt = ceil(prr_delivered * ssthresh / RecoverFS) - prr_out. */
class ProportionalRateReductionTest {

    @Test
    void outsideFastRecoveryNothingIsAllowed() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.onDelivered(10_000);
        assertThat(prr.isActive()).isFalse();
        assertThat(prr.allowsPacket()).isFalse();
    }

    @Test
    void deliveredDataClocksOutHalfAsMuchWhenSsthreshIsHalfTheFlight() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.enter(10_000, 5_000);
        assertThat(prr.allowsPacket()).as("nothing delivered yet").isFalse();
        prr.onDelivered(1200);
        assertThat(prr.allowsPacket()).as("600 bytes of sndcnt").isTrue();
        prr.onSent(1200);
        assertThat(prr.allowsPacket()).as("600 - 1200").isFalse();
        prr.onDelivered(1200);
        assertThat(prr.allowsPacket()).as("1200 - 1200").isFalse();
        prr.onDelivered(1200);
        assertThat(prr.allowsPacket()).as("1800 - 1200").isTrue();
    }

    @Test
    void leavingRecoveryStopsTheAllowanceAndEnteringAgainStartsAfresh() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.enter(10_000, 5_000);
        prr.onDelivered(5_000);
        prr.exit();
        assertThat(prr.allowsPacket()).isFalse();
        prr.enter(4_000, 4_000);
        assertThat(prr.allowsPacket()).as("prr_delivered restarts at 0").isFalse();
        prr.onDelivered(1);
        assertThat(prr.allowsPacket()).isTrue();
    }
}
