package org.jsctp.api.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.api.SctpReceivedMessage;

/**
 * Gathers the pieces of a partially delivered message (RFC 9260 section 6.9, RFC 6458 section
 * 8.1.20) into reads of up to {@link #PIECE_BYTES}, as a kernel socket fills the reader's buffer:
 * our stack hands over each DATA chunk's bytes, and Netty's {@code SctpMessageCompletionHandler}
 * refuses messages of more than 128 pieces. Kept per stream and ordering, since with I-DATA
 * (RFC 8260) messages of different streams interleave. Thread-safe.
 */
final class PartialPieces {

    /** The largest read a partially delivered message is handed over in, but for its last. */
    static final int PIECE_BYTES = 64 * 1024;

    private final Map<Long, ByteBuf> pending = new HashMap<>();

    /**
     * Adds a received message or piece; returns the bytes to read now (the caller owns them), or
     * null while a piece is being gathered.
     */
    synchronized ByteBuf add(SctpReceivedMessage r, ByteBufAllocator alloc) {
        Long key = key(r.stream(), r.isUnordered());
        ByteBuf b = pending.get(key);
        if (b == null) {
            b = alloc.buffer(r.isComplete() ? r.length() : PIECE_BYTES);
            if (!r.isComplete()) {
                pending.put(key, b);
            }
        }
        b.writeBytes(r.payload());
        if (r.isComplete() || b.readableBytes() >= PIECE_BYTES) {
            pending.remove(key);
            return b;
        }
        return null;
    }

    /** The peer abandoned the message being delivered on this stream (SCTP_PARTIAL_DELIVERY_ABORTED). */
    synchronized void aborted(int stream, boolean unordered) {
        ByteBuf b = pending.remove(key(stream, unordered));
        if (b != null) {
            b.release();
        }
    }

    /** The channel is closed: nothing more will be read. */
    synchronized void releaseAll() {
        pending.values().forEach(ByteBuf::release);
        pending.clear();
    }

    private static Long key(int stream, boolean unordered) {
        return ((long) stream << 1) | (unordered ? 1 : 0);
    }
}
