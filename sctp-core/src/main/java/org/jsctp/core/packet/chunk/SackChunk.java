package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.seq.Tsn;

/**
 * Selective Acknowledgement (SACK), RFC 9260 section 3.3.4: what the data receiver has received.
 *
 * <pre>
 *  type = 3 | flags: reserved | length
 *  Cumulative TSN Ack (32) | Advertised Receiver Window Credit (32)
 *  Number of Gap Ack Blocks N (16) | Number of Duplicate TSNs X (16)
 *  N x (Gap Ack Block Start (16) | Gap Ack Block End (16))
 *  X x Duplicate TSN (32)
 * </pre>
 *
 * @param cumulativeTsnAckValue the last TSN received in sequence, its 32 bits ({@link #cumulativeTsnAck()}
 *     gives it typed), kept as an {@code int} so a SACK costs no sequence-number object
 * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
 * @param gapAckBlocks runs of TSNs received after gaps, as offsets from the cumulative TSN ack
 * @param duplicateTsns TSNs received more than once since the last SACK, once per duplicate
 * @param dacFlags the chunk flags bits of Delayed Ack for CMT (draft-tuexen-tsvwg-sctp-multipath
 *                 section 3.3: bits 0xC0 carry how many DATA packets the SACK acknowledges), 0
 *                 when the sender gives none; the other flag bits are reserved, sent as zero and
 *                 dropped on receipt
 */
