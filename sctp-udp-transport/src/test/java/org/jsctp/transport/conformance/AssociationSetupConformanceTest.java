package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.transport.conformance.EndpointUnderTest.await;
import static org.jsctp.transport.conformance.TesterAssociation.bytes;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.InvalidMandatoryParameterCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.HostNameAddressParameter;
import org.jsctp.core.packet.param.Ipv4AddressParameter;
import org.jsctp.core.packet.param.Ipv6AddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.SupportedAddressTypesParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.packet.param.UnrecognizedParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.transport.SctpUdpAssociation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ETSI TS 102 369 association setup (AS) test purposes, checked against RFC 9260 section 5. */
class AssociationSetupConformanceTest extends ConformanceTestBase {

    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("sctp-as-v-1-1-1: an active setup is INIT, COOKIE ECHO and established; the user's shutdown completes")
    void anActiveSetupCompletesTheHandshakeAndAGracefulShutdown() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        TesterAssociation a = Handshakes.accept(tester);
        SctpUdpAssociation ours = await(up);
        assertThat(ours.state()).isEqualTo(AssociationState.ESTABLISHED);

        ours.shutdown();
        assertThat(a.expect(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(a.nextTsn().previous());
        a.send(ShutdownAckChunk.INSTANCE);
        assertThat(a.expect(ShutdownCompleteChunk.class).reflectedTag()).isFalse();
        await(ours.closeFuture());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-1-2: a passive setup answers INIT with INIT ACK and COOKIE ECHO with COOKIE ACK")
    void aPassiveSetupAnswersInitAndCookieEcho() {
        start();
        TesterAssociation a = Handshakes.connect(tester);
        SctpUdpAssociation ours = sut.associationWith(tester);
        assertThat(ours.state()).isEqualTo(AssociationState.ESTABLISHED);

        shutDownFromTester(a, ours);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-2-1: an unanswered INIT is sent again, unchanged, when T1-init expires")
    void anUnansweredInitIsRetransmitted() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk first = Handshakes.expectInit(tester);
        InitChunk again = Handshakes.expectInit(tester);
        assertThat(again).isEqualTo(first);

        Handshakes.accept(tester, again, Handshakes.initAck(again));
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-2-2: an unanswered COOKIE ECHO is sent again, unchanged, when T1-cookie expires")
    void anUnansweredCookieEchoIsRetransmitted() {
        start(ConformanceConfig.fastTimers().build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack);
        TesterAssociation a = Handshakes.answering(tester, init, ack);
        Handshakes.expectCookieEcho(a, init, ack);
        Handshakes.expectCookieEcho(a, init, ack);

        a.send(CookieAckChunk.INSTANCE);
        await(up);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-3-1: after Max.Init.Retransmits retransmissions of INIT the setup fails and the endpoint falls silent")
    void theSetupFailsAfterMaxInitRetransmitsOfInit() {
        start(ConformanceConfig.fastTimers().maxInitRetransmits(2).build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk first = Handshakes.expectInit(tester);
        assertThat(Handshakes.expectInit(tester)).isEqualTo(first);
        assertThat(Handshakes.expectInit(tester)).isEqualTo(first);

        assertThatThrownBy(() -> await(up)).hasMessageContaining("INIT");
        tester.expectNothingFor(SILENCE); // RFC 9260 section 5.1 (A): the attempt is abandoned; no peer tag to abort with
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-3-2: after Max.Init.Retransmits retransmissions of COOKIE ECHO the setup fails")
    void theSetupFailsAfterMaxInitRetransmitsOfCookieEcho() {
        start(ConformanceConfig.fastTimers().maxInitRetransmits(2).build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init);
        tester.send(init.initiateTag(), ack);
        TesterAssociation a = Handshakes.answering(tester, init, ack);
        for (int i = 0; i < 3; i++) {
            Handshakes.expectCookieEcho(a, init, ack);
        }

        assertThatThrownBy(() -> await(up)).hasMessageContaining("COOKIE ECHO");
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-4: answering an INIT allocates nothing; the State Cookie alone later creates the association")
    void answeringAnInitAllocatesNoAssociation() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        assertThat(sut.endpoint().associations()).isEmpty();

        Handshakes.echoCookie(tester, init, ack);
        assertThat(sut.endpoint().associations()).hasSize(1);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-5-1: each INIT the endpoint sends has its own non-zero Initiate Tag and Initial TSN")
    void everyInitHasItsOwnTagAndInitialTsn() {
        // T1-init far off, so no retransmission comes between the sixteen INITs.
        start(ConformanceConfig.standard().rtoInitialNanos(5 * SECOND).rtoMaxNanos(10 * SECOND).build());
        Set<Integer> tags = new HashSet<>();
        Set<Tsn> tsns = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            sut.connect(tester);
            InitChunk init = Handshakes.expectInit(tester);
            tags.add(init.initiateTag());
            tsns.add(init.initialTsn());
            // RFC 9260 section 1.3: one association per peer, so the pending one goes before the next INIT.
            for (SctpUdpAssociation a : sut.endpoint().associations()) {
                EndpointUnderTest.await(a.abort("next INIT"));
            }
        }
        assertThat(tags).hasSize(16).doesNotContain(0);
        assertThat(tsns).hasSize(16);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-5-2: each INIT ACK the endpoint sends has its own non-zero Initiate Tag and Initial TSN")
    void everyInitAckHasItsOwnTagAndInitialTsn() {
        start();
        Set<Integer> tags = new HashSet<>();
        Set<Tsn> tsns = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            InitChunk init = Handshakes.init();
            tester.send(0, init);
            InitAckChunk ack = Handshakes.expectInitAck(tester, init);
            tags.add(ack.initiateTag());
            tsns.add(ack.initialTsn());
        }
        assertThat(tags).hasSize(16).doesNotContain(0);
        assertThat(tsns).hasSize(16);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-6-1: an INIT with Cookie Preservative, Supported Address Types and address parameters sets up an association")
    void anInitWithVariousParametersSetsUpAnAssociation() throws Exception {
        start();
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, List.of(
                new CookiePreservativeParameter(12345),
                new SupportedAddressTypesParameter(List.of(ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS)),
                new Ipv6AddressParameter((Inet6Address) InetAddress.getByName("::1")),
                new Ipv4AddressParameter((Inet4Address) InetAddress.getByName("127.0.0.1"))));
        TesterAssociation a = Handshakes.connect(tester, init);
        SctpUdpAssociation ours = sut.associationWith(tester);
        exchangeOneMessageEachWay(a, ours);
        shutDownFromTester(a, ours);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-6-2: an INIT ACK with address parameters sets up an association")
    void anInitAckWithAddressParametersSetsUpAnAssociation() throws Exception {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init, Handshakes.STREAMS, Handshakes.STREAMS, List.of(
                new Ipv6AddressParameter((Inet6Address) InetAddress.getByName("::1")),
                new Ipv4AddressParameter((Inet4Address) InetAddress.getByName("127.0.0.1"))));
        TesterAssociation a = Handshakes.accept(tester, init, ack);
        SctpUdpAssociation ours = await(up);
        exchangeOneMessageEachWay(a, ours);
        shutDownFromTester(a, ours);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-7-1: an INIT whose MIS is below our outbound streams limits us to the peer's MIS")
    void anInitWithFewInboundStreamsLimitsOurOutboundStreams() {
        start(ConformanceConfig.standard().outboundStreams(2).build());
        InitChunk init = Handshakes.init(100, 1, List.of());
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        // RFC 9260 section 3.3.3: the INIT ACK's OS must not exceed the INIT's MIS.
        assertThat(ack.outboundStreams()).isEqualTo(1);
        TesterAssociation a = Handshakes.echoCookie(tester, init, ack);
        SctpUdpAssociation ours = sut.associationWith(tester);
        var up = (AssociationEvent.CommunicationUp) sut.event(tester, AssociationEvent.CommunicationUp.class).event();
        assertThat(up.outboundStreams()).isEqualTo(1);

        assertThat(await(ours.send(OutgoingMessage.of(1, 0, false, bytes("stream 1")))))
                .isEqualTo(SendQueue.OfferResult.INVALID_STREAM);
        EndpointUnderTest.send(ours, 0, bytes("stream 0"));
        assertThat(a.expect(DataChunk.class).streamId()).isZero();
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-7-2: an INIT with zero outbound streams is answered with ABORT (Invalid Mandatory Parameter)")
    void anInitWithZeroOutboundStreamsIsAborted() {
        start();
        InitChunk init = Handshakes.init(0, 1, List.of());
        tester.send(0, init);
        Received r = tester.next();
        AbortChunk abort = r.single(AbortChunk.class);
        assertThat(r.tag()).isEqualTo(init.initiateTag());
        assertThat(abort.reflectedTag()).isFalse();
        assertThat(abort.causes()).singleElement().isInstanceOf(InvalidMandatoryParameterCause.class);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-7-3: an INIT ACK whose MIS is below our outbound streams limits us to the peer's MIS")
    void anInitAckWithFewInboundStreamsLimitsOurOutboundStreams() {
        start(ConformanceConfig.standard().outboundStreams(2).maxInboundStreams(1).build());
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        assertThat(init.outboundStreams()).isEqualTo(2);
        assertThat(init.inboundStreams()).isEqualTo(1);
        TesterAssociation a = Handshakes.accept(tester, init, Handshakes.initAck(init, 1, 1, List.of()));
        SctpUdpAssociation ours = await(up);
        var upEvent = (AssociationEvent.CommunicationUp) sut.event(tester, AssociationEvent.CommunicationUp.class).event();
        assertThat(upEvent.outboundStreams()).isEqualTo(1);

        assertThat(await(ours.send(OutgoingMessage.of(1, 0, false, bytes("stream 1")))))
                .isEqualTo(SendQueue.OfferResult.INVALID_STREAM);
        EndpointUnderTest.send(ours, 0, bytes("stream 0"));
        assertThat(a.expect(DataChunk.class).streamId()).isZero();
        a.send(a.sack());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-7-4: an INIT ACK with zero outbound streams ends the setup with ABORT (Invalid Mandatory Parameter)")
    void anInitAckWithZeroOutboundStreamsIsAborted() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init, 0, 1, List.of());
        tester.send(init.initiateTag(), ack);
        Received r = tester.next();
        AbortChunk abort = r.single(AbortChunk.class);
        assertThat(r.tag()).isEqualTo(ack.initiateTag());
        assertThat(abort.reflectedTag()).isFalse();
        assertThat(abort.causes()).singleElement().isInstanceOf(InvalidMandatoryParameterCause.class);
        assertThatThrownBy(() -> await(up)).isInstanceOf(AssertionError.class);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-7-5: two streams in each direction carry messages both ways")
    void twoStreamsEachWayCarryMessages() {
        start(ConformanceConfig.standard().outboundStreams(2).maxInboundStreams(2).build());
        InitChunk init = Handshakes.init(2, 2, List.of());
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        assertThat(ack.outboundStreams()).isEqualTo(2);
        assertThat(ack.inboundStreams()).isEqualTo(2);
        TesterAssociation a = Handshakes.echoCookie(tester, init, ack);
        SctpUdpAssociation ours = sut.associationWith(tester);

        for (int stream = 0; stream < 2; stream++) {
            a.send(TesterAssociation.immediately(a.data(stream, bytes("to us on " + stream))));
            a.expect(SackChunk.class);
            EndpointUnderTest.send(ours, stream, bytes("from us on " + stream));
            assertThat(a.expect(DataChunk.class).streamId()).isEqualTo(stream);
            a.send(a.sack());
        }
        assertThat(sut.awaitMessagesFrom(tester, 2)).extracting(m -> m.streamId()).containsExactly(0, 1);
        assertThat(await(ours.send(OutgoingMessage.of(2, 0, false, bytes("stream 2")))))
                .isEqualTo(SendQueue.OfferResult.INVALID_STREAM);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-8-1: an unknown INIT parameter of type 11xx is skipped and reported in the INIT ACK")
    void anUnknownSkipAndReportParameterIsReportedInTheInitAck() {
        start();
        UnknownParameter unknown = new UnknownParameter(0xC00C, Bytes.fromHex("ff"));
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, List.of(unknown));
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        assertThat(unrecognizedIn(ack)).containsExactly(UnrecognizedParameter.of(unknown));
        Handshakes.echoCookie(tester, init, ack);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-8-2: an unknown INIT parameter of type 00xx stops parameter processing; the INIT is still answered")
    void anUnknownStopParameterEndsParameterProcessingButTheInitIsAnswered() {
        start();
        List<UnknownParameter> parameters = threeUnknownParametersAroundOneOfType(0x00CC);
        InitAckChunk ack = answerTo(parameters);
        assertThat(unrecognizedIn(ack)).containsExactly(UnrecognizedParameter.of(parameters.get(0)));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-8-3: an unknown INIT parameter of type 01xx stops parameter processing and is reported in the INIT ACK")
    void anUnknownStopAndReportParameterEndsParameterProcessingAndIsReported() {
        start();
        List<UnknownParameter> parameters = threeUnknownParametersAroundOneOfType(0x40CC);
        InitAckChunk ack = answerTo(parameters);
        assertThat(unrecognizedIn(ack)).containsExactly(UnrecognizedParameter.of(parameters.get(0)),
                UnrecognizedParameter.of(parameters.get(1)));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-8-4: an unknown INIT parameter of type 10xx is skipped silently; processing goes on")
    void anUnknownSkipParameterIsSkippedSilently() {
        start();
        List<UnknownParameter> parameters = threeUnknownParametersAroundOneOfType(0x80CC);
        InitAckChunk ack = answerTo(parameters);
        assertThat(unrecognizedIn(ack)).containsExactly(UnrecognizedParameter.of(parameters.get(0)),
                UnrecognizedParameter.of(parameters.get(2)));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-o-1-9-1: an INIT from the known peer in ESTABLISHED gets an INIT ACK with new tags; its cookie restarts the association")
    void anInitInEstablishedLeadsToARestartWithNewTags() {
        start();
        TesterAssociation old = Handshakes.connect(tester);
        sut.associationWith(tester);

        InitChunk again = Handshakes.init();
        tester.send(0, again);
        InitAckChunk ack = Handshakes.expectInitAck(tester, again);
        // RFC 9260 section 5.2.2: a new Initiate Tag; the current tags go into the cookie as tie-tags.
        assertThat(ack.initiateTag()).isNotEqualTo(old.endpointTag());
        TesterAssociation restarted = Handshakes.echoCookie(tester, again, ack);
        assertThat(sut.event(tester, AssociationEvent.Restarted.class)).isNotNull();

        DataChunk d = TesterAssociation.immediately(restarted.data("after the restart"));
        restarted.send(d);
        assertThat(restarted.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-o-1-9-2: an INIT from the known peer in ESTABLISHED that adds an address is aborted, listing it")
    void anInitInEstablishedThatAddsAnAddressIsAborted() throws Exception {
        start();
        TesterAssociation old = Handshakes.connect(tester);
        sut.associationWith(tester);
        java.net.InetAddress added = java.net.InetAddress.getByName("127.0.0.99");

        InitChunk again = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS,
                List.of(org.jsctp.core.packet.param.AddressParameter.of(added)));
        tester.send(0, again);

        // RFC 9260 section 5.2.2: ABORT with the INIT's Initiate Tag, the cause listing the address
        Received r = tester.next();
        assertThat(r.tag()).isEqualTo(again.initiateTag());
        assertThat(r.single(AbortChunk.class).causes()).containsExactly(
                org.jsctp.core.packet.cause.RestartWithNewAddressesCause.of(
                        List.of(org.jsctp.core.packet.param.AddressParameter.of(added))));
        assertAlive(old); // the association is left as it was
        assertThat(sut.saw(tester, AssociationEvent.Restarted.class)).isFalse();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-10-1: an INIT without address parameters is answered to its source, and the association uses it")
    void anInitWithoutAddressesIsAnsweredToItsSource() {
        start();
        InitChunk init = Handshakes.init();
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        assertThat(ack.parameters()).noneMatch(p -> p instanceof Ipv4AddressParameter || p instanceof Ipv6AddressParameter);
        TesterAssociation a = Handshakes.echoCookie(tester, init, ack);
        SctpUdpAssociation ours = sut.associationWith(tester);
        assertThat(ours.remoteAddress()).isEqualTo(tester.address());
        exchangeOneMessageEachWay(a, ours);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-10-2: an INIT ACK without address parameters sets up an association with its source")
    void anInitAckWithoutAddressesSetsUpTheAssociation() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        assertThat(init.parameters()).noneMatch(p -> p instanceof Ipv4AddressParameter || p instanceof Ipv6AddressParameter);
        TesterAssociation a = Handshakes.accept(tester, init, Handshakes.initAck(init));
        SctpUdpAssociation ours = await(up);
        assertThat(ours.remoteAddress()).isEqualTo(tester.address());
        exchangeOneMessageEachWay(a, ours);

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-11-1: data goes to each address an INIT lists: the primary, and the second once confirmed and made primary")
    void dataGoesToEveryAddressAnInitLists() {
        start();
        Established e = passiveMultiHomedAssociation();
        dataGoesToBothAddresses(e.tester(), e.ours());
    }

    @Test
    @DisplayName("sctp-as-v-1-11-2: data goes to each address an INIT ACK lists: the primary, and the second once confirmed and made primary")
    void dataGoesToEveryAddressAnInitAckLists() {
        start();
        tester.addSecondAddress();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk ack = Handshakes.initAck(init, Handshakes.STREAMS, Handshakes.STREAMS, bothTesterAddresses());
        TesterAssociation a = Handshakes.accept(tester, init, ack);
        SctpUdpAssociation ours = await(up);
        confirmSecondAddress(a);
        dataGoesToBothAddresses(a, ours);
    }

    /**
     * RFC 9260 section 6.4: new data goes to the primary path, the address we were given or the
     * INIT's source, then to the tester's second address once the user makes it the primary; the
     * association ends from there.
     */
    private void dataGoesToBothAddresses(TesterAssociation a, SctpUdpAssociation ours) {
        InetAddress first = tester.address().getAddress();
        InetAddress second = tester.secondAddress().getAddress();
        assertThat(ours.peerAddresses()).containsExactlyInAnyOrder(first, second);
        assertThat(ours.primaryAddress()).isEqualTo(first);
        EndpointUnderTest.send(ours, bytes("to the first address"));
        assertThat(a.expect(DataChunk.class).userData()).isEqualTo(bytes("to the first address"));
        a.send(a.sack());

        await(ours.setPrimary(second));
        EndpointUnderTest.send(ours, bytes("to the second address"));
        assertThat(a.nextOnSecond().single(DataChunk.class).userData()).isEqualTo(bytes("to the second address"));
        a.sendFromSecond(a.sack());

        a.sendFromSecond(a.shutdown());
        a.nextOnSecond().single(ShutdownAckChunk.class);
        a.sendFromSecond(new ShutdownCompleteChunk(false));
        await(ours.closeFuture());
        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-12-1: an INIT with a Host Name Address is answered with ABORT (Unresolvable Address), per RFC 9260")
    void anInitWithAHostNameIsAborted() {
        start();
        HostNameAddressParameter hostName = HostNameAddressParameter.of("conformance.invalid");
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, List.of(hostName));
        tester.send(0, init);
        Received r = tester.next();
        AbortChunk abort = r.single(AbortChunk.class);
        assertThat(r.tag()).isEqualTo(init.initiateTag());
        assertThat(abort.causes()).containsExactly(UnresolvableAddressCause.of(hostName));
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-12-2: an INIT ACK with a Host Name Address ends the setup with ABORT (Unresolvable Address), per RFC 9260")
    void anInitAckWithAHostNameIsAborted() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        HostNameAddressParameter hostName = HostNameAddressParameter.of("a.b");
        InitAckChunk ack = Handshakes.initAck(init, Handshakes.STREAMS, Handshakes.STREAMS, List.of(hostName));
        tester.send(init.initiateTag(), ack);
        Received r = tester.next();
        AbortChunk abort = r.single(AbortChunk.class);
        assertThat(r.tag()).isEqualTo(ack.initiateTag());
        assertThat(abort.causes()).containsExactly(UnresolvableAddressCause.of(hostName));
        assertThatThrownBy(() -> await(up)).isInstanceOf(AssertionError.class);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-v-1-13-1: an INIT announcing IPv4 and IPv6 as supported address types sets up an association")
    void anInitWithSupportedAddressTypesSetsUpAnAssociation() {
        start();
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, List.of(
                new SupportedAddressTypesParameter(List.of(ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS))));
        TesterAssociation a = Handshakes.connect(tester, init);
        exchangeOneMessageEachWay(a, sut.associationWith(tester));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-13-2: an INIT over IPv4 announcing only IPv6 still sets up an association (RFC 9260 section 5.1.2)")
    void anInitAnnouncingOnlyTheOtherFamilyStillSetsUpAnAssociation() {
        start();
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, List.of(
                new SupportedAddressTypesParameter(List.of(ParameterType.IPV6_ADDRESS))));
        TesterAssociation a = Handshakes.connect(tester, init);
        exchangeOneMessageEachWay(a, sut.associationWith(tester));

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-14-1: an INIT with Initiate Tag 0 is silently discarded (RFC 9260; RFC 4960 asked for an ABORT)")
    void anInitWithInitiateTagZeroIsSilentlyDiscarded() {
        start();
        tester.send(0, Crafted.init(0, Handshakes.WINDOW, 1, 1, new Tsn(1)));
        tester.expectNothingBeforeMarker();
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-14-2: an INIT ACK with Initiate Tag 0 ends the setup with an ABORT with the T bit")
    void anInitAckWithInitiateTagZeroIsAbortedWithTheTBit() {
        start();
        CompletableFuture<SctpUdpAssociation> up = sut.connect(tester);
        InitChunk init = Handshakes.expectInit(tester);
        InitAckChunk valid = Handshakes.initAck(init);
        InitAckChunk zeroTag = new InitAckChunk(0, valid.advertisedReceiverWindowCredit(), valid.outboundStreams(),
                valid.inboundStreams(), valid.initialTsn(), valid.parameters());
        tester.send(init.initiateTag(), zeroTag);
        Received r = tester.next();
        AbortChunk abort = r.single(AbortChunk.class);
        // RFC 9260 section 3.3.3: the T bit set, so the tag is the one the endpoint itself chose.
        assertThat(abort.reflectedTag()).isTrue();
        assertThat(r.tag()).isEqualTo(init.initiateTag());
        assertThatThrownBy(() -> await(up)).isInstanceOf(AssertionError.class);
        assertThat(sut.endpoint().associations()).isEmpty();

        sut.assertStillServesFreshAssociation();
    }

    @Test
    @DisplayName("sctp-as-i-1-15: INIT retransmissions go to each of the peer's addresses in turn")
    void initRetransmissionsGoToEveryAddressGiven() {
        start(ConformanceConfig.fastTimers().build());
        tester.addSecondAddress();
        CompletableFuture<SctpUdpAssociation> up = sut.connectToBothAddresses(tester);
        InitChunk init = Handshakes.expectInit(tester); // the first address, the initial primary
        // RFC 9260 sections 5.1 and 6.4.1: a timed-out INIT goes to another of the addresses given.
        Received second = tester.nextOnSecond();
        assertThat(second.tag()).isZero();
        assertThat(second.single(InitChunk.class)).isEqualTo(init);
        assertThat(Handshakes.expectInit(tester)).isEqualTo(init); // and back: every address in turn

        InitAckChunk ack = Handshakes.initAck(init);
        TesterAssociation a = Handshakes.accept(tester, init, ack);
        SctpUdpAssociation ours = await(up);
        assertThat(ours.peerAddresses()).containsExactlyInAnyOrder(tester.address().getAddress(),
                tester.secondAddress().getAddress());
        shutDownFromTester(a, ours);
    }

    /** One message from the tester (acknowledged, delivered) and one from our user (acknowledged). */
    private void exchangeOneMessageEachWay(TesterAssociation a, SctpUdpAssociation ours) {
        DataChunk d = TesterAssociation.immediately(a.data("to us"));
        a.send(d);
        assertThat(a.expect(SackChunk.class).cumulativeTsnAck()).isEqualTo(d.tsn());
        assertThat(sut.awaitMessagesFrom(tester, 1).get(0).payload()).isEqualTo(d.userData());
        EndpointUnderTest.send(ours, bytes("from us"));
        assertThat(a.expect(DataChunk.class).userData()).isEqualTo(bytes("from us"));
        a.send(a.sack());
    }

    private static List<UnknownParameter> threeUnknownParametersAroundOneOfType(int type) {
        return List.of(new UnknownParameter(0xC0CC, Bytes.fromHex("01010101")),
                new UnknownParameter(type, Bytes.fromHex("02020202")),
                new UnknownParameter(0xC0CC, Bytes.fromHex("03030303")));
    }

    /** Sends an INIT with {@code parameters}, expects an INIT ACK and completes the handshake. */
    private InitAckChunk answerTo(List<UnknownParameter> parameters) {
        InitChunk init = Handshakes.init(Handshakes.STREAMS, Handshakes.STREAMS, new ArrayList<Parameter>(parameters));
        tester.send(0, init);
        InitAckChunk ack = Handshakes.expectInitAck(tester, init);
        Handshakes.echoCookie(tester, init, ack);
        return ack;
    }

    private static List<Parameter> unrecognizedIn(InitAckChunk ack) {
        return ack.parameters().stream().filter(UnrecognizedParameter.class::isInstance).toList();
    }
}
