package org.jsctp.transport;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a load test checks the JVM gets back: heap after a full collection, and threads. */
public final class JvmResources {

    private JvmResources() {
    }

    /** Heap in use after full collections (the smallest of a few readings): the retained heap. */
    public static long retainedHeapBytes() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** The live threads now. */
    public static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * The threads that are alive now but were not in {@code before}, after giving each up to
     * {@code timeoutMillis} in all to end (event loops end shortly after their group's shutdown
     * completes).
     */
    public static List<String> threadsLeftSince(Set<Thread> before, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        for (Thread t : liveThreads()) {
            if (!before.contains(t)) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        return liveThreads().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).sorted().collect(Collectors.toList());
    }
}
