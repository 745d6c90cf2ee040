package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.UnknownChunk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 miscellaneous (M) test purposes: an unknown chunk type bundled before DATA,
 * handled by the two high bits of its type (RFC 9260 section 3.2).
 */
class MiscellaneousConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-m-i-10-1: an unknown chunk of type 11xxxxxx is skipped and reported; the DATA after it is processed")
    void anUnknownSkipAndReportChunkIsReportedAndTheDataProcessed() {
        start();
        TesterAssociation a = passiveAssociation().tester();
        UnknownChunk unknown = Crafted.chunk(0xCF, 0, Bytes.fromHex("010203"));
        DataChunk d = a.data("after the unknown chunk");
        a.send(unknown, d);

        Received r = a.next(); // the ERROR; the SACK may share its packet
        assertThat(r.chunk(0, ErrorChunk.class).causes()).containsExactly(UnrecognizedChunkTypeCause.of(unknown));
        SackChunk sack = r.chunks().size() > 1 ? r.chunk(1, SackChunk.class) : a.expect(SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-m-i-10-2: an unknown chunk of type 00xxxxxx ends the processing of its packet silently")
    void anUnknownStopChunkDiscardsTheRestOfThePacketSilently() {
        start();
        TesterAssociation a = passiveAssociation().tester();
        DataChunk d = a.data("never looked at");
        a.send(Crafted.chunk(0x3F, 0, Bytes.fromHex("010203")), d);
        expectTheDataWasNotProcessed(a, d);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-m-i-10-3: an unknown chunk of type 01xxxxxx is reported and ends the processing of its packet")
    void anUnknownStopAndReportChunkIsReportedAndDiscardsTheRest() {
        start();
        TesterAssociation a = passiveAssociation().tester();
        UnknownChunk unknown = Crafted.chunk(0x4F, 0, Bytes.empty());
        DataChunk d = a.data("never looked at");
        a.send(unknown, d);
        assertThat(a.expect(ErrorChunk.class).causes()).containsExactly(UnrecognizedChunkTypeCause.of(unknown));
        expectTheDataWasNotProcessed(a, d);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-m-i-10-4: an unknown chunk of type 10xxxxxx is skipped silently; the DATA after it is processed")
    void anUnknownSkipChunkIsSkippedSilently() {
        start();
        TesterAssociation a = passiveAssociation().tester();
        DataChunk d = a.data("after the unknown chunk");
        a.send(Crafted.chunk(0x8F, 0, Bytes.fromHex("010203")), d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn()); // no ERROR before it
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    /**
     * Sends {@code d} again, alone: had the first copy been processed, the SACK would report this
     * one as a duplicate (RFC 9260 section 6.2); it reports none, and the message arrives once.
     */
    private void expectTheDataWasNotProcessed(TesterAssociation a, DataChunk d) {
        a.send(d);
        SackChunk sack = a.expect(SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sack.duplicateTsns()).isEmpty();
        assertThat(sut.awaitMessagesFrom(tester, 1)).hasSize(1);
    }
}
