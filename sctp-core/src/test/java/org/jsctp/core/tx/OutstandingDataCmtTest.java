package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.cmt.SentChunk;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * CMT's miss rules in {@link OutstandingData} (draft-tuexen-tsvwg-sctp-multipath sections 3.1 and
 * 3.3): Split Fast Retransmit counts a miss only below the highest TSN newly acked on the chunk's
 * own path; DAC's packet count in the SACK flags counts several at once. TSNs start just below the
 * 2^32 wrap.
 */
class OutstandingDataCmtTest {

    private static final int SIZE = 100;
    private static final int INITIAL = -3;

    private OutstandingData od(boolean cmt) {
        OutstandingData od = new OutstandingData(new Tsn(INITIAL), 1000, 4);
        od.setCmtMissRules(cmt);
        return od;
    }

    /** Sends one chunk per entry of {@code paths}, on that path. */
    private static void send(OutstandingData od, int... paths) {
        for (int path : paths) {
            Tsn tsn = od.nextTsn();
            od.add(tsn, new DataChunk(false, false, true, true, tsn, 1, new Ssn(0), 0, Bytes.wrap(new byte[SIZE])),
                    SIZE, 0, "m" + tsn, path);
        }
        od.checkInvariants();
    }

    /** A SACK with cumulative ack {@code cum} chunks in and one gap block (offsets), with DAC flags. */
    private static SackResult sack(OutstandingData od, int cum, int start, int end, int dacFlags) {
        List<GapAckBlock> blocks = new ArrayList<>();
        if (start > 0) {
            blocks.add(new GapAckBlock(start, end));
        }
        SackResult r = od.handleSack(new SackChunk(new Tsn(INITIAL - 1 + cum), 1 << 20, blocks, List.of(), dacFlags),
                List.of(), 0, false);
        od.checkInvariants();
        return r;
    }

    @Test
    void acknowledgementsOfAnotherPathReportNothingMissing() {
        // TSN 1 on path 0, TSNs 2..4 on path 1: three SACKs acking path 1's chunks one by one.
        for (boolean cmt : new boolean[] {false, true}) {
            OutstandingData od = od(cmt);
            send(od, 0, 1, 1, 1);
            boolean marked = false;
            for (int end = 2; end <= 4; end++) {
                marked |= sack(od, 0, 2, end, 0).fastRetransmitNeeded();
            }
            // RFC 9260 section 7.2.4 would fast retransmit TSN 1; SFR never does.
            assertThat(marked).as("cmt=%s", cmt).isEqualTo(!cmt);
            assertThat(od.hasFastRetransmissionsPending()).isEqualTo(!cmt);
        }
    }

    @Test
    void acknowledgementsOfTheSamePathReportTheChunkMissingAndNameItsPath() {
        OutstandingData od = od(true);
        send(od, 1, 0, 1, 1, 1);
        sack(od, 0, 3, 3, 0);
        sack(od, 0, 3, 4, 0);
        assertThat(od.fastMarkedOnPath(1)).isFalse();
        assertThat(sack(od, 0, 3, 5, 0).fastRetransmitNeeded()).isTrue();
        assertThat(od.fastMarkedOnPath(1)).isTrue();
        assertThat(od.fastMarkedOnPath(0)).isFalse();
        assertThat(od.hasFastRetransmissionsPending()).isTrue();
        // The digest of that SACK: TSN 5 newly acked on path 1, TSNs 1 (path 1) and 2 (path 0) in flight.
        assertThat(od.lastCmtDigest().newlyAcked()).extracting(SentChunk::pathId).containsExactly(1);
        assertThat(od.lastCmtDigest().stillOutstanding()).extracting(SentChunk::pathId).containsExactly(1, 0);
    }

    @Test
    void aDacCountOfTwoCountsTwoMissesPerSack() {
        OutstandingData od = od(true);
        send(od, 0, 0, 0, 0);
        // DAC flag 0x80: the SACK acknowledges two packets, both sent after TSN 1 on its path.
        assertThat(sack(od, 0, 2, 2, 0x80).fastRetransmitNeeded()).isFalse();
        assertThat(sack(od, 0, 2, 3, 0x80).fastRetransmitNeeded()).isTrue(); // 2 + 2 >= 3
        // Without DAC flags the same SACKs give one miss each.
        OutstandingData plain = od(true);
        send(plain, 0, 0, 0, 0);
        sack(plain, 0, 2, 2, 0);
        assertThat(sack(plain, 0, 2, 3, 0).fastRetransmitNeeded()).isFalse();
    }

    @Test
    void withoutCmtNoDigestIsKept() {
        OutstandingData od = od(false);
        send(od, 0, 0);
        sack(od, 1, 0, 0, 0);
        assertThat(od.lastCmtDigest()).isNull();
        OutstandingData cmt = od(true);
        send(cmt, 0, 1);
        sack(cmt, 1, 0, 0, 0x40);
        assertThat(cmt.lastCmtDigest().dacPacketCount()).isEqualTo(1);
        assertThat(cmt.lastCmtDigest().newlyAcked()).hasSize(1);
        assertThat(cmt.lastCmtDigest().stillOutstanding()).hasSize(1);
    }
}
