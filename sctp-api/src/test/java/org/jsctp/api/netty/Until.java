package org.jsctp.api.netty;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a condition on the stack's state by asking again and again (each question a round
 * trip to an event loop, not a sleep); fails after 20 s, reached only when something is broken.
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
            Thread.onSpinWait();
        }
    }
}
