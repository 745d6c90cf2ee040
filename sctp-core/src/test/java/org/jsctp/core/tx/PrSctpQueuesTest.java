package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The two queue operations PR-SCTP adds (RFC 7496): the send queue's unsent candidates and their
 * removal for the priority policy, and the retransmission queue's view of the chunks due for
 * retransmission with their transmission counts, where timed reliability and limited
 * retransmissions decide.
 */
class PrSctpQueuesTest {

    private static OutgoingMessage prio(int stream, int size, int priority) {
        return OutgoingMessage.of(stream, 0, false, Bytes.wrap(new byte[size])).withPolicy(PrPolicy.prio(priority), 0);
    }

    @Test
    void unsentMessagesAreListedInOfferOrderAndRemovedWithoutUsingAnSsn() {
        SendQueue q = new SendQueue(4, 10_000, new FcfsScheduler());
        OutgoingMessage a = prio(0, 100, 1);
        OutgoingMessage b = prio(1, 100, 7);
        OutgoingMessage c = prio(0, 100, 7);
        OutgoingMessage d = OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100]));
        for (OutgoingMessage m : List.of(a, b, c, d)) {
            assertThat(q.offer(m, 0)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
        OutgoingFragment first = q.produce(0, 50, false); // a is partly produced: no longer a candidate
        assertThat(first.message()).isSameAs(a);
        assertThat(q.unsentMessages(m -> true)).containsExactly(b, c, d);
        assertThat(q.unsentMessages(m -> m.priority() == 7)).containsExactly(b, c);
        assertThat(q.removeUnsent(a)).as("partly produced").isFalse();
        assertThat(q.removeUnsent(c)).isTrue();
        assertThat(q.removeUnsent(c)).as("already gone").isFalse();
        q.checkInvariants();
        assertThat(q.bufferedBytes()).isEqualTo(50 + 100 + 100);
        List<OutgoingFragment> rest = new ArrayList<>();
        for (OutgoingFragment f; (f = q.produce(0, 1000, false)) != null; ) {
            rest.add(f);
        }
        // a's rest (SSN 0), then b on stream 1, then d takes SSN 1 on stream 0: c never had one
        assertThat(rest).extracting(OutgoingFragment::message).containsExactly(a, b, d);
        assertThat(rest.get(2).ssn()).isEqualTo(new Ssn(1));
        q.checkInvariants();
    }

    @Test
    void chunksDueForRetransmissionAreShownWithTheirTransmissionCounts() {
        OutstandingData od = new OutstandingData(new Tsn(1), 100, 1);
        for (int i = 1; i <= 3; i++) {
            od.add(new Tsn(i), new DataChunk(false, false, true, true, new Tsn(i), 0, new Ssn(i - 1), 0,
                    Bytes.wrap(new byte[10])), 10, 0, "m" + i, 0);
        }
        List<String> seen = new ArrayList<>();
        od.forEachMarkedForRetransmission((m, n) -> seen.add(m + "x" + n));
        assertThat(seen).as("nothing marked").isEmpty();
        od.markAllForRetransmission();
        od.takeRetransmissions(100_000, false);
        od.markAllForRetransmission();
        od.abandon("m2"::equals);
        od.forEachMarkedForRetransmission((m, n) -> seen.add(m + "x" + n));
        assertThat(seen).containsExactly("m1x2", "m3x2"); // sent twice each; the abandoned one is not due
        od.checkInvariants();
    }
}
