package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import java.util.concurrent.CompletableFuture;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 bundling of DATA with control chunks (BDC) test purposes, checked against RFC
 * 9260 sections 5.1 and 6.10. INIT, INIT ACK and SHUTDOWN COMPLETE must travel alone; a packet
 * that bundles one of them with anything is discarded whole.
 */
class BundlingConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-bdc-i-7-1: a packet bundling INIT with DATA is discarded")
    void anInitBundledWithDataIsDiscarded() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init, new DataChunk(false, false, true, true, init.initialTsn(), 0, new Ssn(0), 0,
                bytes("with the INIT")));
        tester.expectNothingBeforeMarker();
        assertThat(sut.endpoint().associations()).isEmpty();

        Handshakes.connect(tester, init);
        assertThat(sut.messagesFrom(tester)).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-i-7-2: a packet bundling INIT ACK with DATA is discarded; the setup goes on")
    void anInitAckBundledWithDataIsDiscarded() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack, new DataChunk(false, false, true, true, ack.initialTsn(), 0, new Ssn(0), 0,
                bytes("with the INIT ACK")));
        tester.expectNothingBeforeMarker(); // no COOKIE ECHO: the INIT ACK was not taken

        Handshakes.accept(tester, init, ack);
        await(up);
        assertThat(sut.messagesFrom(tester)).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-i-7-3: a packet bundling SHUTDOWN COMPLETE with DATA is discarded; the shutdown waits for a proper one")
    void aShutdownCompleteBundledWithDataIsDiscarded() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false), a.data("with the SHUTDOWN COMPLETE"));
        tester.expectNothingBeforeMarker();
        assertThat(e.ours().closeFuture()).isNotDone();

        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());
        assertThat(sut.messagesFrom(tester)).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-v-7-4: DATA bundled after the COOKIE ECHO is delivered and acknowledged")
    void dataBundledWithTheCookieEchoIsDelivered() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        TesterAssociation a = new TesterAssociation(tester, init.initiateTag(), ack.initiateTag(), init.initialTsn(),
                ack.initialTsn());
        DataChunk d = a.data("with the COOKIE ECHO");
        tester.send(ack.initiateTag(), new CookieEchoChunk(Handshakes.cookieOf(ack)), d);

        Received r = a.next(); // RFC 9260 section 5.1: COOKIE ACK first; the SACK may ride along
        r.chunk(0, CookieAckChunk.class);
        SackChunk sack = r.chunks().size() > 1 ? r.chunk(1, SackChunk.class) : a.expect(SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-v-7-5: DATA bundled after the COOKIE ACK is delivered and acknowledged")
    void dataBundledWithTheCookieAckIsDelivered() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack);
        TesterAssociation a = Handshakes.answering(tester, init, ack);
        Handshakes.expectCookieEcho(a, init, ack);

        DataChunk d = a.data("with the COOKIE ACK");
        a.send(CookieAckChunk.INSTANCE, d);
        await(up);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-v-7-6: a SHUTDOWN bundled with a SACK, nothing outstanding, is answered with SHUTDOWN ACK")
    void aShutdownBundledWithASackIsAnswered() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        a.send(a.shutdown(), a.sack());
        a.expect(ShutdownAckChunk.class);
        a.send(new ShutdownCompleteChunk(false));
        await(e.ours().closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-v-7-7: DATA bundled after a SACK is delivered and acknowledged")
    void dataBundledAfterASackIsDelivered() {
        start();
        Established e = passiveAssociation();
        TesterAssociation a = e.tester();
        DataChunk d = a.data("after the SACK");
        a.send(a.sack(), d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-bdc-v-7-8: a SHUTDOWN ACK bundled with DATA completes the shutdown; the DATA after it is not processed")
    void aShutdownAckBundledWithDataCompletesTheShutdown() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        e.ours().shutdown();
        a.expect(ShutdownChunk.class);
        a.send(ShutdownAckChunk.INSTANCE, a.data("with the SHUTDOWN ACK"));
        assertThat(a.expect(ShutdownCompleteChunk.class).reflectedTag()).isFalse();
        await(e.ours().closeFuture());
        assertThat(sut.messagesFrom(tester)).isEmpty();

        sut.assertStillServesFreshAssociation();
    }
}
