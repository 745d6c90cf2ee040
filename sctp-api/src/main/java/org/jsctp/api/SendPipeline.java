package org.jsctp.api;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * The way of an association's outgoing messages into the core's send buffer, in the order they
 * were given, whatever the style of the call (blocking, asynchronous, {@code trySend}).
 *
 * <p>Callers add entries to a concurrent queue and ask for a flush; one flush task at a time runs
 * on the event loop, offers the entries to the core in order and stops at the first the full send
 * buffer refuses (back-pressure: the buffer is bounded by SO_SNDBUF). Refused entries wait, without
 * any timer, until the transport reports after an input that the buffer has room for the first of
 * them ({@link #onInputProcessed}): the core's progress (a SACK, an opening window) is what wakes
 * them. Asynchronous sends may wait only up to a bound, beyond which they fail at once.
 */
final class SendPipeline {

    /** One message on its way; {@code done} completes when the core's send buffer took it. */
    static final class Entry {
        final OutgoingMessage message;
        final boolean async;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Entry(OutgoingMessage message, boolean async) {
            this.message = message;
            this.async = async;
        }

        int length() {
            return message.payload().length();
        }
    }

    private final int asyncLimit;
    private final Function<Integer, SctpException> asyncFull;
    private final ConcurrentLinkedQueue<Entry> incoming = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>(); // event loop only
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicInteger asyncWaiting = new AtomicInteger();
    private final AtomicLong unacceptedBytes = new AtomicLong();
    private volatile int waitingCount;
    private volatile SctpUdpAssociation transport;
    private volatile SctpException closed;
    private volatile Function<IllegalStateException, SctpException> refusedByState;

    SendPipeline(int asyncLimit, Function<Integer, SctpException> asyncFull) {
        this.asyncLimit = asyncLimit;
        this.asyncFull = asyncFull;
    }

    /**
     * The association is up: entries go to the core from now on.
     *
     * @param refusedByState the failure for entries the core refuses because of its state (shutting down)
     */
    void open(SctpUdpAssociation transport, Function<IllegalStateException, SctpException> refusedByState) {
        this.refusedByState = refusedByState;
        this.transport = transport;
        scheduleFlush();
    }

    /** Adds a message; fails at once when closed, or when asynchronous and too many already wait. */
    Entry submit(OutgoingMessage m, boolean async) {
        Entry e = new Entry(m, async);
        SctpException c = closed;
        if (c != null) {
            e.done.completeExceptionally(c);
            return e;
        }
        if (async && asyncWaiting.incrementAndGet() > asyncLimit) {
            asyncWaiting.decrementAndGet();
            e.done.completeExceptionally(asyncFull.apply(asyncLimit));
            return e;
        }
        unacceptedBytes.addAndGet(e.length());
        incoming.add(e);
        if (closed != null) {
            failIncoming(closed); // closed meanwhile: nobody else would take it
        }
        scheduleFlush();
        return e;
    }

    /**
     * Adds the message only if the send buffer has room for it now and nothing waits before it;
     * false otherwise. Room is what the event loop published after its last input less what was
     * given since and not yet taken, so it never overfills the buffer.
     */
    boolean trySubmit(OutgoingMessage m) throws SctpException {
        SctpException c = closed;
        if (c != null) {
            throw c;
        }
        SctpUdpAssociation t = transport;
        if (t == null || waitingCount > 0 || !incoming.isEmpty()
                || t.sendBufferAvailable() - unacceptedBytes.get() < m.payload().length()) {
            return false;
        }
        submit(m, false);
        return true;
    }

    /** On the event loop after every input: the first waiting entry fits now, so flush. */
    void onInputProcessed() {
        SctpUdpAssociation t = transport;
        Entry first = waiting.peek();
        if (t != null && first != null && t.sendBufferAvailable() >= first.length()) {
            scheduleFlush();
        }
    }

    /**
     * Withdraws an entry that has not been taken yet (a blocking send that timed out or was
     * interrupted), completing it with {@code why}; an entry already taken stays taken. The
     * caller then waits on {@code done}.
     */
    void withdraw(Entry e, SctpException why) {
        SctpUdpAssociation t = transport;
        if (t == null) {
            if (incoming.remove(e)) {
                release(e);
                unacceptedBytes.addAndGet(-e.length());
                e.done.completeExceptionally(why);
            }
            return;
        }
        t.call((core, now) -> {
            if (!e.done.isDone() && (waiting.remove(e) || incoming.remove(e))) {
                release(e);
                unacceptedBytes.addAndGet(-e.length());
                waitingCount = waiting.size();
                e.done.completeExceptionally(why);
            }
            return null;
        }).whenComplete((v, ex) -> {
            if (ex != null) {
                e.done.completeExceptionally(why);
            }
        });
    }

    /** No more sends: every entry not yet taken fails with {@code why}; later ones fail at once. */
    void close(SctpException why) {
        if (closed == null) {
            closed = why;
        }
        failIncoming(closed);
        for (Entry e; (e = waiting.poll()) != null; ) {
            release(e);
            e.done.completeExceptionally(closed);
        }
        waitingCount = 0;
        unacceptedBytes.set(0);
    }

    boolean isClosed() {
        return closed != null;
    }

    private void scheduleFlush() {
        SctpUdpAssociation t = transport;
        if (t == null || !flushScheduled.compareAndSet(false, true)) {
            return;
        }
        t.call((core, now) -> {
            flushScheduled.set(false);
            return flush(core, now);
        }).whenComplete((taken, ex) -> {
            if (ex != null) {
                flushScheduled.set(false);
                close(new SctpClosedException("the endpoint's event loop has shut down", null, ex));
            } else {
                unacceptedBytes.addAndGet(-taken); // after the drain published the new room
            }
        });
    }

    /** On the event loop: offers entries in order until the buffer refuses one; returns the bytes taken. */
    private long flush(Association core, long now) {
        for (Entry e; (e = incoming.poll()) != null; ) {
            waiting.add(e);
        }
        long taken = 0;
        for (Entry e; (e = waiting.peek()) != null; ) {
            if (e.done.isDone()) {
                waiting.poll();
                release(e);
                taken += e.length();
                continue;
            }
            SendQueue.OfferResult r;
            try {
                r = core.send(e.message, now);
            } catch (IllegalStateException notAccepting) {
                close(refusedByState.apply(notAccepting)); // RFC 9260 section 9.2: no new data once shutting down
                return taken;
            }
            if (r == SendQueue.OfferResult.REFUSED_BUFFER_FULL) {
                break;
            }
            waiting.poll();
            release(e);
            taken += e.length();
            if (r == SendQueue.OfferResult.ACCEPTED) {
                e.done.complete(null);
            } else {
                e.done.completeExceptionally(new IllegalArgumentException("message refused by the association: " + r));
            }
        }
        waitingCount = waiting.size();
        return taken;
    }

    private void release(Entry e) {
        if (e.async) {
            asyncWaiting.decrementAndGet();
        }
    }

    private void failIncoming(SctpException why) {
        for (Entry e; (e = incoming.poll()) != null; ) {
            release(e);
            e.done.completeExceptionally(why);
        }
    }
}
