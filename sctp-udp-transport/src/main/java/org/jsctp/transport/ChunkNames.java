package org.jsctp.transport;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/** Short descriptions of a packet's chunks for debug logs. */
final class ChunkNames {

    private ChunkNames() {
    }

    /** E.g. {@code [SackChunk, DataChunk, DataChunk]}. */
    static String of(List<? extends Chunk> chunks) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < chunks.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(chunks.get(i).getClass().getSimpleName());
        }
        return b.append(']').toString();
    }
}
