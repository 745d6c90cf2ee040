package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.assoc.Wire.onTheWire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.timer.Timer;
import org.junit.jupiter.api.Test;

/**
 * The handshake of RFC 9260 section 5.1 between a connecting association and a listening
 * endpoint, packet by packet, every packet encoded and decoded on the way as it would be on the
 * wire, on a virtual clock.
 */
class HandshakeTest {

    private static final long S = 1_000_000_000L;
    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;

    private final AssociationConfig config = AssociationConfig.builder().outboundStreams(10).maxInboundStreams(20)
            .plpmtudEnabled(false).build(); // exact timer deadlines: no PLPMTUD probes
    private final Endpoint server = new Endpoint(EndpointConfig.of(SERVER_PORT, config), new SeededRandomSource(1), 0);
    private final Endpoint clientEndpoint = new Endpoint(EndpointConfig.of(CLIENT_PORT,
            config.toBuilder().outboundStreams(30).maxInboundStreams(4).build()), new SeededRandomSource(2), 0);
    private final List<SctpPacket> serverReplies = new ArrayList<>();
    private Association accepted;
    private long now;

    private AssociationDirectory directory() {
        return new AssociationDirectory() {
            @Override
            public Association find(int localTag, int peerPort) {
                return accepted != null && accepted.localTag() == localTag && accepted.peerPort() == peerPort ? accepted : null;
            }

            @Override
            public Association findByPeer(int peerPort) {
                return accepted != null && accepted.peerPort() == peerPort ? accepted : null;
            }

            @Override
            public int size() {
                return accepted == null ? 0 : 1;
            }
        };
    }

