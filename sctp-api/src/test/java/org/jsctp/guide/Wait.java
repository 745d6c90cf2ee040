package org.jsctp.guide;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on the stack's state by asking again every millisecond (nothing is assumed
 * to have happened because time passed), failing after 10 s: the bound is reached only when
 * something is broken. Test bookkeeping, not shown in the guide.
 */
final class Wait {

    private Wait() {
    }

    static void until(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("gave up waiting until " + what);
            }
            // look again in 1 ms: a spinning look would take a CPU from the stack under test
            LockSupport.parkNanos(1_000_000);
        }
    }
}
