package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.ErrorCauses;

/**
 * Abort Association (ABORT), RFC 9260 section 3.3.7: ends the association at once, optionally
 * saying why.
 *
 * <pre>
 *  type = 6 | flags: reserved, M, T | length
 *  zero or more Error Causes (length - 4 bytes)
 * </pre>
 *
 * @param reflectedTag the T bit: the sender reflected the Verification Tag it received instead of
 *     filling in the one the peer expects (RFC 9260 sections 3.3.7 and 8.5.1)
 * @param fromMiddlebox the M bit: a NAT or other middlebox sent the chunk, not the peer
 *     (draft-ietf-tsvwg-natsupp section 5.1.1)
 * @param causes the error causes, possibly none
 */
public record AbortChunk(boolean reflectedTag, boolean fromMiddlebox, List<ErrorCause> causes) implements Chunk {

    /** The T bit: the sender reflected the Verification Tag it received (RFC 9260 section 8.5.1). */
    public static final int FLAG_T = 0x01;
    /** The M bit: a middlebox sent the chunk, not the peer (draft-ietf-tsvwg-natsupp section 5.1.1). */
    public static final int FLAG_M = 0x02;

    /**
     * Copies what is mutable.
     *
     * @param reflectedTag the T bit: the sender reflected the Verification Tag it received instead of
     *     filling in the one the peer expects (RFC 9260 sections 3.3.7 and 8.5.1)
     * @param fromMiddlebox the M bit: a NAT or other middlebox sent the chunk, not the peer
     *     (draft-ietf-tsvwg-natsupp section 5.1.1)
     * @param causes the error causes, possibly none
     */
    public AbortChunk {
        causes = copyCauses(causes);
    }

    /**
     * {@return an ABORT sent with the peer's expected Verification Tag, with {@code causes}}
     *
     * @param causes the error causes, possibly none
     */
    public static AbortChunk of(ErrorCause... causes) {
        return new AbortChunk(false, false, List.of(causes));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static AbortChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.7: the causes fill the rest of the chunk; there may be none.
        List<ErrorCause> causes = ErrorCauses.decodeList(value);
        return new AbortChunk((flags & FLAG_T) != 0, (flags & FLAG_M) != 0, causes);
    }

    @Override
    public int type() {
        return ChunkType.ABORT;
    }

    @Override
    public int flags() {
        return (reflectedTag ? FLAG_T : 0) | (fromMiddlebox ? FLAG_M : 0);
    }

    @Override
    public int valueLength() {
        return ErrorCauses.listLength(causes);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        ErrorCauses.encodeList(out, causes);
    }

    /** Shared with ERROR: a defensive copy of {@code causes} that fits the chunk length. */
    static List<ErrorCause> copyCauses(List<? extends ErrorCause> causes) {
        List<ErrorCause> copy = List.copyOf(causes);
        int length = ErrorCauses.listLength(copy);
        if (length > 0xFFFF - 4) {
            throw new IllegalArgumentException("error causes too long for one chunk: " + length + " bytes");
        }
        return copy;
    }
}
