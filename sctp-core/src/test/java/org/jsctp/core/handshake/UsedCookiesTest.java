package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsedCookiesTest {

    @Test
    void aUsedPairIsRememberedUntilItExpires() {
        UsedCookies used = new UsedCookies(8);
        used.remember(1, 2, 100, 0);
        assertThat(used.wasUsed(1, 2, 50)).isTrue();
        assertThat(used.wasUsed(1, 2, 100)).isTrue();
        assertThat(used.wasUsed(1, 2, 101)).isFalse();
        assertThat(used.wasUsed(2, 1, 50)).as("the pair is ordered").isFalse();
        assertThat(used.wasUsed(1, 3, 50)).isFalse();

        used.remember(5, 6, 300, 200); // remembering prunes what expired
        assertThat(used.size()).isEqualTo(1);
    }

    @Test
    void atCapacityTheOldestGoesFirst() {
        UsedCookies used = new UsedCookies(2);
        used.remember(1, 1, 1000, 0);
        used.remember(2, 2, 1000, 0);
        used.remember(3, 3, 1000, 0);
        assertThat(used.size()).isEqualTo(2);
        assertThat(used.wasUsed(1, 1, 10)).isFalse();
        assertThat(used.wasUsed(2, 2, 10)).isTrue();
        assertThat(used.wasUsed(3, 3, 10)).isTrue();
    }

    @Test
    void rememberingAPairAgainKeepsTheLaterExpiry() {
        UsedCookies used = new UsedCookies(4);
        used.remember(-1, -2, 100, 0);
        used.remember(-1, -2, 500, 10);
        assertThat(used.size()).isEqualTo(1);
        assertThat(used.wasUsed(-1, -2, 400)).isTrue();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new UsedCookies(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
