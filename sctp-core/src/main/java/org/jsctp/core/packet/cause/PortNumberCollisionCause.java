package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * Port Number Collision, draft-ietf-tsvwg-natsupp section 5.2.3: an SCTP-aware NAT refused an
 * INIT or ASCONF because another internal host already uses the same port pair and restart is
 * not disabled. Sent by the NAT in an ABORT or ERROR with the M bit set.
 *
 * <pre>
 *  Cause Code = 0x00B2 | Cause Length
 *  Chunk: the INIT, INIT ACK or ASCONF that caused it, possibly truncated (Cause Length - 4)
 * </pre>
 *
 * <p>As for {@link CollidingNatTableEntryCause}, the copy may be truncated
 * or empty and is kept byte for byte.
 *
 * @param chunk the (possibly truncated, possibly empty) chunk that caused the collision
 */
public record PortNumberCollisionCause(Bytes chunk) implements ErrorCause {

    /**
     * Checks the ranges.
     *
     * @param chunk the (possibly truncated, possibly empty) chunk that caused the collision
     */
    public PortNumberCollisionCause {
        Echoed.check(chunk, 0, "colliding chunk");
    }

    /**
     * {@return the cause reporting {@code chunk}, copied with its header and without padding}
     *
     * @param chunk the chunk that caused the error
     */
    public static PortNumberCollisionCause of(Chunk chunk) {
        return new PortNumberCollisionCause(Echoed.encode(chunk));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static PortNumberCollisionCause decode(WireReader value) throws DecodeException {
        // draft-ietf-tsvwg-natsupp section 5.2.3: the copy may be truncated
        return new PortNumberCollisionCause(value.readRemaining());
    }

    @Override
    public int code() {
        return CauseCode.PORT_NUMBER_COLLISION;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), chunk.isEmpty() ? "" : ChunkType.name(chunk.getUnsigned(0)));
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
