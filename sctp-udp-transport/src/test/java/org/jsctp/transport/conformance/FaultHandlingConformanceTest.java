package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import java.util.List;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 fault handling (FH) test purposes, checked against RFC 9260 sections 8.1, 8.3 and 8.4. */
class FaultHandlingConformanceTest extends ConformanceTestBase {

    private static final int OOTB_TAG = 0x0B0B_0001;

    @Test
    @DisplayName("sctp-fh-i-5-1-1: when DATA stays unacknowledged past Association.Max.Retrans the association is aborted")
    void unacknowledgedDataEndsTheAssociationAfterAssociationMaxRetrans() {
        start(ConformanceConfig.fastTimers().associationMaxRetransmits(3).build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("nobody acknowledges this"));
        DataChunk first = a.expect(DataChunk.class);
        for (int i = 0; i < 3; i++) {
            assertThat(a.expect(DataChunk.class)).isEqualTo(first);
        }
        a.expect(AbortChunk.class); // the fourth expiry exceeds the limit (RFC 9260 section 8.1)
        assertThat(sut.event(tester, AssociationEvent.CommunicationLost.class)).isNotNull();
        assertThat(sut.saw(tester, AssociationEvent.SendFailed.class)).isTrue();
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-i-5-1-2: an acknowledgement resets the association error counter")
    void anAcknowledgementResetsTheErrorCounter() {
        start(ConformanceConfig.fastTimers().associationMaxRetransmits(3).build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("acknowledged late"));
        DataChunk first = a.expect(DataChunk.class);
        assertThat(a.expect(DataChunk.class)).isEqualTo(first);
        assertThat(a.expect(DataChunk.class)).isEqualTo(first); // two expiries counted
        a.send(a.sack()); // ... and forgotten (RFC 9260 section 8.1)

        EndpointUnderTest.send(e.ours(), bytes("never acknowledged"));
        DataChunk second = a.expect(DataChunk.class);
        for (int i = 0; i < 3; i++) {
            assertThat(a.expect(DataChunk.class)).isEqualTo(second);
        }
        a.expect(AbortChunk.class);
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-v-5-2: a HEARTBEAT is answered with a HEARTBEAT ACK carrying its information unchanged")
    void aHeartbeatIsAnsweredWithItsInformation() {
        start();
        Established e = passiveAssociation();
        assertAlive(e.tester());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-o-5-3-1: out-of-the-blue DATA is answered with an ABORT with the T bit and the packet's tag")
    void outOfTheBlueDataIsAnsweredWithAbort() {
        start();
        tester.send(OOTB_TAG, new DataChunk(false, false, true, true, new Tsn(1), 0, new Ssn(0), 0, bytes("who?")));
        Received r = tester.next();
        assertThat(r.single(AbortChunk.class).reflectedTag()).isTrue(); // RFC 9260 section 8.4 rule 8
        assertThat(r.tag()).isEqualTo(OOTB_TAG);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-o-5-3-2: an out-of-the-blue ABORT gets no answer")
    void anOutOfTheBlueAbortGetsNoAnswer() {
        start();
        tester.send(OOTB_TAG, new AbortChunk(true, false, List.of()));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 8.4 rule 2

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-o-5-3-3: an out-of-the-blue SHUTDOWN ACK is answered with SHUTDOWN COMPLETE with the T bit")
    void anOutOfTheBlueShutdownAckIsAnsweredWithShutdownComplete() {
        start();
        tester.send(OOTB_TAG, ShutdownAckChunk.INSTANCE);
        Received r = tester.next();
        assertThat(r.single(ShutdownCompleteChunk.class).reflectedTag()).isTrue(); // RFC 9260 section 8.4 rule 5
        assertThat(r.tag()).isEqualTo(OOTB_TAG);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-fh-o-5-3-4: an out-of-the-blue SHUTDOWN COMPLETE gets no answer")
    void anOutOfTheBlueShutdownCompleteGetsNoAnswer() {
        start();
        tester.send(OOTB_TAG, new ShutdownCompleteChunk(false));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 8.4 rule 6

        sut.assertStillServesFreshAssociation();
    }
}
