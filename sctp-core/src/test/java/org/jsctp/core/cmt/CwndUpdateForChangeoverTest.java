package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cwnd Update for Changeover, draft-tuexen-tsvwg-sctp-multipath section 3.2: per-path
 * pseudo-cumulative TSN acks let each path's cwnd grow while the association's cumulative TSN ack
 * is stuck behind a loss on one path.
 */
class CwndUpdateForChangeoverTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final long BYTES = SackScript.CHUNK_BYTES;

    @Test
    void whileTheCumAckIsStuckBehindALossOnOnePathBothPathsCwndsGrow() {
        SackScript s = new SackScript();
        for (int n = 1; n <= 10; n++) {
            s.send(n, n % 2 == 1 ? A : B); // A: 1 3 5 7 9, B: 2 4 6 8 10
        }
        // TSN 1 is lost on A: the cumulative TSN ack stays at 0 throughout.
        SackDigest first = s.sack(2, 3);
        assertThat(CwndUpdateForChangeover.update(first, B))
                .as("B's pseudo-cumack 2 advanced").isEqualTo(new PathCwndUpdate(B, true, BYTES));
        assertThat(CwndUpdateForChangeover.update(first, A))
                .as("A's pseudo-cumack is the lost 1").isEqualTo(new PathCwndUpdate(A, false, BYTES));

        SackDigest second = s.sack(4, 5);
        assertThat(CwndUpdateForChangeover.update(second, B).mayIncrease()).isTrue();
        assertThat(CwndUpdateForChangeover.update(second, A).mayIncrease()).isFalse();

        // Fast retransmit sends 1 again on A: A's new data has its own pseudo-cumack again (3's
        // successor 7, since 3 and 5 are acknowledged), so A grows too before 1 is repaired.
        s.retransmit(1, A);
        SackDigest third = s.sack(6, 7);
        assertThat(CwndUpdateForChangeover.update(third, A)).isEqualTo(new PathCwndUpdate(A, true, BYTES));
        assertThat(CwndUpdateForChangeover.update(third, B)).isEqualTo(new PathCwndUpdate(B, true, BYTES));

        // The retransmission's arrival advances A's retransmission pseudo-cumack as well.
        SackDigest repair = s.sack(1);
        assertThat(CwndUpdateForChangeover.update(repair, A)).isEqualTo(new PathCwndUpdate(A, true, BYTES));
        assertThat(CwndUpdateForChangeover.update(repair, B)).isEqualTo(PathCwndUpdate.none(B));
    }

    @Test
    void ackingOnlyChunksAboveAPathsPseudoCumAckGivesBytesButNoGrowth() {
        SackScript s = new SackScript().send(1, A).send(2, A).send(3, A);
        assertThat(CwndUpdateForChangeover.update(s.sack(2, 3), A))
                .isEqualTo(new PathCwndUpdate(A, false, 2 * BYTES));
        assertThat(CwndUpdateForChangeover.update(s.sack(1), A)).isEqualTo(new PathCwndUpdate(A, true, BYTES));
    }

    @Test
    void everyPathTheSackConcernsIsListedInPathOrder() {
        SackScript s = new SackScript().send(1, 2).send(2, 0).send(3, 1);
        assertThat(CwndUpdateForChangeover.updates(s.sack(2)).keySet()).containsExactly(0, 1, 2);
        assertThat(CwndUpdateForChangeover.update(s.sack(), 7)).isEqualTo(PathCwndUpdate.none(7));
    }

    @Test
    void pseudoCumAcksAreFoundAcrossTheTsnWrap() {
        SackScript s = new SackScript(-2).send(1, A).send(2, A).send(3, A); // 2^32-1, 0, 1
        assertThat(CwndUpdateForChangeover.update(s.sack(2), A).mayIncrease()).isFalse();
        assertThat(CwndUpdateForChangeover.update(s.sack(1), A).mayIncrease()).isTrue();
    }
}
