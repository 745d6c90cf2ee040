package org.jsctp.core.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimerTest {

    private static final long S = 1_000_000_000L;

    /** T1-init: RTO.Initial 1 s, backoff to RTO.Max, Max.Init.Retransmits 8 (RFC 9260 sections 5.1 and 16). */
    private static Timer t1Init() {
        return new Timer("T1-init", S, 60 * S, Timer.Backoff.EXPONENTIAL, true, 8);
    }

    @Test
    void aStoppedTimerHasNoDeadlineAndNeverExpires() {
        Timer t = t1Init();
        assertThat(t.isRunning()).isFalse();
        assertThat(t.deadline()).isEqualTo(Timer.NEVER);
        assertThat(t.expire(Long.MAX_VALUE - 1)).isEqualTo(Timer.Expiry.NOT_DUE);
    }

    @Test
    void expiryBeforeTheDeadlineDoesNothing() {
        Timer t = t1Init();
        t.start(10);
        assertThat(t.expire(10 + S - 1)).isEqualTo(Timer.Expiry.NOT_DUE);
        assertThat(t.expirations()).isZero();
    }

    @Test
    void exponentialBackoffDoublesUpToTheMaximumAndTheLimitStopsIt() {
        Timer t = t1Init();
        t.start(0);
        long now = 0;
        long[] expected = {2, 4, 8, 16, 32, 60, 60, 60};
        for (long e : expected) {
            now = t.deadline();
            assertThat(t.expire(now)).isEqualTo(Timer.Expiry.RESTARTED);
            assertThat(t.durationNanos()).isEqualTo(e * S);
            assertThat(t.deadline()).isEqualTo(now + e * S);
        }
        assertThat(t.expire(t.deadline())).isEqualTo(Timer.Expiry.LIMIT_REACHED);
        assertThat(t.isRunning()).isFalse();
        assertThat(t.expirations()).isEqualTo(9);
    }

    @Test
    void startForgetsBackoffAndExpiries() {
        Timer t = t1Init();
        t.start(0);
        t.expire(S);
        t.start(5 * S);
        assertThat(t.expirations()).isZero();
        assertThat(t.deadline()).isEqualTo(6 * S);
    }

    @Test
    void aTimerThatDoesNotRestartStopsAfterExpiring() {
        Timer t3 = new Timer("T3-rtx", S, 60 * S, Timer.Backoff.EXPONENTIAL, false, -1);
        t3.start(0);
        assertThat(t3.expire(S)).isEqualTo(Timer.Expiry.STOPPED);
        assertThat(t3.isRunning()).isFalse();
        t3.restart(S);
        assertThat(t3.deadline()).isEqualTo(3 * S); // backed-off duration kept by restart
    }

    @Test
    void timersReportTheEarliestDeadlineAndWhatIsDue() {
        Timers timers = new Timers();
        Timer a = timers.add(new Timer("a", 3 * S, 3 * S, Timer.Backoff.NONE, false, -1));
        Timer b = timers.add(new Timer("b", S, S, Timer.Backoff.NONE, false, -1));
        assertThat(timers.nextDeadline()).isEqualTo(Timer.NEVER);
        a.start(0);
        b.start(0);
        assertThat(timers.nextDeadline()).isEqualTo(S);
        assertThat(timers.due(S)).containsExactly(b);
        assertThat(timers.due(3 * S)).containsExactly(b, a);
        timers.stopAll();
        assertThat(timers.nextDeadline()).isEqualTo(Timer.NEVER);
    }

    @Test
    void inconsistentDurationsAreRejected() {
        assertThatThrownBy(() -> new Timer("x", 0, 1, Timer.Backoff.NONE, false, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timer("x", 2, 1, Timer.Backoff.NONE, false, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