public record SackChunk(int cumulativeTsnAckValue, int advertisedReceiverWindowCredit, List<GapAckBlock> gapAckBlocks,
                        List<Tsn> duplicateTsns, int dacFlags) implements Chunk {

    /** The flag bits DAC uses (draft-tuexen-tsvwg-sctp-multipath section 3.3). */
    public static final int DAC_FLAGS_MASK = 0xC0;

    /** Fixed fields after the chunk header. */
    public static final int FIXED_VALUE_LENGTH = 12;

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param cumulativeTsnAckValue the last TSN received in sequence, its 32 bits
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps, as offsets from the cumulative TSN ack
     * @param duplicateTsns TSNs received more than once since the last SACK, once per duplicate
     * @param dacFlags the chunk flags bits of Delayed Ack for CMT (draft-tuexen-tsvwg-sctp-multipath
     *     section 3.3: bits 0xC0 carry how many DATA packets the SACK acknowledges), 0
     *     when the sender gives none; the other flag bits are reserved, sent as zero and
     *     dropped on receipt
     * @throws IllegalArgumentException if a component is out of range
     */
    public SackChunk {
        gapAckBlocks = AckLists.copyCounted(gapAckBlocks, "gap ack blocks");
        duplicateTsns = AckLists.copyCounted(duplicateTsns, "duplicate TSNs");
        AckLists.checkFits(FIXED_VALUE_LENGTH + 4L * gapAckBlocks.size() + 4L * duplicateTsns.size());
        if ((dacFlags & ~DAC_FLAGS_MASK) != 0) {
            throw new IllegalArgumentException("SACK DAC flags outside 0xC0: " + dacFlags);
        }
    }

    /**
     * A SACK with a typed cumulative TSN ack.
     *
     * @param cumulativeTsnAck the last TSN received in sequence
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps, as offsets from {@code cumulativeTsnAck}
     * @param duplicateTsns TSNs received more than once since the last SACK, once per duplicate
     * @param dacFlags the chunk flags bits of Delayed Ack for CMT (draft-tuexen-tsvwg-sctp-multipath
     *     section 3.3), 0 when the sender gives none
     * @throws IllegalArgumentException if a component is out of range
     */
    public SackChunk(Tsn cumulativeTsnAck, int advertisedReceiverWindowCredit, List<GapAckBlock> gapAckBlocks,
                     List<Tsn> duplicateTsns, int dacFlags) {
        this(Objects.requireNonNull(cumulativeTsnAck, "cumulativeTsnAck").value(), advertisedReceiverWindowCredit,
                gapAckBlocks, duplicateTsns, dacFlags);
    }

    /**
     * A SACK without DAC flags, its cumulative TSN ack as 32 bits (no {@code Tsn}: the receiver
     * builds one per SACK, issue 6).
     *
     * @param cumulativeTsnAckValue the last TSN received in sequence, its 32 bits
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps, as offsets from the cumulative TSN ack
     * @param duplicateTsns TSNs received more than once since the last SACK, once per duplicate
     */
    public SackChunk(int cumulativeTsnAckValue, int advertisedReceiverWindowCredit, List<GapAckBlock> gapAckBlocks,
                     List<Tsn> duplicateTsns) {
        this(cumulativeTsnAckValue, advertisedReceiverWindowCredit, gapAckBlocks, duplicateTsns, 0);
    }

    /**
     * A SACK without DAC flags.
     *
     * @param cumulativeTsnAck the last TSN received in sequence
     * @param advertisedReceiverWindowCredit a_rwnd, the receive buffer space left (32-bit unsigned)
     * @param gapAckBlocks runs of TSNs received after gaps, as offsets from {@code cumulativeTsnAck}
     * @param duplicateTsns TSNs received more than once since the last SACK, once per duplicate
     */
    public SackChunk(Tsn cumulativeTsnAck, int advertisedReceiverWindowCredit, List<GapAckBlock> gapAckBlocks,
                     List<Tsn> duplicateTsns) {
        this(cumulativeTsnAck, advertisedReceiverWindowCredit, gapAckBlocks, duplicateTsns, 0);
    }

    /**
     * {@return this SACK with the DAC flag bits {@code flags} (only 0xC0 may be set)}
     *
     * @param flags 0, or bits of 0xC0 (the DAC count, draft-tuexen-tsvwg-sctp-multipath)
     */
    public SackChunk withDacFlags(int flags) {
        return new SackChunk(cumulativeTsnAckValue, advertisedReceiverWindowCredit, gapAckBlocks, duplicateTsns, flags);
    }

    /**
     * {@return the last TSN received in sequence, typed (made on each call; the per-SACK paths
     * read {@link #cumulativeTsnAckValue()})}
     */
    public Tsn cumulativeTsnAck() {
        return new Tsn(cumulativeTsnAckValue);
    }

    /**
     * {@return a SACK without gaps or duplicates}
     *
     * @param cumulativeTsnAck the cumulative TSN ack
     * @param advertisedReceiverWindowCredit the a_rwnd in bytes, 32-bit unsigned
     */
    public static SackChunk of(Tsn cumulativeTsnAck, int advertisedReceiverWindowCredit) {
        return new SackChunk(cumulativeTsnAck, advertisedReceiverWindowCredit, List.of(), List.of());
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static SackChunk decode(int flags, WireReader value) throws DecodeException {
        int cumulativeTsnAck = value.readU32(); // no Tsn per SACK decoded (issue 6)
        int advertisedReceiverWindowCredit = value.readU32();
        int gapBlockCount = value.readU16();
        int duplicateCount = value.readU16();
        // RFC 9260 section 3.3.4: the chunk holds exactly N blocks and X TSNs, 4 bytes each; a
        // chunk whose length disagrees with its counts is malformed either way.
        long entries = (long) gapBlockCount + duplicateCount;
        if (!AckLists.holdsExactly(value, entries)) {
            throw AckLists.mismatch(value, entries, gapBlockCount + " gap ack blocks and " + duplicateCount
                    + " duplicate TSNs");
        }
        List<GapAckBlock> gapAckBlocks = AckLists.readBlocks(value, gapBlockCount);
        List<Tsn> duplicateTsns = AckLists.readTsns(value, duplicateCount);
        return new SackChunk(cumulativeTsnAck, advertisedReceiverWindowCredit, gapAckBlocks, duplicateTsns,
                flags & DAC_FLAGS_MASK);
    }

    @Override
    public int type() {
        return ChunkType.SACK;
    }

    @Override
    public int flags() {
        return dacFlags;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + GapAckBlock.LENGTH * gapAckBlocks.size() + AckLists.TSN_LENGTH * duplicateTsns.size();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, cumulativeTsnAckValue);
        WireWriter.writeU32(out, advertisedReceiverWindowCredit);
        WireWriter.writeU16(out, gapAckBlocks.size());
        WireWriter.writeU16(out, duplicateTsns.size());
        AckLists.writeBlocks(out, gapAckBlocks);
        AckLists.writeTsns(out, duplicateTsns);
    }
}
