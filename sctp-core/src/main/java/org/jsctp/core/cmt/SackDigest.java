package org.jsctp.core.cmt;

import java.util.List;

/**
 * One received SACK (or NR-SACK) as the multi-path sender saw it after applying it to its
 * outstanding data: the input of the CMT algorithms.
 *
 * <p>Together the two lists are the chunks that were unacknowledged just before this SACK;
 * chunks acknowledged by an earlier SACK (cumulatively or by a Gap Ack Block) are in neither.
 * Order does not matter. TSNs are compared with serial arithmetic, so all must lie within 2^31 of
 * each other (as the outstanding data of an association always does).
 *
 * @param newlyAcked chunks this SACK acknowledges for the first time, cumulatively or by a Gap
 *                   Ack Block (or an NR Gap Ack Block)
 * @param stillOutstanding chunks this SACK leaves unacknowledged (in flight, not yet marked
 *                         for retransmission, whether or not the SACK reports them missing)
 * @param dacPacketCount the number of DATA packets the SACK says it acknowledges, read from its
 *                       flags with {@link DacFlags#packetCount}; 0 when the receiver gives none
 *                       (it does not do DAC)
 */
public record SackDigest(List<SentChunk> newlyAcked, List<SentChunk> stillOutstanding, int dacPacketCount) {

    /**
     * Checks the ranges, copies what is mutable.
     *
     * @param newlyAcked chunks this SACK acknowledges for the first time, cumulatively or by a Gap
     *     Ack Block (or an NR Gap Ack Block)
     * @param stillOutstanding chunks this SACK leaves unacknowledged (in flight, not yet marked
     *     for retransmission, whether or not the SACK reports them missing)
     * @param dacPacketCount the number of DATA packets the SACK says it acknowledges, read from its
     *     flags with {@link DacFlags#packetCount}; 0 when the receiver gives none
     *     (it does not do DAC)
     * @throws IllegalArgumentException if a component is out of range
     */
    public SackDigest {
        newlyAcked = List.copyOf(newlyAcked);
        stillOutstanding = List.copyOf(stillOutstanding);
        if (dacPacketCount < 0 || dacPacketCount > DacFlags.MAX_PACKET_COUNT) {
            throw new IllegalArgumentException("DAC packet count must be in 0.." + DacFlags.MAX_PACKET_COUNT
                    + ": " + dacPacketCount);
        }
    }

    /**
     * {@return a digest without a DAC hint}
     *
     * @param newlyAcked the chunks the SACK newly acknowledged
     * @param stillOutstanding the chunks still outstanding after it
     */
    public static SackDigest of(List<SentChunk> newlyAcked, List<SentChunk> stillOutstanding) {
        return new SackDigest(newlyAcked, stillOutstanding, 0);
    }
}
