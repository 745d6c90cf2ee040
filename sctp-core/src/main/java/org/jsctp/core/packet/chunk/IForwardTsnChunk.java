package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Tsn;

/**
 * I-FORWARD-TSN, RFC 8260 section 2.3.1: FORWARD TSN for associations that use I-DATA, naming
 * skipped messages by their message identifier.
 *
 * <pre>
 *  type = 194 | flags: reserved | length
 *  New Cumulative TSN (32)
 *  Stream Identifier (16) | Reserved (15) U (1)    \  one entry,
 *  Message Identifier (32)                          /  repeated
 * </pre>
 *
 * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN ack point
 * @param entries for each stream with skipped messages, the largest MID skipped, ordered or unordered
 */
public record IForwardTsnChunk(Tsn newCumulativeTsn, List<IForwardTsnEntry> entries) implements Chunk {

    /** The New Cumulative TSN alone. */
    public static final int FIXED_VALUE_LENGTH = 4;
    /** Most entries whose chunk length still fits the 16-bit length field. */
    public static final int MAX_ENTRIES = (0xFFFF - 4 - FIXED_VALUE_LENGTH) / IForwardTsnEntry.LENGTH;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param newCumulativeTsn the TSN the receiver is to treat as its cumulative TSN ack point
     * @param entries for each stream with skipped messages, the largest MID skipped, ordered or unordered
     * @throws IllegalArgumentException if a component is out of range
     */
    public IForwardTsnChunk {
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
    public static IForwardTsnChunk decode(int flags, WireReader value) throws DecodeException {
        // RFC 8260 section 2.3.1: the flags are set to zero and ignored on receipt.
        Tsn newCumulativeTsn = new Tsn(value.readU32());
        // RFC 8260 section 2.3.1: the rest is a sequence of 8-byte entries.
        if (value.remaining() % IForwardTsnEntry.LENGTH != 0) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    value.remaining() + " bytes of stream entries, not a multiple of " + IForwardTsnEntry.LENGTH);
        }
        int count = value.remaining() / IForwardTsnEntry.LENGTH;
        List<IForwardTsnEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int streamId = value.readU16();
            // RFC 8260 section 2.3.1: the 15 reserved bits are ignored on receipt.
            boolean unordered = (value.readU16() & IForwardTsnEntry.FLAG_UNORDERED) != 0;
            Mid mid = new Mid(value.readU32());
            entries.add(new IForwardTsnEntry(streamId, unordered, mid));
        }
        return new IForwardTsnChunk(newCumulativeTsn, entries);
    }

    @Override
    public int type() {
        return ChunkType.I_FORWARD_TSN;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + entries.size() * IForwardTsnEntry.LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, newCumulativeTsn.value());
        for (IForwardTsnEntry e : entries) {
            WireWriter.writeU16(out, e.streamId());
            WireWriter.writeU16(out, e.unordered() ? IForwardTsnEntry.FLAG_UNORDERED : 0);
            WireWriter.writeU32(out, e.mid().value());
        }
    }
}
