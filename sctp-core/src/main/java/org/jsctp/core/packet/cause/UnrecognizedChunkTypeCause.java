package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * Unrecognized Chunk Type, RFC 9260 section 3.3.10.6: the receiver did not understand a chunk
 * whose type asked to be reported (RFC 9260 section 3.2).
 *
 * <pre>
 *  Cause Code = 6 | Cause Length
 *  Unrecognized Chunk: Chunk Type, Chunk Flags, Chunk Length and value (Cause Length - 4 bytes)
 * </pre>
 *
 * <p>The chunk is kept byte for byte (see {@link Echoed}). Implementations differ on its end:
 * Linux copies the chunk without its padding, usrsctp with it.
 *
 * @param chunk the unrecognized chunk as received, header included, at least 4 bytes
 */
public record UnrecognizedChunkTypeCause(Bytes chunk) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param chunk the unrecognized chunk as received, header included, at least 4 bytes
     */
    public UnrecognizedChunkTypeCause {
        Echoed.check(chunk, Tlv.HEADER_LENGTH, "unrecognized chunk");
    }

    /**
     * {@return the cause reporting {@code chunk}, copied with its header and without padding}
     *
     * @param chunk the unrecognized chunk
     */
    public static UnrecognizedChunkTypeCause of(Chunk chunk) {
        return new UnrecognizedChunkTypeCause(Echoed.encode(chunk));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static UnrecognizedChunkTypeCause decode(WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10.6: the chunk complete with its header, so at least 4 bytes
        return new UnrecognizedChunkTypeCause(Echoed.read(value, Tlv.HEADER_LENGTH, "unrecognized chunk"));
    }

    /** {@return the type of the unrecognized chunk: its first byte} */
    public int chunkType() {
        return chunk.getUnsigned(0);
    }

    @Override
    public int code() {
        return CauseCode.UNRECOGNIZED_CHUNK_TYPE;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), ChunkType.name(chunkType()));
    }

    @Override
    public int valueLength() {
        return chunk.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        chunk.writeTo(out);
    }
}
