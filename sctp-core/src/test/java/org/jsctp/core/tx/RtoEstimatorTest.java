package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtoEstimatorTest {

    private static final long MS = 1_000_000L;

    @Test
    void startsAtRtoInitial() {
        assertThat(new RtoEstimator().rtoNanos()).isEqualTo(1000 * MS);
    }

    @Test
    void firstMeasurementSetsSrttAndHalfOfItAsVariation() {
        RtoEstimator e = new RtoEstimator(1000 * MS, 10 * MS, 60_000 * MS, MS);
        e.onRttMeasurement(100 * MS);
        assertThat(e.srttNanos()).isEqualTo(100 * MS);
        assertThat(e.rttvarNanos()).isEqualTo(50 * MS);
        assertThat(e.rtoNanos()).isEqualTo(300 * MS); // 100 + 4 * 50
    }

    @Test
    void laterMeasurementsAreSmoothedWithAlphaAndBeta() {
        RtoEstimator e = new RtoEstimator(1000 * MS, 10 * MS, 60_000 * MS, MS);
        e.onRttMeasurement(100 * MS);
        e.onRttMeasurement(200 * MS);
        // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
        assertThat(e.rttvarNanos()).isEqualTo(62_500_000L);
        assertThat(e.srttNanos()).isEqualTo(112_500_000L);
        assertThat(e.rtoNanos()).isEqualTo(362_500_000L);
    }

    @Test
    void rtoIsClampedToRtoMin() {
        RtoEstimator e = new RtoEstimator();
        e.onRttMeasurement(MS);
        assertThat(e.rtoNanos()).isEqualTo(RtoEstimator.DEFAULT_MIN_NANOS);
    }

    @Test
    void steadyRttKeepsTheGranularityFloorAboveSrtt() {
        RtoEstimator e = new RtoEstimator(1000 * MS, MS / 10, 60_000 * MS, MS);
        for (int i = 0; i < 200; i++) {
            e.onRttMeasurement(5 * MS);
        }
        assertThat(e.rttvarNanos()).isLessThan(MS / 4);
        assertThat(e.rtoNanos()).isEqualTo(e.srttNanos() + MS);
    }

    @Test
    void backOffDoublesUpToRtoMax() {
        RtoEstimator e = new RtoEstimator();
        e.backOff();
        assertThat(e.rtoNanos()).isEqualTo(2000 * MS);
        for (int i = 0; i < 10; i++) {
            e.backOff();
        }
        assertThat(e.rtoNanos()).isEqualTo(RtoEstimator.DEFAULT_MAX_NANOS);
    }

    @Test
    void aNewMeasurementAfterBackOffRecomputesTheRto() {
        RtoEstimator e = new RtoEstimator(1000 * MS, 10 * MS, 60_000 * MS, MS);
        e.onRttMeasurement(100 * MS);
        e.backOff();
        assertThat(e.rtoNanos()).isEqualTo(600 * MS);
        e.onRttMeasurement(100 * MS);
        assertThat(e.rtoNanos()).isLessThan(600 * MS);
    }

    @Test
    void inconsistentBoundsAreRejected() {
        assertThatThrownBy(() -> new RtoEstimator(10, 20, 30, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtoEstimator(10, 0, 30, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
