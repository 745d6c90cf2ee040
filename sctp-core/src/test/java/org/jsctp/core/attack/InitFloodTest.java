package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.sim.SimHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * INIT flood (RFC 9260 section 5.1.3, 11.2.4.1): the endpoint answers every INIT with an INIT ACK
 * whose State Cookie carries all it needs, so an INIT leaves nothing behind. A million INITs
 * with random tags, ports and parameters: every one answered, no association, and the retained
 * heap after a full GC the same after a million as after the first hundred thousand.
 */
class InitFloodTest {

    private static final int INITS = 1_000_000;
    private static final int CHECKPOINT = 100_000;
    private static final long MAX_GROWTH_BYTES = 8L << 20;

    @Test
    @DisplayName("a million INITs leave no association and no retained heap growth beyond 8 MiB")
    void aMillionInitsKeepNoState() {
        SimHost host = new SimHost("server", new Endpoint(EndpointConfig.of(7, AttackedPair.defaults().build()),
                new SeededRandomSource(5), 0));
        Endpoint endpoint = host.endpoint();
        SplittableRandom random = new SplittableRandom(11);
        long now = 0;
        long atCheckpoint = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= INITS; i++) {
            int tag = random.nextInt() | 1;
            InitChunk init = new InitChunk(tag, 1500 + random.nextInt(1 << 20), 1 + random.nextInt(65535),
                    1 + random.nextInt(65535), new Tsn(random.nextInt()), List.of());
            int port = 1 + random.nextInt(65535);
            now += 1_000; // 1 us apart: a million INITs a second, also across secret rotations below
            Endpoint.Outcome o = endpoint.handlePacket(new SctpPacket(CommonHeader.of(port, 7, 0), List.of(init)), now, host);
            if (!(o instanceof Endpoint.Outcome.Reply r) || !(r.packet().chunks().get(0) instanceof InitAckChunk)
                    || r.packet().verificationTag() != tag) {
                throw new AssertionError("INIT " + i + " was not answered with an INIT ACK: " + o);
            }
            if (i == CHECKPOINT) {
                atCheckpoint = retainedHeap();
            }
        }
        long atEnd = retainedHeap();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("InitFloodTest: %d INITs in %d ms; retained heap %d KiB after %d, %d KiB after %d%n", INITS, millis,
                atCheckpoint >> 10, CHECKPOINT, atEnd >> 10, INITS);

        assertThat(host.associations()).isEmpty();
        assertThat(endpoint.usedCookiesHeld()).isZero();
        assertThat(atEnd - atCheckpoint).as("retained heap growth from %d to %d INITs", CHECKPOINT, INITS)
                .isLessThan(MAX_GROWTH_BYTES);
    }

    /** Heap in use after full collections: what is still reachable. */
    static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
