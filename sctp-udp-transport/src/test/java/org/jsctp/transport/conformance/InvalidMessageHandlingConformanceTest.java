package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;

import java.util.concurrent.CompletableFuture;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 invalid message handling (IMH) test purposes, checked against RFC 9260. */
class InvalidMessageHandlingConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-imh-i-3-1: an INIT too short for its fixed fields is discarded without an answer")
    void aTruncatedInitIsDiscarded() {
        start();
        tester.send(0, Crafted.chunk(ChunkType.INIT, 0, Bytes.fromHex("01020304")));
        tester.expectNothingBeforeMarker();
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-2: an INIT ACK too short for its fixed fields is discarded; the INIT is retransmitted")
    void aTruncatedInitAckIsDiscarded() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        tester.send(init.initiateTag(), Crafted.chunk(ChunkType.INIT_ACK, 0, Bytes.fromHex("01020304")));
        assertThat(Handshakes.expectInit(tester)).isEqualTo(init); // T1-init, as if nothing had come

        Handshakes.accept(tester, init, Handshakes.initAck(init));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-3: a COOKIE ECHO whose verification tag is not the cookie's is discarded")
    void aCookieEchoWithTheWrongTagIsDiscarded() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        tester.send(wrong(ack.initiateTag()), new CookieEchoChunk(Handshakes.cookieOf(ack)));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 5.1.5 step 1
        assertThat(sut.endpoint().associations()).isEmpty();

        Handshakes.echoCookie(tester, init, ack);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-4: an INIT with a wrong CRC32C is discarded")
    void anInitWithABadChecksumIsDiscarded() {
        start();
        InitChunk init = Handshakes.init();
        tester.sendBytes(Crafted.withBadChecksum(tester.encode(0, init)));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 6.8
        assertThat(sut.endpoint().counters().undecodable()).isEqualTo(1);
        assertThat(sut.endpoint().associations()).isEmpty();

        Handshakes.connect(tester, init);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-5: a COOKIE ECHO with a cookie the endpoint never made is discarded")
    void aCookieEchoWithAForgedCookieIsDiscarded() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        tester.send(ack.initiateTag(), new CookieEchoChunk(Bytes.fromHex("01020304010203040102030401020304")));
        tester.expectNothingBeforeMarker(); // RFC 9260 section 5.1.5 step 2
        assertThat(sut.endpoint().associations()).isEmpty();

        Handshakes.echoCookie(tester, init, ack);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-6: a COOKIE ECHO after the cookie's life is answered with a Stale Cookie error")
    void aStaleCookieIsAnsweredWithAStaleCookieError() {
        // A cookie life of 1 ns: every cookie is stale by the time it comes back.
        start(ConformanceConfig.standard().validCookieLifeNanos(1).build());
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        tester.send(ack.initiateTag(), new CookieEchoChunk(Handshakes.cookieOf(ack)));
        Received r = tester.next();
        ErrorChunk error = r.single(ErrorChunk.class);
        assertThat(r.tag()).isEqualTo(init.initiateTag());
        assertThat(error.causes()).singleElement().isInstanceOf(StaleCookieCause.class);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation(); // with a Cookie Preservative, as RFC 9260 section 5.2.6 says
    }

    @Test
    @DisplayName("sctp-imh-i-3-7: an ABORT with a wrong verification tag is discarded; the association goes on")
    void anAbortWithTheWrongTagIsDiscarded() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        tester.send(wrong(a.endpointTag()), AbortChunk.of());

        DataChunk d = TesterAssociation.immediately(a.data("still there?"));
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.saw(tester, AssociationEvent.CommunicationLost.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-8: a chunk whose length runs past the end of the packet makes the packet discarded")
    void aChunkLongerThanItsPacketIsDiscarded() {
        start();
        tester.sendBytes(Crafted.packet(tester.sctpPort(), EndpointUnderTest.SCTP_PORT, 0,
                new byte[] {ChunkType.INIT, 0, 0, 0x60}));
        tester.expectNothingBeforeMarker();
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-9: a SHUTDOWN ACK with a wrong verification tag is discarded; SHUTDOWN is retransmitted")
    void aShutdownAckWithTheWrongTagIsDiscarded() {
        start(ConformanceConfig.fastTimers().build());
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        ShutdownChunk shutdown = a.expect(ShutdownChunk.class);
        // The packet comes from the association's peer, so it is not out of the blue: it fails
        // the tag check and is dropped (RFC 9260 section 8.5), with no SHUTDOWN COMPLETE for it.
        tester.send(wrong(a.endpointTag()), ShutdownAckChunk.INSTANCE);
        assertThat(a.expect(ShutdownChunk.class)).isEqualTo(shutdown);

        a.send(ShutdownAckChunk.INSTANCE);
        a.expect(ShutdownCompleteChunk.class);
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-imh-i-3-10: a SHUTDOWN COMPLETE with a wrong verification tag is discarded; SHUTDOWN ACK is retransmitted")
    void aShutdownCompleteWithTheWrongTagIsDiscarded() {
        start(ConformanceConfig.fastTimers().build());
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        tester.send(wrong(a.endpointTag()), new ShutdownCompleteChunk(false));
        a.expect(ShutdownAckChunk.class); // T2-shutdown: the association is still waiting

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    /** A verification tag that is not {@code right} (and not 0). */
    private static int wrong(int right) {
        int w = right ^ 0x5A5A_5A5A;
        return w == 0 ? 1 : w;
    }
}
