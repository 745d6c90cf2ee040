package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.ErrorCauses;

/**
 * Operation Error (ERROR), RFC 9260 section 3.3.10: reports conditions that do not end the
 * association.
 *
 * <pre>
 *  type = 9 | flags: reserved, M, T | length
 *  one or more Error Causes (length - 4 bytes)
 * </pre>
 *
 * <p>RFC 9260 leaves the flags reserved; draft-ietf-tsvwg-natsupp section 5.1.2 gives ERROR the
 * same T and M bits as ABORT, for the NAT-related causes a middlebox may send.
 *
 * @param reflectedTag the T bit: the sender reflected the Verification Tag it received instead of
 *     filling in the one the peer expects
 * @param fromMiddlebox the M bit: a NAT or other middlebox sent the chunk, not the peer
 * @param causes the error causes, at least one
 */
public record ErrorChunk(boolean reflectedTag, boolean fromMiddlebox, List<ErrorCause> causes) implements Chunk {

    /** The T bit: the sender reflected the Verification Tag it received (RFC 9260 section 8.5.1). */
    public static final int FLAG_T = 0x01;
    /** The M bit: a middlebox sent the chunk, not the peer (draft-ietf-tsvwg-natsupp section 5.1.1). */
    public static final int FLAG_M = 0x02;

    /**
     * Checks the ranges, copies what is mutable.
     *
     * @param reflectedTag the T bit: the sender reflected the Verification Tag it received instead of
     *     filling in the one the peer expects
     * @param fromMiddlebox the M bit: a NAT or other middlebox sent the chunk, not the peer
     * @param causes the error causes, at least one
     * @throws IllegalArgumentException if a component is out of range
     */
    public ErrorChunk {
        causes = AbortChunk.copyCauses(causes);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("an ERROR chunk carries at least one error cause");
        }
    }

    /**
     * {@return an ERROR sent by the peer itself, with {@code causes}}
     *
     * @param causes the error causes, at least one by RFC 9260 section 3.3.10
     */
    public static ErrorChunk of(ErrorCause... causes) {
        return new ErrorChunk(false, false, List.of(causes));
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ErrorChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 9260 section 3.3.10: one or more error causes, so at least a 4-byte cause header.
        if (!value.hasRemaining()) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT, "no error cause");
        }
        List<ErrorCause> causes = ErrorCauses.decodeList(value);
        return new ErrorChunk((flags & FLAG_T) != 0, (flags & FLAG_M) != 0, causes);
    }

    @Override
    public int type() {
        return ChunkType.ERROR;
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
}
