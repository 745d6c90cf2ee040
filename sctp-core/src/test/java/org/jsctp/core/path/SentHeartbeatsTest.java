package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentHeartbeatsTest {

    @Test
    void aRecordedHeartbeatIsFoundOnceByNonceAndSendTime() {
        SentHeartbeats s = new SentHeartbeats(2);
        s.record(10, 100);
        s.checkInvariants();
        assertThat(s.newestOutstanding()).isTrue();
        assertThat(s.take(10, 101)).isEqualTo(SentHeartbeats.Match.NOT_FOUND);
        assertThat(s.take(11, 100)).isEqualTo(SentHeartbeats.Match.NOT_FOUND);
        assertThat(s.take(10, 100)).isEqualTo(SentHeartbeats.Match.FOUND_NEWEST);
        assertThat(s.take(10, 100)).isEqualTo(SentHeartbeats.Match.NOT_FOUND);
        assertThat(s.newestOutstanding()).isFalse();
        assertThat(s.size()).isZero();
        s.checkInvariants();
    }

    @Test
    void aFullRingForgetsTheOldest() {
        SentHeartbeats s = new SentHeartbeats(2);
        s.record(1, 1);
        s.record(2, 2);
        s.record(3, 3);
        s.checkInvariants();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.take(1, 1)).isEqualTo(SentHeartbeats.Match.NOT_FOUND);
        assertThat(s.take(2, 2)).isEqualTo(SentHeartbeats.Match.FOUND);
        assertThat(s.newestOutstanding()).isTrue();
        assertThat(s.take(3, 3)).isEqualTo(SentHeartbeats.Match.FOUND_NEWEST);
        s.checkInvariants();
    }

    @Test
    void overwritingAnAcknowledgedSlotKeepsTheCount() {
        SentHeartbeats s = new SentHeartbeats(1);
        s.record(1, 1);
        s.take(1, 1);
        s.record(2, 2);
        s.checkInvariants();
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void theCapacityIsBounded() {
        assertThatThrownBy(() -> new SentHeartbeats(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SentHeartbeats(SentHeartbeats.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
