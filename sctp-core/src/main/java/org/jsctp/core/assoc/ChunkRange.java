package org.jsctp.core.assoc;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * A read-only view of a range of the transmit queue's chunk list: one packet's chunks
 * ({@link TransmitQueue}). Re-pointed packet after packet instead of a sub-list made per packet
 * (issue 6), so it is valid only until the queue changes. Indexed access is the way to read it;
 * it does not check for the list changing underneath.
 */
final class ChunkRange extends AbstractList<Chunk> implements RandomAccess {

    private final List<Chunk> all;
    private int start;
    private int end;

    ChunkRange(List<Chunk> all) {
        this.all = all;
    }

    /** Covers {@code all}'s elements from {@code start} (inclusive) to {@code end} (exclusive). */
    ChunkRange cover(int start, int end) {
        this.start = start;
        this.end = end;
        return this;
    }

    /** {@return where the range starts in the whole list} */
    int start() {
        return start;
    }

    @Override
    public Chunk get(int index) {
        if (index < 0 || index >= end - start) {
            throw new IndexOutOfBoundsException("chunk " + index + " of " + (end - start));
        }
        return all.get(start + index);
    }

    @Override
    public int size() {
        return end - start;
    }
}
