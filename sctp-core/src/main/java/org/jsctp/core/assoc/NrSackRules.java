package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.NrSackChunk;
import org.jsctp.core.packet.chunk.SackChunk;

/**
 * NR-SACK (draft-tuexen-tsvwg-sctp-multipath section 4.2, from draft-natarajan-tsvwg-sctp-nrsack):
 * when both sides offered it in Supported Extensions, each acknowledges with NR-SACK in place of
 * SACK. The two directions of the rule:
 * <ul>
 *   <li>Receiving data, we build the NR-SACK from the SACK we would send. Our receiver never
 *       reneges (what it holds out of order stays until delivered; memory pressure is met by the
 *       window, not by discarding), so every out-of-order TSN is non-renegable: each Gap Ack Block
 *       becomes an NR Gap Ack Block and the Gap Ack Blocks proper stay empty. This is how usrsctp
 *       fills them: its Gap Ack Blocks list only TSNs it may still drop, its NR Gap Ack Blocks those
 *       it will not. Duplicate TSNs, the Cumulative TSN Ack, a_rwnd and the DAC flag bits are those of
 *       the SACK (zero unless CMT's DAC is on, as usrsctp sends them by default).</li>
 *   <li>Receiving an NR-SACK, a TSN in either kind of block has arrived, so the sender applies the
 *       union of both as Gap Ack Blocks (RFC 9260 section 6.2.1, including miss indications and the
 *       flight size), then frees the chunks of the NR blocks for good.</li>
 * </ul>
 */
final class NrSackRules {

    private NrSackRules() {
    }

    /** Whether the association acknowledges with NR-SACK: both sides offered it. */
    static boolean negotiated(Tcb tcb) {
        return tcb.capabilities.nrSack();
    }

    /** The acknowledgement to send for {@code sack}: the SACK itself, or its NR-SACK when negotiated. */
    static Chunk acknowledgement(Tcb tcb, SackChunk sack) {
        return negotiated(tcb) ? toNrSack(sack) : sack;
    }

    /** The NR-SACK reporting what {@code sack} reports, every out-of-order TSN as non-renegable. */
    static NrSackChunk toNrSack(SackChunk sack) {
        return new NrSackChunk(false, sack.cumulativeTsnAck(), sack.advertisedReceiverWindowCredit(), List.of(),
                sack.gapAckBlocks(), sack.duplicateTsns(), sack.dacFlags());
    }

    /** How much longer on the wire the NR-SACK of a SACK is: its fixed part has 4 bytes more. */
    static int extraLength(Tcb tcb) {
        return negotiated(tcb) ? NrSackChunk.FIXED_VALUE_LENGTH - SackChunk.FIXED_VALUE_LENGTH : 0;
    }

    /**
     * The SACK the sender applies for a received NR-SACK: its Gap Ack Blocks followed by its NR Gap
     * Ack Blocks (both relative to the same Cumulative TSN Ack; overlaps are merged when applied).
     */
    static SackChunk asSack(NrSackChunk nrSack) {
        List<GapAckBlock> blocks;
        if (nrSack.gapAckBlocks().isEmpty()) {
            blocks = nrSack.nrGapAckBlocks();
        } else if (nrSack.nrGapAckBlocks().isEmpty()) {
            blocks = nrSack.gapAckBlocks();
        } else {
            blocks = new ArrayList<>(nrSack.gapAckBlocks().size() + nrSack.nrGapAckBlocks().size());
            blocks.addAll(nrSack.gapAckBlocks());
            blocks.addAll(nrSack.nrGapAckBlocks());
        }
        return new SackChunk(nrSack.cumulativeTsnAck(), nrSack.advertisedReceiverWindowCredit(), blocks,
                nrSack.duplicateTsns(), nrSack.dacFlags());
    }
}
