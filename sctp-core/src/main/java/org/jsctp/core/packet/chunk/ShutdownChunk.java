package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Shutdown Association (SHUTDOWN), RFC 9260 section 3.3.8: starts a graceful close.
 *
 * <pre>
 *  type = 7 | flags: reserved | length = 8
 *  Cumulative TSN Ack (32)
 * </pre>
 *
 * @param cumulativeTsnAck the last TSN the sender received in sequence
 */
public record ShutdownChunk(Tsn cumulativeTsnAck) implements Chunk {

    /** Size of the value after the chunk header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Rejects null.
     *
     * @param cumulativeTsnAck the last TSN the sender received in sequence
     */
    public ShutdownChunk {
        Objects.requireNonNull(cumulativeTsnAck, "cumulativeTsnAck");
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ShutdownChunk decode(int flags, WireReader value) throws DecodeException {
        Tsn cumulativeTsnAck = new Tsn(value.readU32());
        value.expectEnd(); // RFC 9260 section 3.3.8: the length is exactly 8
        return new ShutdownChunk(cumulativeTsnAck);
    }

    @Override
    public int type() {
        return ChunkType.SHUTDOWN;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, cumulativeTsnAck.value());
    }
}