    /** Moves every packet both ways until nothing is left, dropping what {@code drop} selects. */
    private void exchange(Association client, Predicate<SctpPacket> drop) {
        for (int round = 0; round < 20; round++) {
            boolean moved = false;
            for (OutgoingPacket p; (p = client.pollTransmit()) != null; ) {
                moved = true;
                SctpPacket packet = onTheWire(p);
                if (drop.test(packet)) {
                    continue;
                }
                // as the transport will: INIT and COOKIE ECHO go to the endpoint, the rest by tag
                boolean toEndpoint = accepted == null || carries(packet, InitChunk.class)
                        || carries(packet, CookieEchoChunk.class)
                        || packet.header().verificationTag() != accepted.localTag();
                if (!toEndpoint) {
                    accepted.handlePacket(packet, now);
                } else {
                    Endpoint.Outcome o = server.handlePacket(packet, now, directory());
                    if (o instanceof Endpoint.Outcome.Reply r) {
                        serverReplies.add(onTheWire(r.packet()));
                        client.handlePacket(onTheWire(r.packet()), now);
                    } else if (o instanceof Endpoint.Outcome.Accepted a) {
                        accepted = a.association();
                    }
                }
            }
            if (accepted != null) {
                for (OutgoingPacket p; (p = accepted.pollTransmit()) != null; ) {
                    moved = true;
                    SctpPacket packet = onTheWire(p);
                    if (!drop.test(packet)) {
                        client.handlePacket(packet, now);
                    }
                }
            }
            client.checkInvariants();
            if (accepted != null) {
                accepted.checkInvariants();
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("packets still moving after 20 rounds: livelock");
    }

    private void advanceTo(long t, Association client) {
        now = t;
        client.handleTimeout(now);
    }

    private static boolean carries(SctpPacket p, Class<? extends Chunk> type) {
        return p.chunks().stream().anyMatch(type::isInstance);
    }

    @Test
    void bothSidesComeUpWithTheNegotiatedStreams() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(accepted.state()).isEqualTo(AssociationState.ESTABLISHED);
        // client offers 30 out / 4 in, server 10 out / 20 in
        assertThat(client.pollEvent()).isEqualTo(new AssociationEvent.CommunicationUp(20, 4));
        assertThat(accepted.pollEvent()).isEqualTo(new AssociationEvent.CommunicationUp(4, 20));
        assertThat(client.peerTag()).isEqualTo(accepted.localTag());
        assertThat(accepted.peerTag()).isEqualTo(client.localTag());
        // the only timer left is the idle path's heartbeat: HB.interval + RTO +/- RTO/2 (RFC 9260 section 8.3)
        assertThat(client.nextDeadline()).isBetween(30 * S + S / 2, 30 * S + 3 * S / 2);
    }

    @Test
    void aLostInitIsRetransmittedWhenT1InitExpiresWithBackoff() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> carries(p, InitChunk.class));
        assertThat(client.nextDeadline()).isEqualTo(S); // RTO.Initial
        advanceTo(S, client);
        assertThat(client.nextDeadline()).isEqualTo(3 * S); // doubled
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void aLostCookieEchoIsRetransmittedWhenT1CookieExpires() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> carries(p, CookieEchoChunk.class));
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_ECHOED);
        advanceTo(S, client);
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void aLostCookieAckIsRecoveredBecauseTheRepeatedCookieEchoIsAcknowledgedAgain() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> carries(p, CookieAckChunk.class));
        assertThat(accepted.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_ECHOED);
        advanceTo(S, client);
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void theClientGivesUpAfterMaxInitRetransmits() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        int inits = 0;
        for (int i = 0; i < 20 && client.state() != AssociationState.CLOSED; i++) {
            for (OutgoingPacket p; (p = client.pollTransmit()) != null; ) {
                inits++;
            }
            advanceTo(client.nextDeadline(), client);
            client.checkInvariants();
        }
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(inits).isEqualTo(1 + 8); // the first INIT and Max.Init.Retransmits retransmissions
        assertThat(client.pollEvent()).isInstanceOf(AssociationEvent.CommunicationLost.class);
        assertThat(client.nextDeadline()).isEqualTo(Timer.NEVER);
    }

    @Test
    void aStaleCookieIsAnsweredWithAStaleCookieErrorToThePeersTag() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        OutgoingPacket init = client.pollTransmit();
        Endpoint.Outcome.Reply initAck = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(init), 0, AssociationDirectory.NONE);
        client.handlePacket(onTheWire(initAck.packet()), 0);
        OutgoingPacket echo = client.pollTransmit();
        Endpoint.Outcome late = server.handlePacket(onTheWire(echo), 61 * S, AssociationDirectory.NONE);
        assertThat(late).isInstanceOf(Endpoint.Outcome.Reply.class);
        SctpPacket error = onTheWire(((Endpoint.Outcome.Reply) late).packet());
        assertThat(error.header().verificationTag()).isEqualTo(client.localTag());
        assertThat(((ErrorChunk) error.chunks().get(0)).causes().get(0)).isEqualTo(StaleCookieCause.ofMicros(S / 1000));
    }

    @Test
    void aForgedCookieIsDiscardedSilently() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> carries(p, CookieEchoChunk.class));
        OutgoingPacket forged = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, client.peerTag(),
                List.of(new CookieEchoChunk(Bytes.wrap(new byte[80]))));
        assertThat(server.handlePacket(onTheWire(forged), now, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void anInitAckWithTheWrongTagIsIgnored() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        OutgoingPacket init = client.pollTransmit();
        Endpoint.Outcome.Reply reply = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(init), 0, AssociationDirectory.NONE);
        OutgoingPacket wrongTag = new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag() + 1,
                reply.packet().chunks());
        client.handlePacket(onTheWire(wrongTag), 0);
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        assertThat(client.pollTransmit()).isNull();
    }

    @Test
    void anInitAckBundledWithOtherChunksIsDiscardedWhole() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        OutgoingPacket init = client.pollTransmit();
        Endpoint.Outcome.Reply reply = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(init), 0, AssociationDirectory.NONE);
        InitAckChunk ack = (InitAckChunk) reply.packet().chunks().get(0);
        DataChunk data = new DataChunk(false, false, true, true, ack.initialTsn(), 0, new org.jsctp.core.seq.Ssn(0), 0,
                Bytes.fromHex("aa"));
        // RFC 9260 section 6.10: an INIT ACK travels alone.
        client.handlePacket(onTheWire(new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag(), List.of(ack, data))), 0);
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        assertThat(client.pollTransmit()).isNull();
    }

    @Test
    void anAbortWithTheRightTagClosesTheAssociationAndSaysWhy() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> false);
        accepted.abort("going away");
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.CLOSED);
        client.pollEvent(); // CommunicationUp
        AssociationEvent lost = client.pollEvent();
        assertThat(lost).isInstanceOf(AssociationEvent.CommunicationLost.class);
        assertThat(((AssociationEvent.CommunicationLost) lost).reason())
                .isEqualTo("aborted by the peer: User-Initiated Abort: going away");
    }

    @Test
    void aBlindAbortWithAGuessedTagIsIgnored() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> false);
        OutgoingPacket blind = new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag() ^ 0x5555,
                List.of(AbortChunk.of()));
        client.handlePacket(onTheWire(blind), now);
        OutgoingPacket reflectedWrong = new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag(),
                List.of(new AbortChunk(true, false, List.of())));
        client.handlePacket(onTheWire(reflectedWrong), now);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void outOfTheBlueShutdownAckIsAnsweredWithShutdownCompleteAndTheTBit() {
        OutgoingPacket ootb = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 0x1234, List.of(ShutdownAckChunk.INSTANCE));
        Endpoint.Outcome o = server.handlePacket(onTheWire(ootb), 0, AssociationDirectory.NONE);
        SctpPacket reply = onTheWire(((Endpoint.Outcome.Reply) o).packet());
        assertThat(reply.header().verificationTag()).isEqualTo(0x1234);
        assertThat(reply.chunks()).containsExactly(new ShutdownCompleteChunk(true));
    }

    @Test
    void outOfTheBlueAbortAndShutdownCompleteGetNoAnswer() {
        assertThat(server.handlePacket(onTheWire(new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 9, List.of(AbortChunk.of()))), 0, AssociationDirectory.NONE))
                .isInstanceOf(Endpoint.Outcome.Discarded.class);
        assertThat(server.handlePacket(onTheWire(new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 9,
                List.of(new ShutdownCompleteChunk(false)))), 0, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void otherOutOfTheBluePacketsAreAnsweredWithAnAbortCarryingTheirTag() {
        OutgoingPacket ootb = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 0x4321,
                List.of(new org.jsctp.core.packet.chunk.ShutdownChunk(new org.jsctp.core.seq.Tsn(1))));
        SctpPacket reply = onTheWire(((Endpoint.Outcome.Reply) server.handlePacket(onTheWire(ootb), 0, AssociationDirectory.NONE)).packet());
        assertThat(reply.header().verificationTag()).isEqualTo(0x4321);
        assertThat(reply.chunks()).containsExactly(new AbortChunk(true, false, List.of()));
    }

    @Test
    void aPacketFromTheAssociationsPeerWithAWrongTagIsDiscardedNotAnsweredAsOutOfTheBlue() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> false);
        // RFC 9260 section 8.5: it belongs to the association (same peer and ports) and fails its tag check.
        int wrongTag = accepted.localTag() ^ 0x5A5A;
        for (Chunk c : List.<Chunk>of(ShutdownAckChunk.INSTANCE, new org.jsctp.core.packet.chunk.ShutdownChunk(client.localInitialTsn()))) {
            OutgoingPacket p = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, wrongTag, List.of(c));
            assertThat(server.handlePacket(onTheWire(p), now, directory())).isInstanceOf(Endpoint.Outcome.Discarded.class);
        }
    }

    @Test
    void aShutdownAckDuringTheHandshakeIsAnsweredAsOutOfTheBlue() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        client.pollTransmit(); // the INIT
        // RFC 9260 section 8.5.1 (E) and 8.4 rule 5: SHUTDOWN COMPLETE, T bit, the packet's tag.
        client.handlePacket(onTheWire(new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag(),
                List.of(ShutdownAckChunk.INSTANCE))), now);
        OutgoingPacket reply = client.pollTransmit();
        assertThat(reply.verificationTag()).isEqualTo(client.localTag());
        assertThat(reply.chunks()).containsExactly(new ShutdownCompleteChunk(true));
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    }

    @Test
    void anInitWithANonZeroTagOrBundledIsDiscarded() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        OutgoingPacket init = client.pollTransmit();
        OutgoingPacket tagged = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 5, init.chunks());
        assertThat(server.handlePacket(onTheWire(tagged), 0, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Discarded.class);
        List<Chunk> bundled = new ArrayList<>(init.chunks());
        bundled.add(CookieAckChunk.INSTANCE);
        OutgoingPacket withMore = new OutgoingPacket(CLIENT_PORT, SERVER_PORT, 0, bundled);
        assertThat(server.handlePacket(onTheWire(withMore), 0, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void theServerKeepsNoStateForAnInitAndRefusesCookiesBeyondItsAssociationLimit() {
        Endpoint small = new Endpoint(EndpointConfig.of(SERVER_PORT, config).withMaxAssociations(1),
                new SeededRandomSource(3), 0);
        Association client = clientEndpoint.connect(SERVER_PORT, 0);
        Endpoint.Outcome.Reply ack = (Endpoint.Outcome.Reply) small.handlePacket(onTheWire(client.pollTransmit()), 0, AssociationDirectory.NONE);
        assertThat(ack.packet().chunks().get(0)).isInstanceOf(InitAckChunk.class);
        client.handlePacket(onTheWire(ack.packet()), 0);
        AssociationDirectory oneOther = new AssociationDirectory() {
            @Override
            public Association find(int localTag, int peerPort) {
                return null;
            }

            @Override
            public Association findByPeer(int peerPort) {
                return null;
            }

            @Override
            public int size() {
                return 1;
            }
        };
        Endpoint.Outcome full = small.handlePacket(onTheWire(client.pollTransmit()), 0, oneOther);
        assertThat(((Endpoint.Outcome.Reply) full).packet().chunks().get(0)).isInstanceOf(AbortChunk.class);
    }

    @Test
    void anUnknownChunkAskingToBeSkippedAndReportedIsReportedInAnError() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> false);
        org.jsctp.core.packet.chunk.UnknownChunk unknown = new org.jsctp.core.packet.chunk.UnknownChunk(0xC5, 0, Bytes.fromHex("0102"));
        client.handlePacket(onTheWire(new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag(), List.of(unknown))), now);
        SctpPacket reply = onTheWire(client.pollTransmit());
        assertThat(reply.chunks()).singleElement().isInstanceOfSatisfying(ErrorChunk.class, e ->
                assertThat(e.causes()).containsExactly(org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause.of(unknown)));
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void anUnknownChunkAskingToStopEndsProcessingOfItsPacketSilently() {
        Association client = clientEndpoint.connect(SERVER_PORT, now);
        exchange(client, p -> false);
        client.pollEvent();
        org.jsctp.core.packet.chunk.UnknownChunk stop = new org.jsctp.core.packet.chunk.UnknownChunk(0x05 | 0x30, 0, Bytes.empty());
        org.jsctp.core.packet.chunk.DataChunk data = new org.jsctp.core.packet.chunk.DataChunk(false, false, true, true,
                client.peerInitialTsn(), 0, new org.jsctp.core.seq.Ssn(0), 0, Bytes.fromHex("aa"));
        client.handlePacket(onTheWire(new OutgoingPacket(SERVER_PORT, CLIENT_PORT, client.localTag(), List.of(stop, data))), now);
        assertThat(client.pollTransmit()).isNull();
        assertThat(client.pollEvent()).isNull();
    }

    @Test
    void aStaleCookieErrorMakesTheClientStartOverAskingForALongerCookieLife() {
        Association client = clientEndpoint.connect(SERVER_PORT, 0);
        Endpoint.Outcome.Reply initAck = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(client.pollTransmit()), 0,
                AssociationDirectory.NONE);
        client.handlePacket(onTheWire(initAck.packet()), 0);
        OutgoingPacket echo = client.pollTransmit();
        now = 61 * S; // the COOKIE ECHO arrives after the 60 s cookie life
        Endpoint.Outcome.Reply stale = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(echo), now, AssociationDirectory.NONE);
        client.handlePacket(onTheWire(stale.packet()), now);
        assertThat(client.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        SctpPacket init = onTheWire(client.pollTransmit());
        InitChunk again = (InitChunk) init.chunks().get(0);
        // RFC 9260 section 5.2.6: the round trip just measured (61 s) plus one second
        assertThat(again.parameters()).contains(new org.jsctp.core.packet.param.CookiePreservativeParameter(62_000));
        assertThat(again.initiateTag()).isEqualTo(client.localTag());
        Endpoint.Outcome.Reply secondAck = (Endpoint.Outcome.Reply) server.handlePacket(init, now, AssociationDirectory.NONE);
        client.handlePacket(onTheWire(secondAck.packet()), now);
        exchange(client, p -> false);
        assertThat(client.state()).isEqualTo(AssociationState.ESTABLISHED);
    }

    @Test
    void anOldCookieMatchingNoCaseOfTable2IsDiscardedWhileTheAssociationLivesOn() {
        // an attempt that got its INIT ACK before the association existed, so its cookie has no tie-tags
        Association early = clientEndpoint.connect(SERVER_PORT, 0);
        Endpoint.Outcome.Reply ack = (Endpoint.Outcome.Reply) server.handlePacket(onTheWire(early.pollTransmit()), 0,
                AssociationDirectory.NONE);
        early.handlePacket(onTheWire(ack.packet()), 0);
        OutgoingPacket staleEcho = early.pollTransmit();

        Association client = clientEndpoint.connect(SERVER_PORT, 0);
        exchange(client, p -> false);
        assertThat(accepted.state()).isEqualTo(AssociationState.ESTABLISHED);

        Endpoint.Outcome late = server.handlePacket(onTheWire(staleEcho), 0, directory());
        assertThat(late).isInstanceOf(Endpoint.Outcome.Discarded.class);
        assertThat(accepted.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(accepted.peerTag()).isEqualTo(client.localTag());
    }
}
