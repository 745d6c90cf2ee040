package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.InvalidStreamIdentifierCause;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.ForwardTsnSupportedParameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 error (E) test purposes, checked against RFC 9260 sections 3.3.10, 5.2.6 and 6.5. */
class ErrorConformanceTest extends ConformanceTestBase {

    @Test
    @DisplayName("sctp-e-o-6-1: a Stale Cookie error in COOKIE-ECHOED makes the endpoint start over with an INIT asking for a longer cookie life")
    void aStaleCookieErrorInCookieEchoedLeadsToANewInit() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack);
        Handshakes.expectCookieEcho(Handshakes.answering(tester, init, ack), init, ack);

        tester.send(init.initiateTag(), ErrorChunk.of(StaleCookieCause.ofMicros(1_000_000)));
        InitChunk again = Handshakes.expectInit(tester); // RFC 9260 section 5.2.6
        assertThat(again.parameters()).anyMatch(CookiePreservativeParameter.class::isInstance);

        Handshakes.accept(tester, again, Handshakes.initAck(again));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-e-o-6-2: a Stale Cookie error in ESTABLISHED does not affect the association")
    void aStaleCookieErrorInEstablishedChangesNothing() {
        start();
        Established e = activeAssociation();
        TesterAssociation a = e.tester();
        a.send(ErrorChunk.of(StaleCookieCause.ofMicros(1_000_000)));

        DataChunk d = TesterAssociation.immediately(a.data("unaffected"));
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());
        assertThat(sut.saw(tester, AssociationEvent.CommunicationLost.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-e-i-6-3: DATA on a stream that does not exist is acknowledged, reported with Invalid Stream Identifier and discarded")
    void dataOnAMissingStreamIsAcknowledgedReportedAndDiscarded() {
        start();
        TesterAssociation a = Handshakes.connect(tester, Handshakes.init(1, 1, List.of()));
        DataChunk d = a.data(1, TesterAssociation.bytes("stream 1 does not exist"));
        a.send(d);

        // RFC 9260 section 6.5: ERROR at once, the DATA acknowledged as usual (the two may share a packet).
        Received r = a.next();
        ErrorChunk error = r.chunk(0, ErrorChunk.class);
        assertThat(error.causes()).containsExactly(new InvalidStreamIdentifierCause(1));
        SackChunk sack = r.chunks().size() > 1 ? r.chunk(1, SackChunk.class) : a.expect(SackChunk.class);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
        tester.expectNothingBeforeMarker();
        assertThat(sut.messagesFrom(tester)).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-e-i-6-4: an INIT ACK without a State Cookie ends the setup with ABORT (Missing Mandatory Parameter)")
    void anInitAckWithoutACookieIsAborted() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk noCookie = new InitAckChunk(Handshakes.newTag(), Handshakes.WINDOW, 1, 1, new Tsn(1), List.of());
        tester.send(init.initiateTag(), noCookie);
        Received r = tester.next();
        assertThat(r.tag()).isEqualTo(noCookie.initiateTag());
        assertThat(r.single(AbortChunk.class).causes())
                .containsExactly(new MissingMandatoryParameterCause(List.of(ParameterType.STATE_COOKIE)));
        assertThatThrownBy(() -> await(up)).isInstanceOf(AssertionError.class);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-e-i-6-5: an unknown INIT ACK parameter of type 11xx is reported in an ERROR bundled after the COOKIE ECHO")
    void anUnknownInitAckParameterIsReportedWithTheCookieEcho() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        UnknownParameter unknown = new UnknownParameter(0xC00C, Bytes.fromHex("01"));
        Bytes cookie = TesterAssociation.bytes("tester cookie");
        InitAckChunk ack = new InitAckChunk(Handshakes.newTag(), Handshakes.WINDOW, 1, 1, new Tsn(1),
                List.of(unknown, new StateCookieParameter(cookie)));
        tester.send(init.initiateTag(), ack);
        TesterAssociation a = Handshakes.answering(tester, init, ack);

        Received r = a.next(); // RFC 9260 sections 3.2.2 and 6.10: COOKIE ECHO first
        assertThat(r.chunks()).hasSize(2);
        assertThat(r.chunk(0, CookieEchoChunk.class).cookie()).isEqualTo(cookie);
        assertThat(r.chunk(1, ErrorChunk.class).causes()).containsExactly(UnrecognizedParametersCause.of(List.of(unknown)));

        a.send(CookieAckChunk.INSTANCE);
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-e-i-6-6: a COOKIE ECHO bundled with an ERROR reporting our parameters sets up the association and the error reaches the user")
    void aCookieEchoWithAnUnrecognizedParametersErrorSetsUpTheAssociation() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        UnrecognizedParametersCause cause = UnrecognizedParametersCause.of(List.of(ForwardTsnSupportedParameter.INSTANCE));
        tester.send(ack.initiateTag(), new CookieEchoChunk(Handshakes.cookieOf(ack)), ErrorChunk.of(cause));
        TesterAssociation a = new TesterAssociation(tester, init.initiateTag(), ack.initiateTag(), init.initialTsn(),
                ack.initialTsn());
        a.expect(CookieAckChunk.class);

        var reported = (AssociationEvent.RemoteError) sut.event(tester, AssociationEvent.RemoteError.class).event();
        assertThat(reported.causes()).containsExactly(cause);
        assertAlive(a);

        sut.assertStillServesFreshAssociation();
    }
}
