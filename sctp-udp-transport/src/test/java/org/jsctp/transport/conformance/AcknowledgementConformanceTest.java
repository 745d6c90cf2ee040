package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.SackChunk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 acknowledgement (A) test purposes, checked against RFC 9260 sections 6.2 and 6.7. */
class AcknowledgementConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-a-v-9-1: a DATA chunk is acknowledged with a SACK and delivered")
    void aDataChunkIsAcknowledged() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk d = a.data("acknowledge me");
        a.send(d);
        SackChunk sack = a.expect(SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sack.gapAckBlocks()).isEmpty();
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-a-v-9-2: three DATA chunks in one packet are acknowledged by one SACK")
    void oneSackAcknowledgesAWholePacket() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk one = a.data("one");
        DataChunk two = a.data("two");
        DataChunk three = a.data("three");
        a.send(one, two, three);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(three.tsn());
        tester.expectNothingBeforeMarker(); // no second SACK for the same packet (RFC 9260 section 6.2)
        assertThat(sut.awaitMessagesFrom(tester, 3)).extracting(m -> m.payload())
                .containsExactly(one.userData(), two.userData(), three.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-a-o-9-3: a gap is reported at once in a Gap Ack Block; filling it moves the cumulative ack over both")
    void aGapIsReportedAtOnceAndFillingItIsAcknowledged() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk one = a.data("one");
        DataChunk two = a.data("two");
        DataChunk three = a.data("three");
        a.send(one);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(one.tsn());

        a.send(three);
        SackChunk gap = a.expect(SackChunk.class); // RFC 9260 section 6.7
        assertThat(gap.cumulativeTsnAck()).isEqualTo(one.tsn());
        assertThat(gap.gapAckBlocks()).containsExactly(new GapAckBlock(2, 2));

        a.send(two);
        SackChunk filled = a.expect(SackChunk.class);
        assertThat(filled.cumulativeTsnAck()).isEqualTo(three.tsn());
        assertThat(filled.gapAckBlocks()).isEmpty();
        assertThat(sut.awaitMessagesFrom(tester, 3)).extracting(m -> m.payload())
                .containsExactly(one.userData(), two.userData(), three.userData());

        sut.assertStillServesFreshAssociation();
    }
}
