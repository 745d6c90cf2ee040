package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Chunk List (CHUNKS), RFC 4895 section 3.2: the chunk types its sender accepts only inside an
 * authenticated (AUTH) part of a packet.
 *
 * <pre>
 *  type = 0x8003 | length = 4 + N
 *  Chunk Type 1 (8) | Chunk Type 2 (8) | ... | Chunk Type N (8)
 * </pre>
 *
 * <p>Which types may be listed (RFC 4895 forbids INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH) is
 * checked by the association; any 8-bit types decode.
 *
 * @param chunkTypes the listed chunk types, each an 8-bit value; may be empty
 */
public record ChunkListParameter(List<Integer> chunkTypes) implements Parameter {

    /**
     * Checks the ranges.
     *
     * @param chunkTypes the listed chunk types, each an 8-bit value; may be empty
     */
    public ChunkListParameter {
        chunkTypes = FieldLists.checkedU8List(chunkTypes, "chunk type");
        ValueLimits.valueLength(chunkTypes.size(), "Chunk List");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ChunkListParameter decode(WireReader value) throws DecodeException {
        // RFC 4895 section 3.2: one chunk type per byte of value.
        return new ChunkListParameter(FieldLists.readU8List(value));
    }

    /**
     * {@return whether chunks of {@code chunkType} must be authenticated}
     *
     * @param chunkType a chunk type, 0..255
     */
    public boolean lists(int chunkType) {
        return chunkTypes.contains(chunkType);
    }

    @Override
    public int type() {
        return ParameterType.CHUNK_LIST;
    }

    @Override
    public int valueLength() {
        return chunkTypes.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        FieldLists.writeU8List(out, chunkTypes);
    }
}
