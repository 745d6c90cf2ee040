package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * {@link SendQueue#produceChunk} (the transmit loop's path, issue 6) cuts exactly what {@link
 * SendQueue#produce} does, and the entries it reuses for later messages start from scratch.
 */
class SendQueueProduceChunkTest {

    private static final long NOW = 0;

    private static OutgoingMessage message(int stream, int size, boolean unordered, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return OutgoingMessage.of(stream, 51 + seed, unordered, Bytes.wrap(b));
    }

    /** Offers the same messages to two queues, in rounds, so spare entries get reused. */
    private static void sameCuts(boolean interleaved) {
        SendQueue byFragment = new SendQueue(4, 1_000_000, new RoundRobinScheduler());
        SendQueue byChunk = new SendQueue(4, 1_000_000, new RoundRobinScheduler());
        int tsn = -3; // wraps through 0 (RFC 1982: the TSN is just carried, never compared here)
        int seed = 0;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5; i++, seed++) {
                OutgoingMessage m = message(seed % 3, 50 + 700 * (seed % 4), seed % 5 == 0, seed);
                assertThat(byFragment.offer(m, NOW)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
                assertThat(byChunk.offer(m, NOW)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            }
            List<Chunk> expected = new ArrayList<>();
            List<Chunk> actual = new ArrayList<>();
            List<OutgoingMessage> messages = new ArrayList<>();
            while (true) {
                OutgoingFragment f = byFragment.produce(NOW, 600, interleaved);
                Chunk c = byChunk.produceChunk(NOW, 600, interleaved, tsn);
                if (f == null) {
                    assertThat(c).isNull();
                    break;
                }
                expected.add(interleaved ? f.toIDataChunk(new Tsn(tsn), false) : f.toDataChunk(new Tsn(tsn), false));
                actual.add(c);
                assertThat(byChunk.lastProducedMessage()).isSameAs(f.message());
                messages.add(f.message());
                tsn++;
                byChunk.checkInvariants();
            }
            assertThat(actual).isEqualTo(expected).isNotEmpty();
            assertThat(actual.get(0)).isInstanceOf(interleaved ? IDataChunk.class : DataChunk.class);
        }
        assertThat(byChunk.isEmpty()).isTrue();
    }

    @Test
    void dataChunksAreWhatTheFragmentsWouldHaveMade() {
        sameCuts(false);
    }

    @Test
    void iDataChunksAreWhatTheFragmentsWouldHaveMade() {
        sameCuts(true);
    }
}
