package org.jsctp.transport.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's decisions without sockets: rates, determinism per seed, corruption, the parser. */
class ImpairerTest {

    private static final long MS = 1_000_000L;
    private static final int N = 20_000;

    private static List<List<Impairer.Delivery>> fates(Impairment i, long seed, DirectionCounters c) {
        Impairer impairer = new Impairer(i, seed, c);
        List<List<Impairer.Delivery>> out = new ArrayList<>();
        for (int n = 0; n < N; n++) {
            out.add(impairer.fates(new byte[] {(byte) n, 1, 2, 3, 4, 5, 6, 7}));
        }
        return out;
    }

    @Test
    void ratesComeOutAsConfiguredAndTheCountersAgree() {
        DirectionCounters c = new DirectionCounters();
        Impairment i = Impairment.parse("loss=0.1,dup=0.05,reorder=0.02/7ms,delay=5ms,jitter=1ms,corrupt=0.01/3");
        List<List<Impairer.Delivery>> fates = fates(i, 42, c);
        assertThat(c.received()).isEqualTo(N);
        assertThat((double) c.lost() / N).isCloseTo(0.1, within(0.01));
        assertThat((double) c.duplicated() / (N - c.lost())).isCloseTo(0.05, within(0.01));
        assertThat(fates.stream().filter(List::isEmpty).count()).isEqualTo(c.lost());
        long copies = fates.stream().mapToLong(List::size).sum();
        assertThat(copies).isEqualTo(N - c.lost() + c.duplicated());
        assertThat((double) c.reordered() / copies).isCloseTo(0.02, within(0.005));
        assertThat((double) c.corrupted() / copies).isCloseTo(0.01, within(0.004));
        for (List<Impairer.Delivery> f : fates) {
            for (Impairer.Delivery d : f) {
                assertThat(d.delayNanos()).isBetween(5 * MS, 13 * MS); // 5 ms + up to 1 ms jitter + 7 ms if reordered
            }
        }
    }

    @Test
    void aCorruptedCopyDiffersInExactlyTheConfiguredNumberOfBitsAndTheOriginalIsUntouched() {
        Impairer impairer = new Impairer(Impairment.NONE.withCorrupt(1.0, 3), 7, new DirectionCounters());
        byte[] original = {10, 20, 30, 40, 50, 60, 70, 80};
        byte[] copy = original.clone();
        Impairer.Delivery d = impairer.fates(copy).get(0);
        assertThat(copy).isEqualTo(original);
        int differing = 0;
        for (int k = 0; k < original.length; k++) {
            differing += Integer.bitCount((original[k] ^ d.bytes()[k]) & 0xFF);
        }
        assertThat(differing).isEqualTo(3);
    }

    @Test
    void burstsLoseRunsOfDatagramsWithTheConfiguredMeanLength() {
        DirectionCounters c = new DirectionCounters();
        List<List<Impairer.Delivery>> fates = fates(Impairment.NONE.withBurstLoss(0.01, 5), 3, c);
        int bursts = 0;
        boolean inRun = false;
        for (List<Impairer.Delivery> f : fates) {
            if (f.isEmpty() && !inRun) {
                bursts++;
            }
            inRun = f.isEmpty();
        }
        assertThat(c.burstLost()).isPositive();
        assertThat((double) c.burstLost() / bursts).isCloseTo(5, within(1.0));
    }

    @Test
    void theSameSeedGivesTheSameFatesAndAnotherSeedOthers() {
        Impairment i = Impairment.parse("loss=0.2,dup=0.1,jitter=2ms");
        List<Integer> a = sizes(fates(i, 5, new DirectionCounters()));
        assertThat(sizes(fates(i, 5, new DirectionCounters()))).isEqualTo(a);
        assertThat(sizes(fates(i, 6, new DirectionCounters()))).isNotEqualTo(a);
    }

    private static List<Integer> sizes(List<List<Impairer.Delivery>> fates) {
        return fates.stream().map(List::size).toList();
    }

    @Test
    void theParserReadsEveryKeyAndRejectsNonsenseWithItsName() {
        Impairment i = Impairment.parse("loss=0.1, burst=0.01/4, reorder=0.02/10ms, dup=0.03, delay=5ms, jitter=200us,"
                + " corrupt=0.001/2, rate=1000000/20ms");
        assertThat(i).isEqualTo(new Impairment(0.1, 0.01, 4, 0.02, 10 * MS, 0.03, 5 * MS, 200_000, 0.001, 2, 1_000_000,
                20 * MS));
        assertThat(Impairment.parse("")).isEqualTo(Impairment.NONE);
        assertThat(Impairment.parse("delay=1s").delayNanos()).isEqualTo(1_000_000_000L);
        assertThatThrownBy(() -> Impairment.parse("los=0.1")).hasMessageContaining("los");
        assertThatThrownBy(() -> Impairment.parse("loss=1.5")).hasMessageContaining("loss");
        assertThatThrownBy(() -> Impairment.parse("loss")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> Impairment.parse("delay=abc")).hasMessageContaining("delay=abc");
    }
}
