package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The size of the SACKs the receiver builds (RFC 9260 section 6.2: as many Gap Ack Blocks as fit
 * one packet of the path MTU): more than the old fixed 256 when the MTU allows, the lowest blocks
 * when not all fit, duplicates only in the room the blocks leave, never longer than the room.
 */
class SackSizeTest {

    private static final int WINDOW = 100_000;
    /** The room for a SACK chunk in a packet: the MTU less the common header. */
    private static int room(int mtu) {
        return mtu - CommonHeader.LENGTH;
    }

    /** A tracker that received every other TSN after the first, so each one opens a Gap Ack Block. */
    private static DataTracker withIsolatedTsns(int blocks, int initialTsn) {
        DataTracker t = new DataTracker(new Tsn(initialTsn), 4096, 64);
        for (int i = 1; i <= blocks; i++) {
            assertThat(t.observe(new Tsn(initialTsn + 2 * i))).isEqualTo(DataTracker.Observation.NEW);
        }
        return t;
    }

    @Test
    void aSackWithMoreThan256GapBlocksIsBuiltWhenTheMtuAllowsAndDecodesAtThePeer() throws DecodeException {
        DataTracker t = withIsolatedTsns(1000, -700); // the TSNs wrap past 2^32 on the way
        int room = room(9000); // a jumbo-frame path
        assertThat(t.sackLength(Integer.MAX_VALUE, room)).isLessThanOrEqualTo(room);
        SackChunk sack = t.createSack(WINDOW, Integer.MAX_VALUE, room);
        assertThat(sack.gapAckBlocks()).hasSize(1000);
        byte[] wire = PacketEncoder.toByteArray(new SctpPacket(new CommonHeader(5000, 7, 1234, 0), List.of(sack)));
        assertThat(wire.length).isLessThanOrEqualTo(9000);
        SctpPacket decoded = PacketDecoder.strict().decode(wire);
        SackChunk received = (SackChunk) decoded.chunks().get(0);
        assertThat(received.cumulativeTsnAck()).isEqualTo(new Tsn(-700 - 1));
        assertThat(received.gapAckBlocks()).isEqualTo(sack.gapAckBlocks());
        assertThat(received.gapAckBlocks().get(999)).isEqualTo(new GapAckBlock(2001, 2001));
    }

    @Test
    void aPacketOf1500BytesCarriesMoreThan256BlocksTheLowestOnes() {
        DataTracker t = withIsolatedTsns(1000, 10);
        SackChunk sack = t.createSack(WINDOW, Integer.MAX_VALUE, room(1500));
        int fit = (room(1500) - 16) / 4;
        assertThat(fit).isGreaterThan(256);
        assertThat(sack.gapAckBlocks()).hasSize(fit);
        for (int i = 0; i < fit; i++) {
            assertThat(sack.gapAckBlocks().get(i)).isEqualTo(new GapAckBlock(2 * (i + 1) + 1, 2 * (i + 1) + 1));
        }
        assertThat(sack.encodedLength()).isLessThanOrEqualTo(room(1500));
    }

    @Test
    void aConfiguredCapLimitsTheBlocksBelowWhatFits() {
        DataTracker t = withIsolatedTsns(100, 10);
        assertThat(t.createSack(WINDOW, 20, room(1500)).gapAckBlocks()).hasSize(20);
    }

    @Test
    void duplicatesTakeOnlyTheRoomTheBlocksLeave() {
        DataTracker t = withIsolatedTsns(1000, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(t.observe(new Tsn(12))).isEqualTo(DataTracker.Observation.DUPLICATE);
        }
        SackChunk full = t.createSack(WINDOW, Integer.MAX_VALUE, room(1500));
        assertThat(full.gapAckBlocks()).hasSize((room(1500) - 16) / 4);
        assertThat(full.duplicateTsns()).isEmpty(); // no room left: the blocks come first
        DataTracker few = withIsolatedTsns(3, 10);
        few.observe(new Tsn(12));
        few.observe(new Tsn(14));
        SackChunk roomy = few.createSack(WINDOW, Integer.MAX_VALUE, room(1500));
        assertThat(roomy.gapAckBlocks()).hasSize(3);
        assertThat(roomy.duplicateTsns()).containsExactly(new Tsn(12), new Tsn(14));
    }

    /** Property over seeded random receptions: the SACK never exceeds its room and says what sackLength said. */
    @Test
    void aSackNeverExceedsTheRoomItIsBuiltFor() throws DecodeException {
        Random random = new Random(20261203L);
        for (int run = 0; run < 400; run++) {
            int initial = random.nextInt();
            DataTracker t = new DataTracker(new Tsn(initial), 4096, 64);
            int arrivals = random.nextInt(3000);
            int spread = 1 + random.nextInt(8000);
            for (int i = 0; i < arrivals; i++) {
                t.observe(new Tsn(initial + random.nextInt(spread)));
            }
            int mtu = 1 + CommonHeader.LENGTH + 15 + random.nextInt(9000);
            int room = room(mtu);
            int cap = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(500);
            int predicted = t.sackLength(cap, room);
            SackChunk sack = t.createSack(WINDOW, cap, room);
            assertThat(sack.encodedLength()).as("run %d", run).isEqualTo(predicted);
            if (room >= 16) {
                assertThat(sack.encodedLength()).as("run %d, room %d", run, room).isLessThanOrEqualTo(room);
            }
            assertThat(sack.gapAckBlocks().size()).isLessThanOrEqualTo(cap);
            for (int i = 1; i < sack.gapAckBlocks().size(); i++) {
                // the lowest blocks, in order, none skipped: each starts two or more past the previous end
                assertThat(sack.gapAckBlocks().get(i).start()).isGreaterThan(sack.gapAckBlocks().get(i - 1).end() + 1);
            }
            byte[] wire = PacketEncoder.toByteArray(new SctpPacket(new CommonHeader(1, 2, 3, 0), List.of(sack)));
            assertThat(((SackChunk) PacketDecoder.strict().decode(wire).chunks().get(0)).gapAckBlocks())
                    .isEqualTo(sack.gapAckBlocks());
        }
    }
}
