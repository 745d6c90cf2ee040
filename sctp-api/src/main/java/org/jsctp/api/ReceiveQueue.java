package org.jsctp.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A queue the event loop fills and any thread takes from: blocking with or without a timeout,
 * asynchronously, or by polling. It ends either normally (takes then return null, like read()
 * returning -1) or with a failure (takes then throw it), but only after everything queued before
 * was taken. Waiting uses a {@link ReentrantLock} and its condition, so virtual threads unmount
 * while they wait. {@code onTake} sees every item as it is taken, whoever takes it.
 *
 * @param <T> the items
 */
final class ReceiveQueue<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<T>> waiters = new ArrayDeque<>();
    private final Consumer<T> onTake;
    private boolean ended;
    private SctpException failure;

    ReceiveQueue(Consumer<T> onTake) {
        this.onTake = onTake;
    }

    /**
     * Adds an item, handing it to the oldest asynchronous taker if one waits. Ignored after a
     * failure; after a normal end it is still taken before the end shows.
     */
    void add(T item) {
        CompletableFuture<T> waiter;
        lock.lock();
        try {
            if (failure != null) {
                return;
            }
            waiter = liveWaiter();
            if (waiter == null) {
                items.add(item);
                changed.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        onTake.accept(item);
        waiter.complete(item);
    }

    /** Ends normally: once the queue is empty, takes return null. The first end or failure counts. */
    void end() {
        terminate(null);
    }

    /** Ends with {@code failure}: once the queue is empty, takes throw it. The first end or failure counts. */
    void fail(SctpException failure) {
        terminate(failure);
    }

    /** The next item, null if none is waiting (or the queue ended); throws the failure once empty. */
    T poll() throws SctpException {
        T item;
        lock.lock();
        try {
            item = items.poll();
            if (item == null && failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
        if (item != null) {
            onTake.accept(item);
        }
        return item;
    }

    /**
     * Waits for the next item; null once ended normally.
     *
     * @param timeoutNanos how long to wait, or negative for no limit
     * @param onTimeout the exception thrown when the time runs out
     */
    T take(long timeoutNanos, Supplier<SctpException> onTimeout) throws SctpException, InterruptedException {
        T item;
        lock.lockInterruptibly();
        try {
            long left = timeoutNanos;
            while ((item = items.poll()) == null) {
                if (failure != null) {
                    throw failure;
                }
                if (ended) {
                    return null;
                }
                if (timeoutNanos < 0) {
                    changed.await();
                } else if (left <= 0) {
                    throw onTimeout.get();
                } else {
                    left = changed.awaitNanos(left);
                }
            }
        } finally {
            lock.unlock();
        }
        onTake.accept(item);
        return item;
    }

    /** The next item when there is one; completes with null once ended, exceptionally on failure. */
    CompletableFuture<T> takeAsync() {
        T item;
        lock.lock();
        try {
            item = items.poll();
            if (item == null) {
                if (failure != null) {
                    return CompletableFuture.failedFuture(failure);
                }
                if (ended) {
                    return CompletableFuture.completedFuture(null);
                }
                CompletableFuture<T> f = new CompletableFuture<>();
                waiters.add(f);
                return f;
            }
        } finally {
            lock.unlock();
        }
        onTake.accept(item);
        return CompletableFuture.completedFuture(item);
    }

    /** Takes every waiting item at once (e.g. for a listener set later), without {@code onTake}. */
    List<T> drain() {
        lock.lock();
        try {
            List<T> all = new ArrayList<>(items);
            items.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code item} if it is still queued; whether it was. */
    boolean remove(T item) {
        lock.lock();
        try {
            return items.remove(item);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    private void terminate(SctpException cause) {
        List<CompletableFuture<T>> waiting;
        lock.lock();
        try {
            if (ended || failure != null) {
                return;
            }
            if (cause == null) {
                ended = true;
            } else {
                failure = cause;
            }
            changed.signalAll();
            waiting = new ArrayList<>(waiters); // asynchronous takers wait only while the queue is empty
            waiters.clear();
        } finally {
            lock.unlock();
        }
        for (CompletableFuture<T> w : waiting) {
            if (cause == null) {
                w.complete(null);
            } else {
                w.completeExceptionally(cause);
            }
        }
    }

    private CompletableFuture<T> liveWaiter() {
        for (CompletableFuture<T> w; (w = waiters.poll()) != null; ) {
            if (!w.isDone()) {
                return w; // a waiter the caller cancelled is skipped
            }
        }
        return null;
    }

    static long nanos(java.time.Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return TimeUnit.DAYS.toNanos(365 * 100L);
        }
    }
}
