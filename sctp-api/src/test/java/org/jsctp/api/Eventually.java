package org.jsctp.api;

import java.util.concurrent.Callable;

/**
 * Waits for a condition on the stack's state by asking again and again (each question is a round
 * trip to the event loop, not a sleep), failing after {@link Loopback#TIMEOUT}. No timing is
 * asserted: the bound is only reached when something is broken.
 */
final class Eventually {

    private Eventually() {
    }

    static void until(String what, Callable<Boolean> condition) throws Exception {
        long giveUp = System.nanoTime() + Loopback.TIMEOUT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }
}
