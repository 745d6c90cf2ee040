package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * NR-acked chunks in {@link OutstandingData} (draft-tuexen-tsvwg-sctp-multipath section 4.2):
 * freed from the send buffer at once, out of the flight size, never reneged, never retransmitted,
 * never abandoned; the cumulative ack passes over them as usual. The TSNs start just below the
 * 2^32 wrap so every case crosses it.
 */
class OutstandingDataNrSackTest {

    private static final int SIZE = 100;
    private static final int INITIAL = -3; // 0xFFFFFFFD: TSNs FFFFFFFD, FFFFFFFE, FFFFFFFF, 0, 1, ...

    private OutstandingData od;
    private final List<Object> messages = new ArrayList<>();

    private void send(int n) {
        for (int i = 0; i < n; i++) {
            Tsn tsn = od.nextTsn();
            Object message = "m" + tsn;
            messages.add(message);
            od.add(tsn, new DataChunk(false, false, true, true, tsn, 1, new Ssn(0), 0, Bytes.wrap(new byte[SIZE])),
                    SIZE, 0, message, 0);
        }
        od.checkInvariants();
    }

    private static List<GapAckBlock> blocks(int... offsets) {
        List<GapAckBlock> out = new ArrayList<>();
        for (int i = 0; i < offsets.length; i += 2) {
            out.add(new GapAckBlock(offsets[i], offsets[i + 1]));
        }
        return out;
    }

    /** An NR-SACK as the sender applies it: Gap Ack Blocks = gap + NR blocks, and the NR blocks. */
    private SackResult nrSack(int cum, List<GapAckBlock> gap, List<GapAckBlock> nr) {
        List<GapAckBlock> all = new ArrayList<>(gap);
        all.addAll(nr);
        SackResult r = od.handleSack(new SackChunk(new Tsn(INITIAL - 1 + cum), 65_536, all, List.of()), nr, 0, false);
        od.checkInvariants();
        return r;
    }

    private void start() {
        od = new OutstandingData(new Tsn(INITIAL), 1000, 1);
        messages.clear();
    }

    @Test
    void chunksInNrGapAckBlocksLeaveTheSendBufferAndTheFlightAtOnce() {
        start();
        send(6);
        SackResult r = nrSack(0, List.of(), blocks(2, 4));
        assertThat(r.isAccepted()).isTrue();
        assertThat(r.newlyAckedBytes()).isEqualTo(3L * SIZE);
        assertThat(od.bytesHeld()).isEqualTo(3L * SIZE);
        assertThat(od.bytesInFlight()).isEqualTo(3L * SIZE);
        assertThat(od.outstandingChunks()).isEqualTo(6); // their places wait for the cumulative ack
    }

    @Test
    void aGapAckBlockAloneKeepsTheBytesHeldAndALaterNrBlockFreesThem() {
        start();
        send(4);
        nrSack(0, blocks(2, 3), List.of());
        assertThat(od.bytesHeld()).isEqualTo(4L * SIZE);
        SackResult r = nrSack(0, List.of(), blocks(2, 3));
        assertThat(r.newlyAckedBytes()).isZero(); // acked before, only released now
        assertThat(od.bytesHeld()).isEqualTo(2L * SIZE);
    }

    @Test
    void anNrAckedChunkIsNeverRenegedByALaterSackThatOmitsIt() {
        start();
        send(4);
        nrSack(0, List.of(), blocks(2, 2));
        SackResult r = nrSack(0, List.of(), List.of());
        assertThat(r.renegedChunks()).isZero();
        assertThat(od.bytesInFlight()).isEqualTo(3L * SIZE);
        assertThat(od.bytesHeld()).isEqualTo(3L * SIZE);
    }

    @Test
    void t3AndFastRetransmitLeaveNrAckedChunksAlone() {
        start();
        send(5);
        nrSack(0, List.of(), blocks(2, 2));
        assertThat(od.markAllForRetransmission()).isEqualTo(4);
        List<RetransmitItem> again = od.takeRetransmissions(100_000, false);
        assertThat(again).extracting(i -> i.tsn().value()).containsExactly(INITIAL, INITIAL + 2, INITIAL + 3, INITIAL + 4);
        od.checkInvariants();
    }

    @Test
    void abandoningAMessageSkipsItsNrAckedChunks() {
        start();
        send(3);
        nrSack(0, List.of(), blocks(2, 2));
        List<Object> abandoned = od.abandon(m -> true);
        assertThat(abandoned).containsExactly(messages.get(0), messages.get(2));
        assertThat(od.bytesHeld()).isZero();
        od.checkInvariants();
    }

    @Test
    void theCumulativeAckPassesOverNrAckedChunksAndReportsTheirMessages() {
        start();
        send(4);
        nrSack(0, List.of(), blocks(2, 4));
        SackResult r = nrSack(4, List.of(), List.of());
        assertThat(r.cumulativeAckAdvanced()).isTrue();
        assertThat(r.newlyAckedBytes()).isEqualTo(SIZE);
        assertThat(r.ackedMessages()).containsExactlyElementsOf(messages);
        assertThat(od.isEmpty()).isTrue();
        assertThat(od.bytesHeld()).isZero();
        assertThat(od.bytesInFlight()).isZero();
    }

    @Test
    void nrBlocksOverlappingGapBlocksAreAppliedOnce() {
        start();
        send(6);
        SackResult r = nrSack(0, blocks(2, 5), blocks(3, 4));
        assertThat(r.newlyAckedBytes()).isEqualTo(4L * SIZE);
        assertThat(od.bytesHeld()).isEqualTo(4L * SIZE); // TSN 1, 2 and 5 (renegable), 6 in flight
        assertThat(od.bytesInFlight()).isEqualTo(2L * SIZE);
    }
}
