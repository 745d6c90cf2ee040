package org.jsctp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Measures; not a test yet. */
class SteadyStateAllocationTest {

    @Test
    void measure() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BackToBackTransfer pair = BackToBackTransfer.defaults();
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 8; round++) {
            long before = mx.getThreadAllocatedBytes(id);
            pair.send(20_000);
            long after = mx.getThreadAllocatedBytes(id);
            System.out.println("round " + round + ": " + (after - before) / 20_000.0 + " B/message, delivered "
                    + pair.deliveredMessages() + " cwnd " + pair.client().cwnd());
        }
        assertThat(pair.deliveredMessages()).isGreaterThan(0);
    }
}
