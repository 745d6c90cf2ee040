package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongObjectMapTest {

    @Test
    void anEmptyMapHoldsNoTableAndAnswersEveryLookup() {
        LongObjectMap<String> map = new LongObjectMap<>();
        assertThat(map.capacity()).isZero();
        assertThat(map.get(7)).isNull();
        assertThat(map.remove(7)).isNull();
        assertThat(map.isEmpty()).isTrue();
        map.checkInvariants();
    }

    @Test
    void aClearedMapLetsItsTableGoAndFillsAgain() {
        LongObjectMap<String> map = new LongObjectMap<>();
        for (long k = 0; k < 100; k++) {
            map.put(k, "v" + k);
        }
        map.clear();
        assertThat(map.capacity()).isZero();
        assertThat(map.get(5)).isNull();
        assertThat(map.put(5, "again")).isNull();
        assertThat(map.get(5)).isEqualTo("again");
        assertThat(map.size()).isEqualTo(1);
        map.checkInvariants();
    }
}
