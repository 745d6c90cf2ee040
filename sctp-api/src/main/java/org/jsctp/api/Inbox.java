package org.jsctp.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an association's messages and notifications go: to its {@link SctpListener} when one is
 * set, otherwise into queues the application takes from. One per association in the one-to-one
 * style; one for the whole endpoint in the one-to-many style. Filled on the event loop.
 *
 * <p>A message's bytes are credited to its association's receive window (RFC 9260 section 6.2)
 * when the application takes it from the queue, or when the listener returns.
 */
final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final ReceiveQueue<SctpReceivedMessage> messages =
            new ReceiveQueue<>(m -> m.association().creditRead(m.length()));
    private final ReceiveQueue<SctpNotification> notifications = new ReceiveQueue<>(n -> {
    });
    private volatile SctpListener listener;
    /** Messages and notifications held back from the listener while paused, in arrival order (event loop only). */
    private final java.util.ArrayDeque<Object> held = new java.util.ArrayDeque<>();
    private volatile boolean paused;

    Inbox(SctpListener listener) {
        this.listener = listener;
    }

    ReceiveQueue<SctpReceivedMessage> messages() {
        return messages;
    }

    ReceiveQueue<SctpNotification> notifications() {
        return notifications;
    }

    SctpListener listener() {
        return listener;
    }

    /** On the event loop. */
    void deliver(SctpReceivedMessage m) {
        SctpListener l = listener;
        if (l == null) {
            messages.add(m);
            return;
        }
        if (paused || !held.isEmpty()) {
            held.add(m); // not credited: it counts against the receive window until delivered
            return;
        }
        dispatch(l, m);
    }

    private void dispatch(SctpListener l, SctpReceivedMessage m) {
        try {
            l.onMessage(m);
        } catch (RuntimeException e) {
            LOG.warn("listener failed on {}", m, e);
        } finally {
            m.association().creditRead(m.length());
        }
    }

    /** On the event loop. */
    void deliver(SctpNotification n) {
        SctpListener l = listener;
        if (l == null) {
            notifications.add(n);
            return;
        }
        if (paused || !held.isEmpty()) {
            held.add(n);
            return;
        }
        dispatch(l, n);
    }

    private void dispatch(SctpListener l, SctpNotification n) {
        try {
            l.onNotification(n);
        } catch (RuntimeException e) {
            LOG.warn("listener failed on {}", n, e);
        }
    }

    /**
     * On the event loop: sets the listener and hands it what waited in the queues, so nothing
     * is delivered twice or lost.
     */
    void setListener(SctpListener l) {
        listener = l;
        if (l == null) {
            for (Object o; (o = held.poll()) != null; ) { // back to the queues, still uncredited
                if (o instanceof SctpReceivedMessage m) {
                    messages.add(m);
                } else {
                    notifications.add((SctpNotification) o);
                }
            }
            return;
        }
        for (SctpReceivedMessage m : messages.drain()) {
            deliver(m);
        }
        for (SctpNotification n : notifications.drain()) {
            deliver(n);
        }
    }

    /**
     * On the event loop: holds back what arrives for the listener from now on, messages
     * uncredited, so the receive window closes as they pile up (RFC 9260 section 6.2).
     */
    void pause() {
        paused = true;
    }

    /**
     * On the event loop: hands the listener what was held back, in order, until it pauses
     * delivery again (from its callback) or nothing is left.
     */
    void resume() {
        paused = false;
        SctpListener l = listener;
        Object o;
        while (l != null && !paused && (o = held.poll()) != null) {
            if (o instanceof SctpReceivedMessage m) {
                dispatch(l, m);
            } else {
                dispatch(l, (SctpNotification) o);
            }
            l = listener;
        }
    }

    /** Whether nothing waits here to be taken or handed to the listener. */
    boolean isEmpty() {
        return messages.size() == 0 && notifications.size() == 0 && held.isEmpty();
    }
}
