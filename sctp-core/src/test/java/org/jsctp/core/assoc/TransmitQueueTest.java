package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.junit.jupiter.api.Test;

/** The transmit queue's slots: bounded spares, emptied of what they held, records independent of them. */
class TransmitQueueTest {

    private final AssociationCounters counters = new AssociationCounters();

    private static QueuedPacket filled(TransmitQueue q, int tag, Chunk... chunks) {
        QueuedPacket p = q.obtain();
        p.fill(5000, 7, tag, null, null, List.of(chunks));
        q.add(p);
        return p;
    }

    @Test
    void aBurstGrowsTheQueueAndLeavesAtMostTheBoundOfSpares() {
        TransmitQueue q = new TransmitQueue();
        int burst = 3 * TransmitQueue.MAX_SPARES;
        for (int i = 0; i < burst; i++) {
            filled(q, i, CookieAckChunk.INSTANCE);
        }
        assertThat(q.size()).isEqualTo(burst);
        List<Integer> tags = new ArrayList<>();
        while (q.transmitNext(p -> tags.add(p.verificationTag()), counters)) {
            assertThat(q.spareCount()).isLessThanOrEqualTo(TransmitQueue.MAX_SPARES);
        }
        assertThat(tags).hasSize(burst).isSorted();
        assertThat(q.spareCount()).isEqualTo(TransmitQueue.MAX_SPARES);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aSpareSlotIsReusedAndHoldsNothingOfItsLastPacket() {
        TransmitQueue q = new TransmitQueue();
        QueuedPacket first = filled(q, 1, CookieAckChunk.INSTANCE);
        q.transmitNext(p -> { }, counters);
        assertThat(first.chunks()).as("emptied when recycled: no user data kept by an idle association").isEmpty();
        assertThat(first.destination()).isNull();
        QueuedPacket second = filled(q, 2, CookieAckChunk.INSTANCE);
        assertThat(second).isSameAs(first);
        assertThat(q.spareCount()).isZero();
    }

    @Test
    void aRecordTakenByPollDoesNotChangeWhenItsSlotIsReused() {
        TransmitQueue q = new TransmitQueue();
        filled(q, 1, CookieAckChunk.INSTANCE);
        OutgoingPacket record = q.pollRecord();
        filled(q, 2, ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE);
        assertThat(record.verificationTag()).isEqualTo(1);
        assertThat(record.chunks()).containsExactly(CookieAckChunk.INSTANCE);
        assertThat(q.pollRecord().chunks()).hasSize(2);
        assertThat(q.pollRecord()).isNull();
    }

    @Test
    void aFirstChunkGoesBeforeTheRestAndTheRestIsCopied() {
        TransmitQueue q = new TransmitQueue();
        QueuedPacket p = q.obtain();
        List<Chunk> scratch = new ArrayList<>(List.of(CookieAckChunk.INSTANCE));
        ShutdownAckChunk first = ShutdownAckChunk.INSTANCE;
        p.fill(5000, 7, 9, null, first, scratch);
        scratch.clear(); // the bundling scratch list is reused at once
        assertThat(p.chunks()).containsExactly(first, CookieAckChunk.INSTANCE);
        assertThat(p.encodedLength()).isEqualTo(new OutgoingPacket(5000, 7, 9, p.chunks()).encodedLength());
    }
}
