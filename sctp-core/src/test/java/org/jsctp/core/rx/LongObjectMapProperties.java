package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LongObjectMapProperties {

    /** The map answers exactly like java.util.HashMap over random puts, removes and gets. */
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int steps,
                             @ForAll boolean wideKeys) {
        Random rnd = new Random(seed);
        LongObjectMap<String> map = new LongObjectMap<>();
        Map<Long, String> model = new HashMap<>();
        for (int i = 0; i < steps; i++) {
            long key = wideKeys ? rnd.nextLong() % 64 * 0x1_0000_0001L : rnd.nextInt(64);
            switch (rnd.nextInt(3)) {
                case 0 -> assertThat(map.put(key, "v" + i)).isEqualTo(model.put(key, "v" + i));
                case 1 -> assertThat(map.remove(key)).isEqualTo(model.remove(key));
                default -> assertThat(map.get(key)).isEqualTo(model.get(key));
            }
            map.checkInvariants();
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (Map.Entry<Long, String> e : model.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
