package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerRateLimitTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void aFullBucketAllowsOneSecondsWorthAtOnceThenNothing() {
        AnswerRateLimit limit = new AnswerRateLimit(200, 0);

        assertThat(acquired(limit, 0, 1_000)).isEqualTo(200);
    }

    @Test
    void theBucketRefillsAtTheRate() {
        AnswerRateLimit limit = new AnswerRateLimit(200, 0);
        acquired(limit, 0, 200);

        assertThat(limit.tryAcquire(4 * MS)).isFalse(); // one answer per 5 ms
        assertThat(limit.tryAcquire(5 * MS)).isTrue();
        assertThat(limit.tryAcquire(5 * MS)).isFalse();
        assertThat(acquired(limit, 105 * MS, 1_000)).isEqualTo(20);
    }

    @Test
    void idlingFillsTheBucketToOneSecondsWorthAndNoMore() {
        AnswerRateLimit limit = new AnswerRateLimit(10, 0);

        assertThat(acquired(limit, 60 * S, 100)).isEqualTo(10);
    }

    @Test
    void aSteadyFloodGetsTheRateOverTime() {
        AnswerRateLimit limit = new AnswerRateLimit(100, 0);
        int answered = 0;
        for (long t = 0; t < 10 * S; t += MS) { // 1,000 packets a second for 10 s
            answered += limit.tryAcquire(t) ? 1 : 0;
        }
        assertThat(answered).isEqualTo(100 + 999); // the first second's burst, then one per 10 ms
    }

    @Test
    void zeroAnswersNothing() {
        AnswerRateLimit limit = new AnswerRateLimit(0, 0);

        assertThat(acquired(limit, 5 * S, 10)).isZero();
    }

    @Test
    void theClockMayStartAnywhereAndWrap() {
        long start = Long.MAX_VALUE - S / 2;
        AnswerRateLimit limit = new AnswerRateLimit(4, start);
        assertThat(acquired(limit, start, 10)).isEqualTo(4);

        assertThat(acquired(limit, start + S, 10)).isEqualTo(4); // past Long.MAX_VALUE
    }

    @Test
    void aClockReadALittleEarlierOnAnotherThreadOnlyDelaysTheRefill() {
        AnswerRateLimit limit = new AnswerRateLimit(2, 10 * S);
        acquired(limit, 10 * S, 2);

        assertThat(limit.tryAcquire(10 * S - MS)).isFalse();
        assertThat(limit.tryAcquire(10 * S + S / 2)).isTrue();
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new AnswerRateLimit(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int acquired(AnswerRateLimit limit, long now, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            n += limit.tryAcquire(now) ? 1 : 0;
        }
        return n;
    }
}
