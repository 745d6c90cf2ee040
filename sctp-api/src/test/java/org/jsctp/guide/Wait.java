package org.jsctp.guide;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on the stack's state by asking again and again (no sleep), failing after
 * 10 s: the bound is reached only when something is broken. Test bookkeeping, not shown in the guide.
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
            Thread.onSpinWait();
        }
    }
}
