package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Shutdown Acknowledgement (SHUTDOWN ACK), RFC 9260 section 3.3.9: the header alone.
 *
 * <pre>
 *  type = 8 | flags: reserved | length = 4
 * </pre>
 */
public record ShutdownAckChunk() implements Chunk {

    /** The only instance: the chunk has no fields. */
    public static final ShutdownAckChunk INSTANCE = new ShutdownAckChunk();

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ShutdownAckChunk decode(int flags, WireReader value) throws DecodeException {
        value.expectEnd(); // RFC 9260 section 3.3.9: no value
        return INSTANCE;
    }

    @Override
    public int type() {
        return ChunkType.SHUTDOWN_ACK;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
