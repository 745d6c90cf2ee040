package org.jsctp.core.packet.chunk;

import java.util.Objects;
import org.jsctp.core.seq.Mid;

/**
 * One stream entry of an I-FORWARD-TSN chunk (RFC 8260 section 2.3.1): the largest message
 * identifier being skipped on a stream, for its ordered or its unordered messages.
 *
 * <pre>
 *  Stream Identifier (16) | Reserved (15) U (1)
 *  Message Identifier (32)
 * </pre>
 *
 * @param streamId the stream the skipped messages belong to
 * @param unordered the U bit: the entry is about the stream's unordered messages
 * @param mid the largest MID among the skipped messages
 */
public record IForwardTsnEntry(int streamId, boolean unordered, Mid mid) {

    /** Bytes one entry takes on the wire. */
    public static final int LENGTH = 8;
    /** The U bit in the 16-bit word after the stream identifier. */
    public static final int FLAG_UNORDERED = 0x0001;

    /**
     * Rejects null, checks the ranges.
     *
     * @param streamId the stream the skipped messages belong to
     * @param unordered the U bit: the entry is about the stream's unordered messages
     * @param mid the largest MID among the skipped messages
     * @throws IllegalArgumentException if a component is out of range
     */
    public IForwardTsnEntry {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream identifier is a 16-bit value: " + streamId);
        }
        Objects.requireNonNull(mid, "mid");
    }
}
