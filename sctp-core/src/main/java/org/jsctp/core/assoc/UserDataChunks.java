package org.jsctp.core.assoc;

import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;

/**
 * What the transmit loop asks of a DATA (RFC 9260 section 3.3.1) or I-DATA (RFC 8260 section
 * 2.1) chunk it just made, alike for both kinds.
 */
final class UserDataChunks {

    private UserDataChunks() {
    }

    /** {@return whether the chunk has the E bit: its message's last fragment} */
    static boolean ending(Chunk chunk) {
        return chunk instanceof DataChunk d ? d.ending() : ((IDataChunk) chunk).ending();
    }

    /** {@return the user data length of the chunk: what it counts for in the flight size} */
    static int payloadLength(Chunk chunk) {
        return chunk instanceof DataChunk d ? d.userData().length() : ((IDataChunk) chunk).userData().length();
    }

    /** {@return the same chunk with the I bit set (RFC 7053 section 3)} */
    static Chunk withImmediate(Chunk chunk) {
        if (chunk instanceof DataChunk d) {
            return new DataChunk(true, d.unordered(), d.beginning(), d.ending(), d.tsnValue(), d.streamId(),
                    d.ssnValue(), d.ppid(), d.userData());
        }
        IDataChunk i = (IDataChunk) chunk;
        return new IDataChunk(true, i.unordered(), i.beginning(), i.ending(), i.tsn(), i.streamId(), i.mid(), i.ppid(),
                i.fsn(), i.userData());
    }
}
