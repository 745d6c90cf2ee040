package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Both schedulers against plain models over random activations, head changes, removals and selections. */
class StreamSchedulerProperties {

    private static final int STREAM_IDS = 24;

    @Property(tries = 300)
    void roundRobinServesActiveStreamsInTurn(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 100_000) Integer> ops) {
        RoundRobinScheduler s = new RoundRobinScheduler();
        List<Integer> ring = new ArrayList<>();
        long order = 0;
        for (int v : ops) {
            int stream = (v / 4) % STREAM_IDS;
            switch (v % 4) {
                case 0 -> {
                    if (!ring.contains(stream)) {
                        s.streamActivated(stream, order++, 1);
                        ring.add(stream);
                    }
                }
                case 1 -> {
                    if (ring.contains(stream)) {
                        s.streamDeactivated(stream);
                        ring.remove(Integer.valueOf(stream));
                    }
                }
                case 2 -> {
                    if (ring.contains(stream)) {
                        s.headChanged(stream, order++, 1);
                    }
                }
                default -> {
                    if (!ring.isEmpty()) {
                        int expected = ring.remove(0);
                        ring.add(expected);
                        assertThat(s.select()).isEqualTo(expected);
                        s.produced(expected, 10, v % 8 == 3);
                    }
                }
            }
            s.checkInvariants();
            assertThat(s.activeStreamCount()).isEqualTo(ring.size());
        }
    }

    @Property(tries = 300)
    void fcfsSelectsTheStreamWithTheOldestFirstMessage(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 100_000) Integer> ops) {
        FcfsScheduler s = new FcfsScheduler();
        Map<Integer, Long> heads = new LinkedHashMap<>();
        long order = 0;
        for (int v : ops) {
            int stream = (v / 4) % STREAM_IDS;
            switch (v % 4) {
                case 0 -> {
                    if (!heads.containsKey(stream)) {
                        s.streamActivated(stream, order, 1);
                        heads.put(stream, order++);
                    }
                }
                case 1 -> {
                    if (heads.remove(stream) != null) {
                        s.streamDeactivated(stream);
                    }
                }
                case 2 -> {
                    if (heads.containsKey(stream)) {
                        order += v % 5; // a later message, not always the very next offer
                        s.headChanged(stream, order, 1);
                        heads.put(stream, order++);
                    }
                }
                default -> {
                    if (!heads.isEmpty()) {
                        int expected = -1;
                        long oldest = Long.MAX_VALUE;
                        for (Map.Entry<Integer, Long> e : heads.entrySet()) {
                            if (e.getValue() < oldest) {
                                oldest = e.getValue();
                                expected = e.getKey();
                            }
                        }
                        assertThat(s.select()).isEqualTo(expected);
                    }
                }
            }
            s.checkInvariants();
            assertThat(s.activeStreamCount()).isEqualTo(heads.size());
        }
    }
}
