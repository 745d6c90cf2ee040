package org.jsctp.core.packet.chunk;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;

/**
 * Decodes chunks: the dispatch from chunk type to the chunk's own {@code decode}, and the chunk
 * sequence that follows a packet's common header (RFC 9260 section 3.2).
 */
public final class Chunks {

    private Chunks() {
    }

    /**
     * Decodes every chunk in {@code in} up to its end. Each chunk must be padded to a multiple of
     * four bytes, the last one included: the packet's length covers it (RFC 9260 section 3.2).
     *
     * @param in the reader, at the first chunk
     * @return the chunks, in packet order
     * @throws DecodeException if a chunk is malformed or unpadded
     */
    public static List<Chunk> decodeList(WireReader in) throws DecodeException {
        return decodeList(in, WireReader.unbound());
    }

    /**
     * As {@link #decodeList(WireReader)}, with {@code value} re-pointed at each chunk's value in
     * turn rather than a new reader per chunk (no chunk keeps the reader it was decoded from).
     *
     * @param in the reader, at the first chunk
     * @param value a scratch reader, re-pointed at each chunk's value
     * @return the chunks, in packet order
     * @throws DecodeException if a chunk is malformed or unpadded
     */
    public static List<Chunk> decodeList(WireReader in, WireReader value) throws DecodeException {
        // One or two chunks (a DATA packet, a SACK, a SACK with DATA) make an immutable list of
        // one object that the packet keeps without copying; only longer packets need a buffer.
        if (!in.hasRemaining()) {
            return List.of();
        }
        return decodeListAfter(decodeNext(in, value), in, value);
    }

    /**
     * As {@link #decodeList(WireReader, WireReader)} once the first chunk is decoded: the chunks
     * from {@code first} on. A decoder that finds nothing after the first chunk keeps that chunk
     * alone and calls this only when bytes remain (no list for a packet of one chunk, issue 6).
     *
     * @param first the packet's first chunk, already decoded
     * @param in the reader, after the first chunk
     * @param value a scratch reader, re-pointed at each chunk's value
     * @return the chunks, in packet order, {@code first} first; immutable for up to two chunks
     * @throws DecodeException if a chunk is malformed or unpadded
     */
    public static List<Chunk> decodeListAfter(Chunk first, WireReader in, WireReader value) throws DecodeException {
        if (!in.hasRemaining()) {
            return List.of(first);
        }
        Chunk second = decodeNext(in, value);
        if (!in.hasRemaining()) {
            return List.of(first, second);
        }
        List<Chunk> chunks = new ArrayList<>(Math.min(in.remaining() / Tlv.HEADER_LENGTH + 2, 8));
        chunks.add(first);
        chunks.add(second);
        while (in.hasRemaining()) {
            chunks.add(decodeNext(in, value));
        }
        return chunks;
    }

    /**
     * Decodes the chunk at the reader's position, with its padding, and advances past it.
     *
     * @param in the reader, at the chunk's header
     * @return the chunk
     * @throws DecodeException if the chunk is malformed or unpadded
     */
    public static Chunk decodeNext(WireReader in) throws DecodeException {
        return decodeNext(in, WireReader.unbound());
    }

    /**
     * As {@link #decodeNext(WireReader)}, decoding the chunk's value through {@code scratch}, re-pointed.
     *
     * @param in the reader, at the chunk's header
     * @param scratch a scratch reader, re-pointed at the chunk's value
     * @return the chunk
     * @throws DecodeException if the chunk is malformed or unpadded
     */
    public static Chunk decodeNext(WireReader in, WireReader scratch) throws DecodeException {
        int start = in.position();
        if (in.remaining() < Tlv.HEADER_LENGTH) {
            throw new DecodeException(DecodeException.Reason.TRUNCATED, in.element(), start,
                    in.remaining() + " bytes left, too few for a 4-byte chunk header");
        }
        int type = in.readU8();
        int flags = in.readU8();
        int length = in.readU16();
        String name = ChunkType.elementName(type);
        if (length < Tlv.HEADER_LENGTH) {
            throw new DecodeException(DecodeException.Reason.LENGTH_TOO_SHORT, name, start,
                    "chunk length " + length + " is below the 4-byte header");
        }
        if (length - Tlv.HEADER_LENGTH > in.remaining()) {
            throw new DecodeException(DecodeException.Reason.LENGTH_OVERRUN, name, start,
                    "chunk length " + length + " runs past the end of the packet ("
                            + (in.remaining() + Tlv.HEADER_LENGTH) + " bytes left)");
        }
        WireReader value = in.splitInto(scratch, length - Tlv.HEADER_LENGTH, name);
        Chunk chunk = decodeValue(type, flags, value);
        Tlv.skipPadding(in, length, name, start, false);
        return chunk;
    }

    /**
     * Decodes one chunk's value, bounded by {@code value}, as the chunk type says.
     *
     * @param type the chunk type, 0..255
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk; an {@link UnknownChunk} for a type not decoded here
     * @throws DecodeException if the value is malformed
     */
    public static Chunk decodeValue(int type, int flags, WireReader value) throws DecodeException {
        return switch (type) {
            case ChunkType.DATA -> DataChunk.decode(flags, value);
            case ChunkType.INIT -> InitChunk.decode(flags, value);
            case ChunkType.INIT_ACK -> InitAckChunk.decode(flags, value);
            case ChunkType.SACK -> SackChunk.decode(flags, value);
            case ChunkType.HEARTBEAT -> HeartbeatChunk.decode(flags, value);
            case ChunkType.HEARTBEAT_ACK -> HeartbeatAckChunk.decode(flags, value);
            case ChunkType.ABORT -> AbortChunk.decode(flags, value);
            case ChunkType.SHUTDOWN -> ShutdownChunk.decode(flags, value);
            case ChunkType.SHUTDOWN_ACK -> ShutdownAckChunk.decode(flags, value);
            case ChunkType.ERROR -> ErrorChunk.decode(flags, value);
            case ChunkType.COOKIE_ECHO -> CookieEchoChunk.decode(flags, value);
            case ChunkType.COOKIE_ACK -> CookieAckChunk.decode(flags, value);
            case ChunkType.ECNE -> EcneChunk.decode(flags, value);
            case ChunkType.CWR -> CwrChunk.decode(flags, value);
            case ChunkType.SHUTDOWN_COMPLETE -> ShutdownCompleteChunk.decode(flags, value);
            case ChunkType.AUTH -> AuthChunk.decode(flags, value);
            case ChunkType.NR_SACK -> NrSackChunk.decode(flags, value);
            case ChunkType.I_DATA -> IDataChunk.decode(flags, value);
            case ChunkType.ASCONF_ACK -> AsconfAckChunk.decode(flags, value);
            case ChunkType.RE_CONFIG -> ReconfigChunk.decode(flags, value);
            case ChunkType.PAD -> PadChunk.decode(flags, value);
            case ChunkType.FORWARD_TSN -> ForwardTsnChunk.decode(flags, value);
            case ChunkType.ASCONF -> AsconfChunk.decode(flags, value);
            case ChunkType.I_FORWARD_TSN -> IForwardTsnChunk.decode(flags, value);
            default -> new UnknownChunk(type, flags, value.readRemaining());
        };
    }
}
