package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Non-Renegable Selective Acknowledgement (NR-SACK), draft-tuexen-tsvwg-sctp-multipath section
 * 4.2 (from draft-natarajan-tsvwg-sctp-nrsack), as usrsctp sends it: a SACK that also names the
 * out-of-order TSNs the receiver will never renege on.
 *
 * <pre>
 *  type = 16 | flags: reserved, A | length
 *  Cumulative TSN Ack (32) | Advertised Receiver Window Credit (32)
 *  Number of Gap Ack Blocks N (16) | Number of NR Gap Ack Blocks M (16)
 *  Number of Duplicate TSNs X (16) | Reserved (16)
 *  N x (Gap Ack Block Start (16) | Gap Ack Block End (16))
 *  M x (NR Gap Ack Block Start (16) | NR Gap Ack Block End (16))
 *  X x Duplicate TSN (32)
 * </pre>
 *
 * <p>Both kinds of block are offsets from the Cumulative TSN Ack. The reserved field is sent as
 * zero and ignored on receipt.
 *
 * @param allNonRenegable the A bit: every out-of-order TSN reported is non-renegable
 * @param cumulativeTsnAck the last TSN received in sequence
 * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
 * @param gapAckBlocks runs of TSNs received after gaps that the receiver may still discard
 * @param nrGapAckBlocks runs of TSNs received after gaps that the receiver will not discard
 * @param duplicateTsns TSNs received more than once since the last acknowledgement
 * @param dacFlags the Delayed Ack for CMT bits of the chunk flags (0xC0, draft-tuexen-tsvwg-sctp-
 *                 multipath section 3.3, as for {@link SackChunk#dacFlags()}), 0 when none given
 */
public record NrSackChunk(boolean allNonRenegable, Tsn cumulativeTsnAck, int advertisedReceiverWindowCredit,
                          List<GapAckBlock> gapAckBlocks, List<GapAckBlock> nrGapAckBlocks,
                          List<Tsn> duplicateTsns, int dacFlags) implements Chunk {

    /** The A bit: every out-of-order TSN reported is non-renegable. */
    public static final int FLAG_ALL_NON_RENEGABLE = 0x01;
    /** Fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 16;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param allNonRenegable the A bit: every out-of-order TSN reported is non-renegable
     * @param cumulativeTsnAck the last TSN received in sequence
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps that the receiver may still discard
     * @param nrGapAckBlocks runs of TSNs received after gaps that the receiver will not discard
     * @param duplicateTsns TSNs received more than once since the last acknowledgement
     * @param dacFlags the Delayed Ack for CMT bits of the chunk flags (0xC0, draft-tuexen-tsvwg-sctp-
     *     multipath section 3.3, as for {@link SackChunk#dacFlags()}), 0 when none given
     * @throws IllegalArgumentException if a component is out of range
     */
    public NrSackChunk {
        Objects.requireNonNull(cumulativeTsnAck, "cumulativeTsnAck");
        gapAckBlocks = AckLists.copyCounted(gapAckBlocks, "gap ack blocks");
        nrGapAckBlocks = AckLists.copyCounted(nrGapAckBlocks, "NR gap ack blocks");
        duplicateTsns = AckLists.copyCounted(duplicateTsns, "duplicate TSNs");
        AckLists.checkFits(FIXED_VALUE_LENGTH
                + 4L * gapAckBlocks.size() + 4L * nrGapAckBlocks.size() + 4L * duplicateTsns.size());
        if ((dacFlags & ~SackChunk.DAC_FLAGS_MASK) != 0) {
            throw new IllegalArgumentException("NR-SACK DAC flags outside 0xC0: " + dacFlags);
        }
    }

    /**
     * An NR-SACK without DAC flags.
     *
     * @param allNonRenegable the A bit: every out-of-order TSN reported is non-renegable
     * @param cumulativeTsnAck the last TSN received in sequence
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps that the receiver may still discard
     * @param nrGapAckBlocks runs of TSNs received after gaps that the receiver will not discard
     * @param duplicateTsns TSNs received more than once since the last acknowledgement
     */
    public NrSackChunk(boolean allNonRenegable, Tsn cumulativeTsnAck, int advertisedReceiverWindowCredit,
                       List<GapAckBlock> gapAckBlocks, List<GapAckBlock> nrGapAckBlocks, List<Tsn> duplicateTsns) {
        this(allNonRenegable, cumulativeTsnAck, advertisedReceiverWindowCredit, gapAckBlocks, nrGapAckBlocks,
                duplicateTsns, 0);
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static NrSackChunk decode(int flags, WireReader value) throws DecodeException {
        Tsn cumulativeTsnAck = new Tsn(value.readU32());
        int advertisedReceiverWindowCredit = value.readU32();
        int gapBlockCount = value.readU16();
        int nrGapBlockCount = value.readU16();
        int duplicateCount = value.readU16();
        value.skip(2); // reserved: ignored on receipt
        // As for SACK (RFC 9260 section 3.3.4), the counts must account for every byte.
        long entries = (long) gapBlockCount + nrGapBlockCount + duplicateCount;
        if (!AckLists.holdsExactly(value, entries)) {
            throw AckLists.mismatch(value, entries, gapBlockCount + " gap ack blocks, " + nrGapBlockCount
                    + " NR gap ack blocks and " + duplicateCount + " duplicate TSNs");
        }
        List<GapAckBlock> gapAckBlocks = AckLists.readBlocks(value, gapBlockCount);
        List<GapAckBlock> nrGapAckBlocks = AckLists.readBlocks(value, nrGapBlockCount);
        List<Tsn> duplicateTsns = AckLists.readTsns(value, duplicateCount);
        return new NrSackChunk((flags & FLAG_ALL_NON_RENEGABLE) != 0, cumulativeTsnAck,
                advertisedReceiverWindowCredit, gapAckBlocks, nrGapAckBlocks, duplicateTsns,
                flags & SackChunk.DAC_FLAGS_MASK);
    }

    @Override
    public int type() {
        return ChunkType.NR_SACK;
    }

    @Override
    public int flags() {
        return (allNonRenegable ? FLAG_ALL_NON_RENEGABLE : 0) | dacFlags;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + GapAckBlock.LENGTH * (gapAckBlocks.size() + nrGapAckBlocks.size())
                + AckLists.TSN_LENGTH * duplicateTsns.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, cumulativeTsnAck.value());
        WireWriter.writeU32(out, advertisedReceiverWindowCredit);
        WireWriter.writeU16(out, gapAckBlocks.size());
        WireWriter.writeU16(out, nrGapAckBlocks.size());
        WireWriter.writeU16(out, duplicateTsns.size());
        WireWriter.writeU16(out, 0);
        AckLists.writeBlocks(out, gapAckBlocks);
        AckLists.writeBlocks(out, nrGapAckBlocks);
        AckLists.writeTsns(out, duplicateTsns);
    }
}
