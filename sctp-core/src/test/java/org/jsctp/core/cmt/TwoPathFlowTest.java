package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.cmt.TwoPathFlow.CwndRule;
import org.jsctp.core.cmt.TwoPathFlow.LossRule;
import org.junit.jupiter.api.Test;

/**
 * The CMT algorithms together in a sender over two paths of different RTTs (10 ms and 100 ms round trips),
 * in virtual time: what SFR and CUC change for the whole transfer.
 */
class TwoPathFlowTest {

    private static final long MS = 1_000_000L;
    private static final long[] FAST_AND_SLOW = {5 * MS, 50 * MS};
    private static final long SSTHRESH = 64L * TwoPathFlow.MTU;
    private static final long INITIAL_CWND = new TwoPathFlow(FAST_AND_SLOW, LossRule.RFC9260,
            CwndRule.CUMULATIVE_ACK, SSTHRESH).cwnd(1);

    @Test
    void withoutLossRfc9260sRuleFastRetransmitsTheSlowPathsDataSpuriouslyAndSfrNever() {
        TwoPathFlow plain = new TwoPathFlow(FAST_AND_SLOW, LossRule.RFC9260, CwndRule.CUC, SSTHRESH).run(500 * MS);
        TwoPathFlow split = new TwoPathFlow(FAST_AND_SLOW, LossRule.SPLIT_FAST_RETRANSMIT, CwndRule.CUC, SSTHRESH)
                .run(500 * MS);
        assertThat(plain.fastRetransmits()).as("spurious fast retransmits without SFR").isPositive();
        assertThat(plain.reductions(1)).as("the slow path's cwnd cut for nothing").isPositive();
        assertThat(split.fastRetransmits()).isZero();
        assertThat(split.reductions(0) + split.reductions(1)).isZero();
    }

    @Test
    void behindALossTheCumulativeAckIsStuckYetCucGrowsThePathWhoseDataArrives() {
        // TSN 0 (fast path) is lost, and so is its fast retransmission; without T3 it stays missing.
        TwoPathFlow cumulative = new TwoPathFlow(FAST_AND_SLOW, LossRule.SPLIT_FAST_RETRANSMIT,
                CwndRule.CUMULATIVE_ACK, SSTHRESH).losing(0).run(600 * MS);
        TwoPathFlow cuc = new TwoPathFlow(FAST_AND_SLOW, LossRule.SPLIT_FAST_RETRANSMIT, CwndRule.CUC, SSTHRESH)
                .losing(0).run(600 * MS);
        assertThat(cumulative.cumulativeAck()).isEqualTo(-1);
        assertThat(cuc.cumulativeAck()).isEqualTo(-1);
        assertThat(cumulative.fastRetransmits()).isEqualTo(1);
        assertThat(cumulative.cwnd(1)).as("no growth without the cumulative ack").isEqualTo(INITIAL_CWND);
        // The fast path's SACKs report the slow path's packets in bulk, and slow start adds at most one
        // MTU per SACK (RFC 9260 section 7.2.1), so the slow path grows by about an MTU per round.
        assertThat(cuc.cwnd(1)).as("the slow path keeps growing under CUC").isGreaterThan(3 * INITIAL_CWND);
    }
}
