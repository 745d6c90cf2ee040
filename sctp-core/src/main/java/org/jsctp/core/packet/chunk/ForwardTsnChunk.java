package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;

/**
 * Forward Cumulative TSN (FORWARD TSN), RFC 3758 section 3.2: tells the receiver of partially
 * reliable data to move its cumulative TSN ahead past abandoned DATA chunks.
 *
 * <pre>
 *  type = 192 | flags: reserved | length
 *  New Cumulative TSN (32)
 *  Stream-1 (16) | Stream Sequence-1 (16)
 *  ...
 *  Stream-N (16) | Stream Sequence-N (16)
 * </pre>
 *
 * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN ack point
 * @param entries for each ordered stream with skipped messages, the largest SSN skipped
 */
public record ForwardTsnChunk(Tsn newCumulativeTsn, List<ForwardTsnEntry> entries) implements Chunk {

    /** The New Cumulative TSN alone. */
    public static final int FIXED_VALUE_LENGTH = 4;
    /** Most entries whose chunk length still fits the 16-bit length field. */
    public static final int MAX_ENTRIES = (0xFFFF - 4 - FIXED_VALUE_LENGTH) / ForwardTsnEntry.LENGTH;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN ack point
     * @param entries for each ordered stream with skipped messages, the largest SSN skipped
     * @throws IllegalArgumentException if a component is out of range
     */
    public ForwardTsnChunk {
        Objects.requireNonNull(newCumulativeTsn, "newCumulativeTsn");
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("too many stream entries for one chunk: " + entries.size());
        }
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ForwardTsnChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 3758 section 3.2: the flags are set to zero and ignored on receipt.
        Tsn newCumulativeTsn = new Tsn(value.readU32());
        // RFC 3758 section 3.2: the rest is a sequence of 4-byte stream/SSN pairs.
        if (value.remaining() % ForwardTsnEntry.LENGTH != 0) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    value.remaining() + " bytes of stream entries, not a multiple of " + ForwardTsnEntry.LENGTH);
        }
        int count = value.remaining() / ForwardTsnEntry.LENGTH;
        List<ForwardTsnEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int streamId = value.readU16();
            Ssn ssn = new Ssn(value.readU16());
            entries.add(new ForwardTsnEntry(streamId, ssn));
        }
        return new ForwardTsnChunk(newCumulativeTsn, entries);
    }

    @Override
    public int type() {
        return ChunkType.FORWARD_TSN;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + entries.size() * ForwardTsnEntry.LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, newCumulativeTsn.value());
        for (ForwardTsnEntry e : entries) {
            WireWriter.writeU16(out, e.streamId());
            WireWriter.writeU16(out, e.ssn().value());
        }
    }
}
