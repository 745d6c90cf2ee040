package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamSchedulerTest {

    @Test
    void fcfsSelectsTheStreamWhoseFirstMessageIsOldest() {
        FcfsScheduler s = new FcfsScheduler();
        s.streamActivated(5, 3, 10);
        s.streamActivated(2, 1, 10);
        s.streamActivated(9, 2, 10);
        assertThat(s.select()).isEqualTo(2);
        s.headChanged(2, 7, 10);
        assertThat(s.select()).isEqualTo(9);
        s.streamDeactivated(9);
        assertThat(s.select()).isEqualTo(5);
        s.streamDeactivated(5);
        assertThat(s.select()).isEqualTo(2);
        assertThat(s.activeStreamCount()).isEqualTo(1);
        s.checkInvariants();
    }

    @Test
    void fcfsGrowsBeyondItsInitialCapacity() {
        FcfsScheduler s = new FcfsScheduler();
        for (int i = 0; i < 100; i++) {
            s.streamActivated(i, 1000 - i, 1);
        }
        s.checkInvariants();
        for (int i = 99; i >= 0; i--) {
            assertThat(s.select()).isEqualTo(i);
            s.streamDeactivated(i);
            s.checkInvariants();
        }
    }

    @Test
    void roundRobinTakesTurnsInActivationOrder() {
        RoundRobinScheduler s = new RoundRobinScheduler();
        s.streamActivated(5, 0, 1);
        s.streamActivated(2, 1, 1);
        s.streamActivated(9, 2, 1);
        assertThat(s.select()).isEqualTo(5);
        assertThat(s.select()).isEqualTo(2);
        s.streamActivated(1, 3, 1);
        assertThat(s.select()).isEqualTo(9);
        assertThat(s.select()).isEqualTo(5);
        s.streamDeactivated(5);
        assertThat(s.select()).isEqualTo(2);
        assertThat(s.select()).isEqualTo(1);
        assertThat(s.select()).isEqualTo(9);
        s.checkInvariants();
    }

    @Test
    void roundRobinGrowsBeyondItsInitialCapacityKeepingTheTurnOrder() {
        RoundRobinScheduler s = new RoundRobinScheduler();
        for (int i = 0; i < 8; i++) {
            s.streamActivated(i, i, 1);
        }
        assertThat(s.select()).isEqualTo(0);
        assertThat(s.select()).isEqualTo(1);
        for (int i = 8; i < 20; i++) {
            s.streamActivated(i, i, 1);
        }
        int[] expected = {2, 3, 4, 5, 6, 7, 0, 1, 8, 9};
        for (int e : expected) {
            assertThat(s.select()).isEqualTo(e);
        }
        s.checkInvariants();
    }

    @Test
    void selectingWithoutAnActiveStreamOrRemovingAnUnknownOneIsAProgrammingError() {
        for (StreamScheduler s : new StreamScheduler[] {new FcfsScheduler(), new RoundRobinScheduler()}) {
            assertThatThrownBy(s::select).isInstanceOf(IllegalStateException.class);
            s.streamActivated(1, 0, 1);
            assertThatThrownBy(() -> s.streamDeactivated(2)).isInstanceOf(IllegalStateException.class);
            s.clear();
            assertThat(s.activeStreamCount()).isZero();
        }
    }

    @Test
    void aSchedulerThatAlreadyHasStreamsIsRefusedByTheQueue() {
        FcfsScheduler s = new FcfsScheduler();
        s.streamActivated(0, 0, 1);
        assertThatThrownBy(() -> new SendQueue(1, 10, s)).isInstanceOf(IllegalArgumentException.class);
    }
}
