package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Blind attacks over real UDP (RFC 9260 sections 8.5 and 8.5.1, CVE-2021-3772 class): spoofed
 * packets from the peer's address and ports with guessed verification tags, including ABORT and
 * SHUTDOWN COMPLETE with the T bit, which the transport routes by the peer's tag. None gets an
 * answer, and the association goes on, both ways.
 */
class BlindAttackEndToEndTest extends ConformanceTestBase {

    @Test
    @DisplayName("500 spoofed ABORT, SHUTDOWN, SHUTDOWN COMPLETE and DATA packets with guessed tags: no answer, the association goes on")
    void guessedTagsOverUdpChangeNothing() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        SplittableRandom random = new SplittableRandom(2021_3772);
        List<Chunk> kinds = List.of(AbortChunk.of(), new AbortChunk(true, false, List.of()),
                new ShutdownChunk(new Tsn(random.nextInt())), new ShutdownCompleteChunk(false),
                new ShutdownCompleteChunk(true),
                new DataChunk(true, false, true, true, a.nextTsn(), 0, new Ssn(0), 0, Bytes.fromHex("0badda7a")));
        for (int i = 0; i < 500; i++) {
            int guess = random.nextInt();
            if (guess == a.endpointTag()) {
                continue;
            }
            tester.send(guess, kinds.get(i % kinds.size()));
        }
        tester.expectNothingBeforeMarker(); // RFC 9260 section 8.5: dropped without an answer

        assertAlive(a);
        DataChunk d = TesterAssociation.immediately(a.data("after the blind attack"));
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1)).singleElement()
                .satisfies(m -> assertThat(m.payload()).isEqualTo(d.userData()));
        EndpointUnderTest.send(e.ours(), TesterAssociation.bytes("reply"));
        assertThat(a.expect(DataChunk.class).userData()).isEqualTo(TesterAssociation.bytes("reply"));
        a.send(a.sack());
        assertThat(sut.saw(tester, AssociationEvent.CommunicationLost.class)).isFalse();

        shutDownFromTester(a, e.ours());
        sut.assertStillServesFreshAssociation();
    }
}
