package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Congestion Window Reduced (CWR), RFC 9260 appendix A: tells the ECNE sender the congestion
 * window was reduced.
 *
 * <pre>
 *  type = 13 | flags: reserved | length = 8
 *  Lowest TSN Number (32), as the ECNE carried it
 * </pre>
 *
 * <p>RFC 9260 defines no flags for CWR. usrsctp may set bits 0x01 and 0x02 of its own (its
 * SCTP_CWR_REDUCE_OVERRIDE and SCTP_CWR_IN_SAME_WINDOW); as reserved bits they are ignored on
 * receipt.
 *
 * @param lowestTsn the Lowest TSN Number of the ECNE being answered
 */
public record CwrChunk(Tsn lowestTsn) implements Chunk {

    /** Size of the value after the chunk header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Rejects null.
     *
     * @param lowestTsn the Lowest TSN Number of the ECNE being answered
     */
    public CwrChunk {
        Objects.requireNonNull(lowestTsn, "lowestTsn");
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static CwrChunk decode(int flags, WireReader value) throws DecodeException {
        Tsn lowestTsn = new Tsn(value.readU32());
        value.expectEnd(); // RFC 9260 appendix A: the length is exactly 8
        return new CwrChunk(lowestTsn);
    }

    @Override
    public int type() {
        return ChunkType.CWR;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, lowestTsn.value());
    }
}
