package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.junit.jupiter.api.Test;

/** The transmit queue's flat, reused storage: order, fields, emptied when drained, records independent of it. */
class TransmitQueueTest {

    private final AssociationCounters counters = new AssociationCounters();

    private static void queue(TransmitQueue q, int tag, Chunk... chunks) {
        q.open(5000, 7, tag, null, null, List.of(chunks));
        q.close(false);
    }

    /** What a sink saw of one packet, copied while it was valid. */
    private record Seen(int source, int destination, int tag, boolean zero, List<Chunk> chunks) {
        static Seen of(PacketToSend p) {
            return new Seen(p.sourcePort(), p.destinationPort(), p.verificationTag(), p.zeroChecksum(),
                    List.copyOf(p.chunks()));
        }
    }

    @Test
    void aBurstComesOutWholeInOrderAndTheDrainedQueueHoldsNoChunks() {
        TransmitQueue q = new TransmitQueue();
        int burst = 37;
        for (int i = 0; i < burst; i++) {
            q.open(5000, 65535, i, null, null, i % 2 == 0 ? List.of(CookieAckChunk.INSTANCE)
                    : List.of(ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE));
            q.close(i % 3 == 0);
        }
        assertThat(q.size()).isEqualTo(burst);
        List<Seen> seen = new ArrayList<>();
        while (q.transmitNext(p -> seen.add(Seen.of(p)), counters)) {
            // collected
        }
        assertThat(seen).hasSize(burst);
        for (int i = 0; i < burst; i++) {
            assertThat(seen.get(i)).isEqualTo(new Seen(5000, 65535, i, i % 3 == 0, i % 2 == 0
                    ? List.of(CookieAckChunk.INSTANCE) : List.of(ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE)));
        }
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.heldChunks()).as("no user data kept by an idle association").isZero();
    }

    @Test
    void packetsQueuedWhileOthersWaitLeaveAfterThem() {
        TransmitQueue q = new TransmitQueue();
        for (int tag = 1; tag <= 3; tag++) {
            queue(q, tag, CookieAckChunk.INSTANCE);
        }
        List<Integer> tags = new ArrayList<>();
        q.transmitNext(p -> tags.add(p.verificationTag()), counters);
        for (int tag = 4; tag <= 9; tag++) { // grows while two wait
            queue(q, tag, ShutdownAckChunk.INSTANCE);
        }
        assertThat(q.pollRecord().verificationTag()).isEqualTo(2);
        while (q.transmitNext(p -> tags.add(p.verificationTag()), counters)) {
            // collected
        }
        assertThat(tags).containsExactly(1, 3, 4, 5, 6, 7, 8, 9);
        assertThat(q.heldChunks()).isZero();
    }

    @Test
    void aRecordTakenByPollDoesNotChangeWhenTheQueueIsReused() {
        TransmitQueue q = new TransmitQueue();
        queue(q, 1, CookieAckChunk.INSTANCE);
        OutgoingPacket record = q.pollRecord();
        queue(q, 2, ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE);
        assertThat(record.verificationTag()).isEqualTo(1);
        assertThat(record.chunks()).containsExactly(CookieAckChunk.INSTANCE);
        assertThat(q.pollRecord().chunks()).containsExactly(ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE);
        assertThat(q.pollRecord()).isNull();
    }

    @Test
    void aFirstChunkGoesBeforeTheRestAndTheRestIsCopied() {
        TransmitQueue q = new TransmitQueue();
        List<Chunk> scratch = new ArrayList<>(List.of(CookieAckChunk.INSTANCE));
        List<Chunk> open = q.open(5000, 7, 9, null, ShutdownAckChunk.INSTANCE, scratch);
        scratch.clear(); // the bundling scratch list is reused at once
        assertThat(open).containsExactly(ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE);
        assertThatThrownBy(() -> open.add(CookieAckChunk.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        q.close(false);
        assertThat(q.pollRecord().encodedLength())
                .isEqualTo(new OutgoingPacket(5000, 7, 9, List.of(ShutdownAckChunk.INSTANCE, CookieAckChunk.INSTANCE))
                        .encodedLength());
    }

    @Test
    void aReplacementTakesThePlaceOfTheOpenPacketsChunksOnly() {
        TransmitQueue q = new TransmitQueue();
        queue(q, 1, CookieAckChunk.INSTANCE);
        List<Chunk> open = q.open(5000, 7, 2, null, null, List.of(ShutdownAckChunk.INSTANCE));
        List<Chunk> signed = new ArrayList<>(List.of(new ShutdownCompleteChunk(false)));
        signed.addAll(open); // as AUTH does: a new list with a chunk added
        q.replaceOpen(signed);
        q.close(false);
        assertThat(q.pollRecord().chunks()).containsExactly(CookieAckChunk.INSTANCE);
        assertThat(q.pollRecord().chunks()).containsExactly(new ShutdownCompleteChunk(false), ShutdownAckChunk.INSTANCE);
    }

    @Test
    void aPacketLeftOpenByAFailureIsDroppedByTheNextOpen() {
        TransmitQueue q = new TransmitQueue();
        queue(q, 1, CookieAckChunk.INSTANCE);
        q.open(5000, 7, 2, null, null, List.of(ShutdownAckChunk.INSTANCE)); // never closed
        queue(q, 3, CookieAckChunk.INSTANCE);
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.pollRecord().verificationTag()).isEqualTo(1);
        OutgoingPacket third = q.pollRecord();
        assertThat(third.verificationTag()).isEqualTo(3);
        assertThat(third.chunks()).containsExactly(CookieAckChunk.INSTANCE);
        assertThat(q.isEmpty()).isTrue();
        assertThatThrownBy(() -> q.close(false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSinkThatThrowsLosesItsPacketOnly() {
        TransmitQueue q = new TransmitQueue();
        queue(q, 1, CookieAckChunk.INSTANCE);
        queue(q, 2, CookieAckChunk.INSTANCE);
        assertThatThrownBy(() -> q.transmitNext(p -> {
            throw new IllegalStateException("encoder failed");
        }, counters)).isInstanceOf(IllegalStateException.class);
        assertThat(q.pollRecord().verificationTag()).isEqualTo(2);
        assertThat(q.heldChunks()).isZero();
    }

    /** Once grown to a burst's size, queueing and sending that burst again makes no object. */
    @Test
    void repeatedBurstsAllocateNothingOnceTheQueueHasGrown() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        TransmitQueue q = new TransmitQueue();
        List<Chunk> rest = List.of(CookieAckChunk.INSTANCE);
        int[] sent = new int[1];
        TransmitSink sink = p -> sent[0] += p.chunks().size();
        Runnable burst = () -> {
            for (int i = 0; i < 24; i++) {
                q.open(5000, 7, i, null, ShutdownAckChunk.INSTANCE, rest);
                q.close(false);
            }
            while (q.transmitNext(sink, counters)) {
                // sent
            }
        };
        for (int i = 0; i < 20_000; i++) {
            burst.run(); // grows the queue once; lets the JIT compile the loop
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 1_000; i++) {
                burst.run();
            }
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        assertThat(sent[0]).isEqualTo(2 * 24 * 25_000);
        assertThat(least).as("bytes allocated by 24,000 packets queued and sent").isLessThan(24_000);
    }
}
