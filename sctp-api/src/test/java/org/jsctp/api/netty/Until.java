package org.jsctp.api.netty;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition on the stack's state by asking again every millisecond (each question a
 * round trip to an event loop; nothing is assumed to have happened because time passed); fails
 * after 20 s, reached only when something is broken.
 */
final class Until {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private Until() {
    }

    static void until(String what, Callable<Boolean> condition) throws Exception {
        long giveUp = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.call()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("gave up waiting until " + what);
            }
            // look again in 1 ms: a spinning look would take a CPU from the stack under test
            LockSupport.parkNanos(1_000_000);
        }
    }
}
