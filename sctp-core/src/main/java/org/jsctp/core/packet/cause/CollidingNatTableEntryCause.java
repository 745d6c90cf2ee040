package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * VTag and Port Number Collision, draft-ietf-tsvwg-natsupp section 5.2.1 (called Colliding NAT
 * Table Entry in earlier drafts and in FreeBSD): an SCTP-aware NAT could not tell this
 * association from another one with the same ports and verification tag. Sent by the NAT in an
 * ABORT or ERROR with the M bit set.
 *
 * <pre>
 *  Cause Code = 0x00B0 | Cause Length
 *  Chunk: the INIT, INIT ACK or ASCONF that caused it, possibly truncated (Cause Length - 4)
 * </pre>
 *
 * <p>The draft lets the NAT truncate the copy, and FreeBSD's NAT (libalias) sends no copy at
 * all, so the value may be empty. It is kept byte for byte (see {@link Echoed}).
 *
 * @param chunk the (possibly truncated, possibly empty) chunk that caused the collision
 */
public record CollidingNatTableEntryCause(Bytes chunk) implements ErrorCause {

    /** The cause without a copy of the chunk, as FreeBSD sends it. */
    public static final CollidingNatTableEntryCause NO_CHUNK = new CollidingNatTableEntryCause(Bytes.empty());

    /**
     * Checks the ranges.
     *
     * @param chunk the (possibly truncated, possibly empty) chunk that caused the collision
     */
    public CollidingNatTableEntryCause {
        Echoed.check(chunk, 0, "colliding chunk");
    }

    /**
     * {@return the cause reporting {@code chunk}, copied with its header and without padding}
     *
     * @param chunk the chunk that caused the error
     */
    public static CollidingNatTableEntryCause of(Chunk chunk) {
        return new CollidingNatTableEntryCause(Echoed.encode(chunk));
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CollidingNatTableEntryCause decode(WireReader value) throws DecodeException {
        // draft-ietf-tsvwg-natsupp section 5.2.1: the copy may be truncated, to nothing in practice
        return new CollidingNatTableEntryCause(value.readRemaining());
    }

    @Override
    public int code() {
        return CauseCode.COLLIDING_NAT_TABLE_ENTRY;
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
