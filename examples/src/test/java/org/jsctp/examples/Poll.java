package org.jsctp.examples;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something a tool or a usrsctp program shows (a line in its output or its log) by
 * looking again every millisecond until a deadline. Nothing is assumed to have happened because
 * time passed: the deadline is only reached when something is broken. The pause between looks is
 * there because these waits share 2 vCPUs with the programs they watch: a spinning look, which
 * copies a growing output or re-reads a growing log each time, takes a CPU from them.
 */
final class Poll {

    private static final long INTERVAL_NANOS = 1_000_000;

    private Poll() {
    }

    /** Whether {@code condition} held within {@code timeout}. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        return first(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout).isPresent();
    }

    /** The first value {@code look} finds within {@code timeout}, or empty. */
    static <T> Optional<T> first(Supplier<Optional<T>> look, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = look.get();
            if (found.isPresent() || System.nanoTime() - deadline > 0) {
                return found;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }
}
