package org.jsctp.transport.impair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger catches each way a delivery can go wrong. */
class MessageLedgerTest {

    @Test
    void anIntactInOrderDeliveryHasNoProblems() {
        MessageLedger l = new MessageLedger(1);
        MessageLedger.Sent a = l.next(0, false, 100);
        MessageLedger.Sent b = l.next(0, false, 8);
        MessageLedger.Sent u = l.next(1, true, 50);
        l.onReceived(1, true, u.payload());
        l.onReceived(0, false, a.payload());
        l.onReceived(0, false, b.payload());
        assertThat(l.problems()).isEmpty();
        assertThat(l.missing()).isEmpty();
    }

    @Test
    void lossDuplicationCorruptionDisorderAndTheWrongStreamAreEachReported() {
        MessageLedger l = new MessageLedger(2);
        MessageLedger.Sent a = l.next(0, false, 100);
        MessageLedger.Sent b = l.next(0, false, 100);
        MessageLedger.Sent c = l.next(2, false, 100);
        MessageLedger.Sent lost = l.next(3, true, 100);
        l.onReceived(0, false, b.payload());
        l.onReceived(0, false, a.payload()); // out of order on an ordered stream
        l.onReceived(0, false, a.payload()); // twice
        byte[] corrupt = c.payload().clone();
        corrupt[50] ^= 1;
        l.onReceived(2, false, corrupt);
        l.onReceived(1, false, c.payload()); // wrong stream
        assertThat(l.missing()).containsExactly(lost.id());
        assertThat(l.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("after message"))
                .anySatisfy(p -> assertThat(p).contains("delivered 2 times"))
                .anySatisfy(p -> assertThat(p).contains("corrupt"))
                .anySatisfy(p -> assertThat(p).contains("arrived on stream 1"));
    }
}
