package org.jsctp.examples;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;

/**
 * Joins messages that arrive in pieces back into whole messages, for tools that work on whole
 * messages. A large message comes as several {@code MessageReceived} events on its stream, the
 * last one complete, with nothing else of the stream between them (partial delivery, RFC 9260
 * section 6.9 and RFC 6458 section 8.1.20); a {@code PartialDeliveryAborted} event ends one that
 * will not be completed (RFC 6458 section 6.1.7).
 *
 * <p>Pieces are kept per association and stream, up to {@code maxMessageBytes} per message: a
 * longer message is dropped whole (its pieces so far and those still to come). Calls for one
 * association must not overlap; the transport calls a listener that way.
 */
final class MessageJoiner {

    /** The pieces of one message so far, or a message being dropped for its size. */
    private static final class Partial {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReceivedMessage first;
        boolean tooLarge;
    }

    private final int maxMessageBytes;
    private final Map<Object, Map<Integer, Partial>> partials = new HashMap<>();

    /** @param maxMessageBytes the largest message joined; longer ones are dropped */
    MessageJoiner(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Takes one event of {@code association}: returns the whole message a {@code MessageReceived}
     * completes (the event's own message when it was whole), or null while more pieces are to
     * come, for a message dropped for its size, and for other events. An aborted partial
     * delivery is forgotten, and so is everything of an association that ended or restarted.
     */
    synchronized ReceivedMessage onEvent(Object association, AssociationEvent event) {
        if (event instanceof AssociationEvent.MessageReceived m) {
            return offer(association, m.message());
        }
        if (event instanceof AssociationEvent.PartialDeliveryAborted a) {
            Map<Integer, Partial> byStream = partials.get(association);
            if (byStream != null) {
                byStream.remove(a.streamId());
            }
        } else if (event instanceof AssociationEvent.CommunicationLost || event instanceof AssociationEvent.ShutdownComplete
                || event instanceof AssociationEvent.Restarted) {
            partials.remove(association);
        }
        return null;
    }

    /** Number of messages being joined; for tests. */
    synchronized int pending() {
        return partials.values().stream().mapToInt(Map::size).sum();
    }

    private ReceivedMessage offer(Object association, ReceivedMessage piece) {
        Map<Integer, Partial> byStream = partials.get(association);
        Partial p = byStream == null ? null : byStream.get(piece.streamId());
        if (p == null) {
            if (piece.complete()) {
                return piece.payload().length() <= maxMessageBytes ? piece : null;
            }
            p = new Partial();
            p.first = piece;
            partials.computeIfAbsent(association, k -> new HashMap<>()).put(piece.streamId(), p);
        }
        if (!p.tooLarge && p.bytes.size() + (long) piece.payload().length() > maxMessageBytes) {
            p.tooLarge = true;
            p.bytes.reset();
        }
        if (!p.tooLarge) {
            p.bytes.writeBytes(piece.payload().toByteArray());
        }
        if (!piece.complete()) {
            return null;
        }
        partials.get(association).remove(piece.streamId());
        if (p.tooLarge) {
            return null;
        }
        ReceivedMessage f = p.first;
        return new ReceivedMessage(f.streamId(), f.unordered(), f.interleaved(), f.sequenceNumber(), f.ppid(),
                Bytes.wrap(p.bytes.toByteArray()), f.firstTsn(), piece.lastTsn());
    }
}
