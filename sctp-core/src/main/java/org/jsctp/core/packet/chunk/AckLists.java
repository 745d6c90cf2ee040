package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Reading and writing of the lists SACK and NR-SACK share: Gap Ack Blocks and duplicate TSNs,
 * both 4 bytes an entry and both counted by a 16-bit field of the chunk (RFC 9260 section 3.3.4).
 */
final class AckLists {

    /** Size of one duplicate TSN on the wire. */
    static final int TSN_LENGTH = 4;

    private AckLists() {
    }

    /**
     * Whether exactly {@code entries} 4-byte entries remain, so the counts in the header and the
     * bytes present agree before anything is allocated. The caller throws {@link #mismatch} when
     * not: the error's text is built only for a malformed chunk, not for every SACK decoded.
     */
    static boolean holdsExactly(WireReader value, long entries) {
        return value.remaining() == entries * 4;
    }

    /** The error for a chunk whose {@code entries} entries ({@code what}) do not fill it exactly. */
    static DecodeException mismatch(WireReader value, long entries, String what) {
        long expected = entries * 4;
        int remaining = value.remaining();
        return value.fail(remaining < expected ? DecodeException.Reason.TRUNCATED : DecodeException.Reason.LENGTH_TOO_LONG,
                what + " need " + expected + " bytes, " + remaining + " remain");
    }

    /** Reads {@code count} blocks; the caller has checked the bytes are there. */
    static List<GapAckBlock> readBlocks(WireReader value, int count) throws DecodeException {
        if (count == 0) {
            return List.of(); // the loss-free SACK: no list to allocate, and none to copy
        }
        List<GapAckBlock> blocks = new ArrayList<>(Math.min(count, value.remaining() / GapAckBlock.LENGTH));
        for (int i = 0; i < count; i++) {
            blocks.add(new GapAckBlock(value.readU16(), value.readU16()));
        }
        return blocks;
    }

    /** Reads {@code count} TSNs; the caller has checked the bytes are there. */
    static List<Tsn> readTsns(WireReader value, int count) throws DecodeException {
        if (count == 0) {
            return List.of();
        }
        List<Tsn> tsns = new ArrayList<>(Math.min(count, value.remaining() / TSN_LENGTH));
        for (int i = 0; i < count; i++) {
            tsns.add(new Tsn(value.readU32()));
        }
        return tsns;
    }

    static void writeBlocks(ByteBuffer out, List<GapAckBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) { // indexed (the lists are copies, RandomAccess): no iterator
            GapAckBlock block = blocks.get(i);
            WireWriter.writeU16(out, block.start());
            WireWriter.writeU16(out, block.end());
        }
    }

    static void writeTsns(ByteBuffer out, List<Tsn> tsns) {
        for (int i = 0; i < tsns.size(); i++) {
            WireWriter.writeU32(out, tsns.get(i).value());
        }
    }

    /** Fails unless {@code list} can be counted by a 16-bit field. */
    static <T> List<T> copyCounted(List<? extends T> list, String what) {
        List<T> copy = List.copyOf(list);
        if (copy.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many " + what + " for a 16-bit count: " + copy.size());
        }
        return copy;
    }

    /** Fails unless a chunk of {@code valueLength} value bytes fits the 16-bit chunk length. */
    static void checkFits(long valueLength) {
        if (valueLength > 0xFFFF - 4) {
            throw new IllegalArgumentException("acknowledgement too long for one chunk: " + valueLength + " bytes");
        }
    }
}
