package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delayed Ack for CMT, draft-tuexen-tsvwg-sctp-multipath section 3.3: the receiver's packet count
 * in the SACK flags and the sender's rule for counting more than one missing report.
 */
class DelayedAckForCmtTest {

    private static final int A = 0;
    private static final int B = 1;

    private static SackScript onePath() {
        SackScript s = new SackScript();
        for (int n = 1; n <= 8; n++) {
            s.send(n, A);
        }
        return s;
    }

    @Test
    void aDelayedSackOfTwoPacketsAllAboveTheHoleOnOnePathCountsTwoMisses() {
        SackScript s = onePath();
        s.sack(1);
        // 2 lost; a delayed SACK acknowledges the packets of 3 and 4.
        List<MissingReport> reports = DelayedAckForCmt.missingReports(s.sackWithDac(2, 3, 4));
        assertThat(reports).containsExactly(new MissingReport(s.tsn(2), A, 2));
        s.count(reports);
        // The next delayed SACK (5, 6) makes four: fast retransmit after two SACKs, not three.
        assertThat(s.count(DelayedAckForCmt.missingReports(s.sackWithDac(2, 5, 6)))).containsExactly(2);
        assertThat(s.misses(2)).isEqualTo(4);
    }

    @Test
    void withoutDacTheSameSacksReachOnlyTwoMisses() {
        SackScript s = onePath();
        s.sack(1);
        s.count(DelayedAckForCmt.missingReports(s.sackWithDac(0, 3, 4)));
        s.count(DelayedAckForCmt.missingReports(s.sackWithDac(0, 5, 6)));
        assertThat(s.misses(2)).isEqualTo(2);
        assertThat(s.marked()).isEmpty();
    }

    @Test
    void aSackOfOnePacketCountsOne() {
        SackScript s = onePath();
        s.sack(1);
        assertThat(DelayedAckForCmt.missingReports(s.sackWithDac(1, 3)))
                .containsExactly(new MissingReport(s.tsn(2), A, 1));
    }

    @Test
    void acknowledgementsOfSeveralPathsCountOne() {
        SackScript s = new SackScript();
        for (int n = 1; n <= 6; n++) {
            s.send(n, n <= 3 ? A : B); // A: 1 2 3, B: 4 5 6
        }
        // 1 lost on A; the SACK acknowledges 2 (A) and 5 (B), two packets.
        List<MissingReport> reports = DelayedAckForCmt.missingReports(s.sackWithDac(2, 2, 5));
        assertThat(reports).containsExactly(new MissingReport(s.tsn(1), A, 1), new MissingReport(s.tsn(4), B, 1));
    }

    @Test
    void aHoleBetweenTheNewlyAckedTsnsCountsOne() {
        SackScript s = onePath();
        // 1 acknowledged cumulatively in the same delayed SACK as 3: 2 lies between them, so only
        // the packet of 3 followed it.
        assertThat(DelayedAckForCmt.missingReports(s.sackWithDac(2, 1, 3)))
                .containsExactly(new MissingReport(s.tsn(2), A, 1));
    }

    @Test
    void dacFlagsCarryTheCountInTheTwoHighBitsAsUsrsctpDoes() {
        assertThat(DacFlags.encode(0)).isZero();
        assertThat(DacFlags.encode(1)).isEqualTo(0x40);
        assertThat(DacFlags.encode(2)).isEqualTo(0x80); // usrsctp's SCTP_SACK_CMT_DAC
        assertThat(DacFlags.encode(7)).as("capped at what two bits hold").isEqualTo(0xC0);
        assertThat(DacFlags.packetCount(0x80)).isEqualTo(2);
        assertThat(DacFlags.packetCount(0x41)).as("NR-SACK's A bit is not part of it").isEqualTo(1);
        assertThat(DacFlags.packetCount(0x01)).isZero();
        assertThatThrownBy(() -> DacFlags.encode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReceiverCountsDataPacketsUntilItsNextSack() {
        DacReceiverCounter counter = new DacReceiverCounter();
        counter.onDataPacket();
        counter.onDataPacket();
        assertThat(counter.takeSackFlags()).isEqualTo(0x80);
        assertThat(counter.packetsSinceSack()).isZero();
        counter.onDataPacket();
        assertThat(counter.takeSackFlags()).isEqualTo(0x40);
        assertThat(counter.takeSackFlags()).as("a SACK without new packets, e.g. a window update").isZero();
    }

    @Test
    void aDigestRefusesACountTwoBitsCannotCarry() {
        assertThatThrownBy(() -> new SackDigest(List.of(), List.of(), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
