package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import java.util.concurrent.CompletableFuture;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Tsn;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 duplicate messages (DM) test purposes, checked against RFC 9260 sections 5.2 and 9.2. */
class DuplicateMessagesConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-dm-o-4-1: an INIT in COOKIE-WAIT is answered with our original tag and TSN; its cookie brings the association up")
    void anInitInCookieWaitIsAnsweredWithTheOriginalTagAndTsn() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk ours = Handshakes.expectInit(tester);
        InitChunk theirs = Handshakes.init();
        tester.send(0, theirs);
        Received r = tester.next();
        InitAckChunk ack = r.single(InitAckChunk.class);
        // RFC 9260 section 5.2.1
        assertThat(r.tag()).isEqualTo(theirs.initiateTag());
        assertThat(ack.initiateTag()).isEqualTo(ours.initiateTag());
        assertThat(ack.initialTsn()).isEqualTo(ours.initialTsn());

        Handshakes.echoCookie(tester, theirs, ack); // section 5.2.4 case B
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-2-1: an INIT in ESTABLISHED is answered with an INIT ACK with a new tag; the association is untouched")
    void anInitInEstablishedIsAnsweredWithoutTouchingTheAssociation() {
        start();
        Established e = passiveAssociation();
        InitChunk again = Handshakes.init();
        tester.send(0, again);
        InitAckChunk ack = Handshakes.expectInitAck(tester, again);
        assertThat(ack.initiateTag()).isNotEqualTo(e.tester().endpointTag()); // RFC 9260 section 5.2.2

        assertAlive(e.tester());
        assertThat(sut.saw(tester, AssociationEvent.Restarted.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-2-2: an INIT in SHUTDOWN-ACK-SENT is answered by retransmitting the SHUTDOWN ACK")
    void anInitInShutdownAckSentGetsTheShutdownAckAgain() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);

        tester.send(0, Handshakes.init());
        a.expect(ShutdownAckChunk.class); // RFC 9260 section 9.2, with the association's tag

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-3: an INIT ACK in COOKIE-ECHOED is discarded; T1-cookie still retransmits the COOKIE ECHO")
    void anInitAckInCookieEchoedIsDiscarded() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack);
        TesterAssociation a = Handshakes.answering(tester, init, ack);
        Handshakes.expectCookieEcho(a, init, ack);

        tester.send(init.initiateTag(), ack);
        tester.expectNothingBeforeMarker(); // RFC 9260 section 5.2.3
        Handshakes.expectCookieEcho(a, init, ack); // from T1-cookie

        a.send(CookieAckChunk.INSTANCE);
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-4: a COOKIE ACK in ESTABLISHED is discarded; data still flows")
    void aCookieAckInEstablishedIsDiscarded() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        a.send(CookieAckChunk.INSTANCE);
        tester.expectNothingBeforeMarker(); // RFC 9260 section 5.2.5

        EndpointUnderTest.send(e.ours(), bytes("still flowing"));
        a.expect(DataChunk.class);
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-5: a SHUTDOWN in SHUTDOWN-SENT is answered with SHUTDOWN ACK")
    void aShutdownInShutdownSentIsAnsweredWithShutdownAck() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class); // RFC 9260 section 9.2

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-6-1: a SHUTDOWN in COOKIE-WAIT is discarded; the setup goes on")
    void aShutdownInCookieWaitIsDiscarded() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        tester.send(init.initiateTag(), new ShutdownChunk(new Tsn(0)));
        tester.expectNothingBeforeMarker();

        Handshakes.accept(tester, init, Handshakes.initAck(init));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-6-2: a SHUTDOWN for no association is answered with an ABORT with the T bit")
    void aShutdownInClosedIsAnsweredWithAbort() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        tester.send(ack.initiateTag(), new ShutdownChunk(new Tsn(0)));
        Received r = tester.next();
        assertThat(r.single(AbortChunk.class).reflectedTag()).isTrue(); // RFC 9260 section 8.4 rule 8
        assertThat(r.tag()).isEqualTo(ack.initiateTag());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-6-3: after a SHUTDOWN in SHUTDOWN-SENT, T2-shutdown retransmits the SHUTDOWN ACK")
    void afterAShutdownInShutdownSentT2RetransmitsTheShutdownAck() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        a.expect(ShutdownAckChunk.class); // T2-shutdown restarted for the SHUTDOWN ACK (RFC 9260 section 9.2)

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-7-1: a SHUTDOWN ACK in COOKIE-WAIT is answered with SHUTDOWN COMPLETE with the T bit")
    void aShutdownAckInCookieWaitIsAnsweredWithShutdownComplete() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        tester.send(init.initiateTag(), ShutdownAckChunk.INSTANCE);
        Received r = tester.next();
        // RFC 9260 section 8.5.1 (E): treated as out of the blue (section 8.4 rule 5)
        assertThat(r.single(ShutdownCompleteChunk.class).reflectedTag()).isTrue();
        assertThat(r.tag()).isEqualTo(init.initiateTag());

        Handshakes.accept(tester, init, Handshakes.initAck(init));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-7-2: a SHUTDOWN ACK in ESTABLISHED is discarded; the association goes on")
    void aShutdownAckInEstablishedIsDiscarded() {
        start();
        Established e = activeAssociation();
        e.tester().send(ShutdownAckChunk.INSTANCE);
        assertAlive(e.tester());
        assertThat(sut.saw(tester, AssociationEvent.CommunicationLost.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-7-3: a SHUTDOWN ACK in SHUTDOWN-ACK-SENT is answered with SHUTDOWN COMPLETE and ends the association")
    void aShutdownAckInShutdownAckSentCompletesTheShutdown() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        a.send(ShutdownAckChunk.INSTANCE);
        assertThat(a.expect(ShutdownCompleteChunk.class).reflectedTag()).isFalse(); // RFC 9260 section 9.2
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-8: a COOKIE ECHO with a wrong MAC in ESTABLISHED is discarded; the association goes on")
    void aCookieEchoWithABadMacInEstablishedIsDiscarded() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        TesterAssociation a = Handshakes.echoCookie(tester, init, ack);

        byte[] cookie = Handshakes.cookieOf(ack).toByteArray();
        cookie[cookie.length - 1] ^= 1;
        a.send(new CookieEchoChunk(Bytes.wrap(cookie)));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 5.1.5 step 2
        assertAlive(a);
        assertThat(sut.saw(tester, AssociationEvent.Restarted.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-9: a SHUTDOWN COMPLETE in COOKIE-WAIT is discarded; the setup goes on")
    void aShutdownCompleteInCookieWaitIsDiscarded() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        tester.send(init.initiateTag(), new ShutdownCompleteChunk(false));
        tester.expectNothingBeforeMarker();

        Handshakes.accept(tester, init, Handshakes.initAck(init));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-dm-o-4-10: DATA in SHUTDOWN-ACK-SENT does not hold up the shutdown")
    void dataInShutdownAckSentDoesNotHoldUpTheShutdown() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);

        // The peer broke RFC 9260 section 9.2 by sending after its SHUTDOWN; the section has no
        // rule for the receiver, and ours acknowledges the DATA (ETSI expected it ignored).
        DataChunk d = a.data("after its shutdown");
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }
}
