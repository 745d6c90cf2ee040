package org.jsctp.transport.impair;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * Feeds every message an endpoint receives to a {@link MessageLedger} (joining a message that
 * comes in pieces: its pieces arrive in order, nothing else of its stream between them), and
 * completes futures when a count of messages has arrived.
 */
public final class LedgerListener implements AssociationListener {

    private final MessageLedger ledger;
    private final Map<Integer, ByteArrayOutputStream> open = new HashMap<>();
    private final AtomicInteger complete = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Void>> waiters = new HashMap<>();

    public LedgerListener(MessageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void onEvent(SctpUdpAssociation association, AssociationEvent event) {
        if (!(event instanceof AssociationEvent.MessageReceived m)) {
            return;
        }
        ReceivedMessage piece = m.message();
        byte[] bytes = piece.payload().toByteArray();
        ByteArrayOutputStream pending = open.get(piece.streamId());
        if (!piece.complete()) {
            open.computeIfAbsent(piece.streamId(), k -> new ByteArrayOutputStream()).writeBytes(bytes);
            return;
        }
        if (pending != null) {
            open.remove(piece.streamId());
            pending.writeBytes(bytes);
            bytes = pending.toByteArray();
        }
        ledger.onReceived(piece.streamId(), piece.unordered(), bytes);
        int n = complete.incrementAndGet();
        CompletableFuture<Void> w;
        synchronized (waiters) {
            w = waiters.remove(n);
        }
        if (w != null) {
            w.complete(null);
        }
    }

    /** Completes once {@code count} complete messages have arrived. */
    public CompletableFuture<Void> whenReceived(int count) {
        synchronized (waiters) {
            if (complete.get() >= count) {
                return CompletableFuture.completedFuture(null);
            }
            return waiters.computeIfAbsent(count, k -> new CompletableFuture<>());
        }
    }

    public MessageLedger ledger() {
        return ledger;
    }
}
