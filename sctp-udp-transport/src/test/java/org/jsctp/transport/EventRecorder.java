package org.jsctp.transport;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;

/** A listener for tests (also the conformance suite's): records every event and completes futures when a matching one arrives. */
public final class EventRecorder implements AssociationListener {

    /** One recorded event. */
    public record Recorded(SctpUdpAssociation association, AssociationEvent event) {
    }

    private record Waiter(Predicate<Recorded> condition, CompletableFuture<Recorded> future) {
    }

    private final List<Recorded> events = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<AssociationListener> forwards = new ArrayList<>();

    @Override
    public void onEvent(SctpUdpAssociation association, AssociationEvent event) {
        Recorded r = new Recorded(association, event);
        List<CompletableFuture<Recorded>> due = new ArrayList<>();
        List<AssociationListener> to;
        synchronized (this) {
            events.add(r);
            waiters.removeIf(w -> {
                if (w.condition().test(r)) {
                    due.add(w.future());
                    return true;
                }
                return false;
            });
            to = List.copyOf(forwards);
        }
        for (AssociationListener l : to) {
            l.onEvent(association, event);
        }
        due.forEach(f -> f.complete(r));
    }

    /** Also hands every event to {@code l}. */
    public synchronized EventRecorder forwardTo(AssociationListener l) {
        forwards.add(l);
        return this;
    }

    /** Completes with the first event, past or future, that matches. */
    public synchronized CompletableFuture<Recorded> when(Predicate<Recorded> condition) {
        for (Recorded r : events) {
            if (condition.test(r)) {
                return CompletableFuture.completedFuture(r);
            }
        }
        CompletableFuture<Recorded> f = new CompletableFuture<>();
        waiters.add(new Waiter(condition, f));
        return f;
    }

    /** Completes with the first event of this type. */
    public CompletableFuture<Recorded> when(Class<? extends AssociationEvent> type) {
        return when(r -> type.isInstance(r.event()));
    }

    /** Completes once {@code count} messages have arrived in all (a message in pieces counts at its last). */
    public CompletableFuture<Recorded> whenMessages(int count) {
        int[] seen = {0};
        synchronized (this) {
            return when(r -> r.event() instanceof AssociationEvent.MessageReceived m && m.message().complete()
                    && ++seen[0] == count);
        }
    }

    public synchronized List<Recorded> events() {
        return List.copyOf(events);
    }

    /**
     * The received messages, in the order they were completed; one that came in pieces is joined
     * (its pieces come in order, nothing else of its stream between them).
     */
    public synchronized List<ReceivedMessage> messages() {
        List<ReceivedMessage> out = new ArrayList<>();
        Map<Integer, List<ReceivedMessage>> open = new HashMap<>();
        for (Recorded r : events) {
            if (r.event() instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage piece = m.message();
                List<ReceivedMessage> pieces = open.computeIfAbsent(piece.streamId(), k -> new ArrayList<>());
                pieces.add(piece);
                if (piece.complete()) {
                    open.remove(piece.streamId());
                    out.add(pieces.size() == 1 ? piece : joined(pieces));
                }
            }
        }
        return out;
    }

    private static ReceivedMessage joined(List<ReceivedMessage> pieces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ReceivedMessage p : pieces) {
            bytes.writeBytes(p.payload().toByteArray());
        }
        ReceivedMessage first = pieces.get(0);
        return new ReceivedMessage(first.streamId(), first.unordered(), first.interleaved(), first.sequenceNumber(),
                first.ppid(), Bytes.wrap(bytes.toByteArray()), first.firstTsn(), pieces.get(pieces.size() - 1).lastTsn());
    }

    /** Whether an event of this type was recorded. */
    public synchronized boolean saw(Class<? extends AssociationEvent> type) {
        return events.stream().anyMatch(r -> type.isInstance(r.event()));
    }
}
