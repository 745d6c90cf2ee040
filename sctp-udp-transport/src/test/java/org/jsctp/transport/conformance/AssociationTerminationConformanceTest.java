package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 association termination (AT) test purposes, checked against RFC 9260 section 9. */
class AssociationTerminationConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-at-v-2-2: an ABORT ends the association; a later packet for it is answered as out of the blue")
    void anAbortEndsTheAssociation() {
        start();
        Established e = activeAssociation();
        e.tester().send(AbortChunk.of());
        assertThat(sut.event(tester, AssociationEvent.CommunicationLost.class)).isNotNull();
        await(e.ours().closeFuture());

        expectHeartbeatAnsweredWithAbort(e.tester());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-3: after the user's shutdown, SHUTDOWN waits until all outstanding data is acknowledged")
    void shutdownWaitsForOutstandingDataToBeAcknowledged() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        a.expect(DataChunk.class);

        e.ours().shutdown();
        assertSendRefused(e.ours()); // the shutdown call has been handled when this fails
        tester.expectNothingBeforeMarker(); // no SHUTDOWN while the DATA is unacknowledged (RFC 9260 section 9.2)

        a.send(a.sack());
        assertThat(a.expect(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(a.nextTsn().previous());
        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-4: an unanswered SHUTDOWN is sent again when T2-shutdown expires")
    void anUnansweredShutdownIsRetransmitted() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        ShutdownChunk first = a.expect(ShutdownChunk.class);
        assertThat(a.expect(ShutdownChunk.class)).isEqualTo(first);

        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-5: after Association.Max.Retrans retransmissions of SHUTDOWN the association is aborted")
    void theShutdownGivesUpAfterAssociationMaxRetrans() {
        start(ConformanceConfig.fastTimers().associationMaxRetransmits(2).build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        for (int i = 0; i < 3; i++) {
            a.expect(ShutdownChunk.class);
        }
        a.expect(AbortChunk.class); // RFC 9260 section 9.2 lets the endpoint say so; ours does
        assertThat(sut.event(tester, AssociationEvent.CommunicationLost.class)).isNotNull();
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-v-2-6: SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE end the association; it is gone afterwards")
    void aGracefulShutdownRemovesTheAssociation() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);
        a.send(ShutdownAckChunk.INSTANCE);
        assertThat(a.expect(ShutdownCompleteChunk.class).reflectedTag()).isFalse();
        await(e.ours().closeFuture());

        expectHeartbeatAnsweredWithAbort(a);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-7-1: in SHUTDOWN-SENT the user's data is refused")
    void dataIsRefusedInShutdownSent() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);
        assertSendRefused(e.ours());
        assertThat(e.ours().state()).isEqualTo(AssociationState.SHUTDOWN_SENT);

        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-7-2: in SHUTDOWN-RECEIVED the user's data is refused")
    void dataIsRefusedInShutdownReceived() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        a.expect(DataChunk.class);
        a.send(new ShutdownChunk(a.endpointInitialTsn().previous())); // does not acknowledge the DATA
        assertThat(sut.event(tester, AssociationEvent.PeerShutdown.class)).isNotNull();
        assertSendRefused(e.ours());
        assertThat(e.ours().state()).isEqualTo(AssociationState.SHUTDOWN_RECEIVED);

        a.send(a.sack());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-7-3: in SHUTDOWN-PENDING the user's data is refused")
    void dataIsRefusedInShutdownPending() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        a.expect(DataChunk.class);
        e.ours().shutdown();
        assertSendRefused(e.ours());
        assertThat(e.ours().state()).isEqualTo(AssociationState.SHUTDOWN_PENDING);

        a.send(a.sack());
        a.expect(ShutdownChunk.class);
        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-7-4: in SHUTDOWN-ACK-SENT the user's data is refused")
    void dataIsRefusedInShutdownAckSent() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        assertSendRefused(e.ours());
        assertThat(e.ours().state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-8: DATA received in SHUTDOWN-SENT is answered with SHUTDOWN at once, and T2-shutdown starts again")
    void dataInShutdownSentIsAnsweredWithShutdown() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);

        DataChunk d = a.data("late data");
        a.send(d);
        assertThat(a.expect(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(a.expect(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn()); // T2-shutdown again

        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);
        assertThat(sut.messagesFrom(tester)).extracting(m -> m.payload()).containsExactly(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-9: in SHUTDOWN-RECEIVED the SHUTDOWN ACK follows once our outstanding data is acknowledged")
    void shutdownAckFollowsTheAcknowledgementOfOutstandingData() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        a.expect(DataChunk.class);
        a.send(new ShutdownChunk(a.endpointInitialTsn().previous()));
        assertThat(sut.event(tester, AssociationEvent.PeerShutdown.class)).isNotNull();

        // The peer's DATA after its own SHUTDOWN breaks RFC 9260 section 9.2; it has no rule for the
        // receiver, and ours treats it as data: acknowledged, delivered (ETSI expected it ignored).
        DataChunk d = a.data("after its shutdown");
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());

        a.send(a.sack());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-10: in SHUTDOWN-RECEIVED outstanding data is still retransmitted; SHUTDOWN ACK follows its SACK")
    void outstandingDataIsRetransmittedInShutdownReceived() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        DataChunk first = a.expect(DataChunk.class);
        a.send(new ShutdownChunk(a.endpointInitialTsn().previous()));
        assertThat(a.expect(DataChunk.class)).isEqualTo(first); // T3-rtx expired

        a.send(a.sack());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-11: an unanswered SHUTDOWN ACK is sent again when T2-shutdown expires")
    void anUnansweredShutdownAckIsRetransmitted() {
        start(ConformanceConfig.fastTimers().build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        a.expect(ShutdownAckChunk.class);

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-12: after Association.Max.Retrans retransmissions of SHUTDOWN ACK the association is aborted")
    void theShutdownAckGivesUpAfterAssociationMaxRetrans() {
        start(ConformanceConfig.fastTimers().associationMaxRetransmits(2).build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        for (int i = 0; i < 3; i++) {
            a.expect(ShutdownAckChunk.class);
        }
        a.expect(AbortChunk.class);
        assertThat(sut.event(tester, AssociationEvent.CommunicationLost.class)).isNotNull();
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-13: after SHUTDOWN COMPLETE the association is gone; a later packet is answered as out of the blue")
    void afterShutdownCompleteTheAssociationIsGone() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        shutDownFromTester(a, e.ours());

        expectHeartbeatAnsweredWithAbort(a);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-v-2-14: a SHUTDOWN acknowledging all outstanding data is answered with SHUTDOWN ACK")
    void aShutdownAcknowledgingOurDataIsAnsweredWithShutdownAck() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        DataChunk d = a.expect(DataChunk.class);
        a.send(new ShutdownChunk(d.tsn()));
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-at-i-2-14: a SHUTDOWN bundled with a SACK of all outstanding data is answered with SHUTDOWN ACK")
    void aShutdownBundledWithASackIsAnsweredWithShutdownAck() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        EndpointUnderTest.send(e.ours(), bytes("outstanding"));
        a.expect(DataChunk.class);
        a.send(new ShutdownChunk(a.endpointInitialTsn().previous()), a.sack());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    /** A HEARTBEAT with the tags of an association that is gone gets an ABORT with the T bit (RFC 9260 section 8.4 rule 8). */
    private void expectHeartbeatAnsweredWithAbort(TesterAssociation gone) {
        gone.send(HeartbeatChunk.of(new HeartbeatInfoParameter(bytes("anyone there?"))));
        Received r = tester.next();
        assertThat(r.single(AbortChunk.class).reflectedTag()).isTrue();
        assertThat(r.tag()).isEqualTo(gone.endpointTag());
    }

    private static void assertSendRefused(SctpUdpAssociation ours) {
        assertThatThrownBy(() -> await(ours.send(OutgoingMessage.of(0, 0, false, bytes("too late")))))
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
