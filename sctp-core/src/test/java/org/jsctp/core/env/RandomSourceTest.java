package org.jsctp.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void nonZeroValuesSkipZeros() {
        int[] values = {0, 0, 7};
        RandomSource zerosFirst = new RandomSource() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt() {
                return values[next++];
            }
        };
        assertThat(zerosFirst.nextNonZeroInt()).isEqualTo(7);
    }

    @Test
    void seededSourcesRepeatThemselves() {
        SeededRandomSource a = new SeededRandomSource(1);
        SeededRandomSource b = new SeededRandomSource(1);
        byte[] x = new byte[16];
        byte[] y = new byte[16];
        a.nextBytes(x);
        b.nextBytes(y);
        assertThat(x).isEqualTo(y);
        assertThat(a.nextInt()).isEqualTo(b.nextInt());
    }
}
