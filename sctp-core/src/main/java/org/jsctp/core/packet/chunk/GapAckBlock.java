package org.jsctp.core.packet.chunk;

import org.jsctp.core.seq.Tsn;

/**
 * One Gap Ack Block of a SACK (RFC 9260 section 3.3.4) or NR-SACK: a run of TSNs received after a
 * gap, given as two 16-bit offsets from the chunk's Cumulative TSN Ack.
 *
 * <pre>
 *  Gap Ack Block Start (16) | Gap Ack Block End (16)
 * </pre>
 *
 * <p>The codec keeps any pair of 16-bit values. Whether a block makes sense (start at least 1,
 * start not after end, blocks in ascending order) is for the association to judge: a block that
 * does not is a reason to ignore that block, not to drop the packet it came in.
 *
 * @param start offset of the block's first TSN from the Cumulative TSN Ack (16-bit)
 * @param end offset of the block's last TSN from the Cumulative TSN Ack (16-bit)
 */
public record GapAckBlock(int start, int end) {

    /** Size of one block on the wire. */
    public static final int LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param start offset of the block's first TSN from the Cumulative TSN Ack (16-bit)
     * @param end offset of the block's last TSN from the Cumulative TSN Ack (16-bit)
     * @throws IllegalArgumentException if a component is out of range
     */
    public GapAckBlock {
        if (start < 0 || start > 0xFFFF || end < 0 || end > 0xFFFF) {
            throw new IllegalArgumentException("gap ack block offsets are 16-bit values: " + start + ".." + end);
        }
    }

    /** {@return whether the block names at least one TSN after the cumulative ack: {@code 1 <= start <= end}} */
    public boolean isWellFormed() {
        return start >= 1 && start <= end;
    }

    /**
     * {@return the first TSN the block acknowledges, relative to {@code cumulativeTsnAck}}
     *
     * @param cumulativeTsnAck the SACK's cumulative TSN ack
     */
    public Tsn firstTsn(Tsn cumulativeTsnAck) {
        return cumulativeTsnAck.plus(start);
    }

    /**
     * {@return the last TSN the block acknowledges, relative to {@code cumulativeTsnAck}}
     *
     * @param cumulativeTsnAck the SACK's cumulative TSN ack
     */
    public Tsn lastTsn(Tsn cumulativeTsnAck) {
        return cumulativeTsnAck.plus(end);
    }
}
