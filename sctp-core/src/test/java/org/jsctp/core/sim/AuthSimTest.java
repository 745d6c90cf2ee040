package org.jsctp.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.auth.AuthIndication;
import org.jsctp.core.auth.HmacAlgorithm;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.UnsupportedHmacIdentifierCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.param.ChunkListParameter;
import org.jsctp.core.packet.param.Ipv4AddressParameter;
import org.jsctp.core.packet.param.RandomParameter;
import org.jsctp.core.packet.param.RequestedHmacAlgorithmParameter;
import org.jsctp.core.tx.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * AUTH (RFC 4895) between two endpoints on the simulated network: negotiation in INIT and INIT
 * ACK (section 6.1), AUTH chunks before the chunks the peer listed (6.2), and the receiver's
 * checks (6.3), with packets altered on their way to show each rule.
 */
class AuthSimTest {

    private static final long S = 1_000_000_000L;
    private static final int CLIENT_PORT = 5000;
    private static final int SERVER_PORT = 7;
    private static final Bytes KEY = Bytes.fromHex("00112233445566778899aabbccddeeff");
    private static final Bytes OTHER_KEY = Bytes.fromHex("ffeeddccbbaa99887766554433221100");

    /** AUTH required, SHA-256 first, DATA authenticated, key 1 active. */
    private static AuthConfig dataAuth(Bytes key) {
        return AuthConfig.DEFAULTS.withRequired(true).withChunkTypes(Set.of(ChunkType.DATA))
                .withSharedKey(1, key).withActiveKey(1);
    }

    private static final class Pair {
        final SimHost client;
        final SimHost server;
        final SimNetwork net;
        final List<SctpPacket> toServer = new ArrayList<>();
        final List<SctpPacket> toClient = new ArrayList<>();
        Association clientAssoc;

        Pair(AuthConfig clientAuth, AuthConfig serverAuth) {
            client = host("client", CLIENT_PORT, clientAuth, 1);
            server = host("server", SERVER_PORT, serverAuth, 2);
            net = new SimNetwork(client, server, LinkProfile.perfect(), 3);
            net.setTracer((now, to, packet) -> (to == server ? toServer : toClient).add(decode(packet.clone())));
        }

        Pair connect() {
            clientAssoc = client.connect(SERVER_PORT, 0);
            net.runUntil(() -> clientAssoc.state() == AssociationState.CLOSED || (clientAssoc.state()
                    == AssociationState.ESTABLISHED && serverAssoc() != null), 10 * S, 10_000);
            return this;
        }

        Pair establish() {
            connect();
            assertThat(clientAssoc.state()).isEqualTo(AssociationState.ESTABLISHED);
            return this;
        }

        Association serverAssoc() {
            return server.associations().isEmpty() ? null : server.associations().get(0);
        }

        void sendEachWay(int count) {
            for (int i = 0; i < count; i++) {
                clientAssoc.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[100 + i])), net.now());
                serverAssoc().send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[200 + i])), net.now());
            }
        }

        /** Feeds hand-made bytes to the server and returns what it answers at once. */
        List<SctpPacket> injectToServer(SctpPacket packet) {
            server.drainOutbox();
            server.receive(PacketEncoder.toByteArray(packet), net.now());
            return server.drainOutbox().stream().map(AuthSimTest::decode).toList();
        }
    }

    private static SimHost host(String name, int port, AuthConfig auth, long seed) {
        AssociationConfig.Builder b = AssociationConfig.builder().noDelay(true);
        if (auth != null) {
            b.auth(auth);
        }
        return new SimHost(name, new Endpoint(EndpointConfig.of(port, b.build()), new SeededRandomSource(seed), 0));
    }

    private static SctpPacket decode(byte[] bytes) {
        try {
            return PacketDecoder.strict().decode(bytes);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static long received(SimHost host) {
        return host.events().stream().filter(e -> e.event() instanceof AssociationEvent.MessageReceived).count();
    }

    private static List<AssociationEvent.Authentication> authEvents(SimHost host) {
        return host.events().stream().map(SimHost.Event::event).filter(AssociationEvent.Authentication.class::isInstance)
                .map(AssociationEvent.Authentication.class::cast).toList();
    }

    private static boolean has(SctpPacket p, Class<? extends Chunk> type) {
        return p.chunks().stream().anyMatch(type::isInstance);
    }

    /** A DATA packet of the client the network drops and hands to the test instead. */
    private static SctpPacket interceptNextClientData(Pair p) {
        List<byte[]> caught = new ArrayList<>();
        p.net.aToB().dropNext(1, bytes -> {
            boolean data = has(decode(bytes), DataChunk.class);
            if (data) {
                caught.add(bytes.clone());
            }
            return data;
        });
        p.clientAssoc.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[321])), p.net.now());
        p.net.runUntil(() -> !caught.isEmpty(), p.net.now() + S, 1_000);
        assertThat(caught).hasSize(1);
        return decode(caught.get(0));
    }

    private static SctpPacket withChunks(SctpPacket p, UnaryOperator<List<Chunk>> change) {
        return new SctpPacket(p.header(), change.apply(new ArrayList<>(p.chunks())));
    }

    @Test
    void withTheSameKeyDataIsAuthenticatedWithSha256BothWays() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        p.sendEachWay(10);
        p.net.runUntil(() -> received(p.client) == 10 && received(p.server) == 10, 30 * S, 100_000);

        assertThat(received(p.server)).isEqualTo(10);
        assertThat(received(p.client)).isEqualTo(10);
        InitChunk init = (InitChunk) p.toServer.get(0).chunks().get(0);
        assertThat(init.parameters()).anySatisfy(x -> assertThat(x).isInstanceOfSatisfying(RandomParameter.class,
                r -> assertThat(r.random().length()).isEqualTo(32)));
        assertThat(init.parameters()).contains(new RequestedHmacAlgorithmParameter(List.of(3, 1)),
                new ChunkListParameter(List.of(ChunkType.DATA, ChunkType.ASCONF_ACK, ChunkType.ASCONF)));
        for (List<SctpPacket> direction : List.of(p.toServer, p.toClient)) {
            List<SctpPacket> data = direction.stream().filter(x -> has(x, DataChunk.class)).toList();
            assertThat(data).isNotEmpty().allSatisfy(x -> {
                int auth = indexOf(x, AuthChunk.class);
                assertThat(auth).as("AUTH before the first DATA").isGreaterThanOrEqualTo(0).isLessThan(indexOf(x, DataChunk.class));
                AuthChunk a = (AuthChunk) x.chunks().get(auth);
                assertThat(a.hmacId()).isEqualTo(HmacAlgorithm.SHA_256.id());
                assertThat(a.sharedKeyId()).isEqualTo(1);
                assertThat(x.encodedLength()).isLessThanOrEqualTo(AssociationConfig.defaults().pathMtu());
            });
            // SACK is not listed: it travels without AUTH.
            assertThat(direction.stream().filter(x -> has(x, SackChunk.class) && !has(x, DataChunk.class)))
                    .allMatch(x -> !has(x, AuthChunk.class));
        }
        assertThat(p.clientAssoc.capabilities().auth()).isTrue();
        assertThat(p.clientAssoc.auth().statistics().inUse()).isTrue();
        assertThat(p.serverAssoc().auth().statistics().rejectedAuthChunks()).isZero();
        assertThat(p.serverAssoc().auth().statistics().authenticatedPacketsReceived())
                .isEqualTo(p.clientAssoc.auth().statistics().authenticatedPacketsSent()).isPositive();
        assertThat(authEvents(p.server)).containsExactly(new AssociationEvent.Authentication(1, AuthIndication.NEW_KEY));
    }

    @Test
    void largeMessagesStillFitThePathMtuWithTheAuthChunk() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        p.clientAssoc.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(new byte[20_000])), p.net.now());
        p.net.runUntil(() -> received(p.server) == 1, 30 * S, 100_000);
        assertThat(received(p.server)).isEqualTo(1);
        assertThat(p.toServer).allSatisfy(x -> assertThat(x.encodedLength())
                .isLessThanOrEqualTo(AssociationConfig.defaults().pathMtu()));
    }

    @Test
    void withAWrongKeyNothingIsDeliveredAndNothingBreaks() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(OTHER_KEY)).establish();
        p.sendEachWay(3);
        p.net.runUntil(() -> false, 60 * S, 100_000);

        assertThat(received(p.server)).isZero();
        assertThat(received(p.client)).isZero();
        assertThat(p.serverAssoc().auth().statistics().rejectedAuthChunks()).isPositive();
        assertThat(p.serverAssoc().auth().statistics().discardedChunks()).isPositive();
        // Never acknowledged, the data stays with its sender, retransmitted; heartbeats (not
        // authenticated here) keep the association itself alive.
        assertThat(p.clientAssoc.bufferedAmount()).isPositive();
        assertThat(p.clientAssoc.statistics().t3Retransmissions()).isPositive();
        p.server.checkInvariants();
        p.client.checkInvariants();
    }

    @Test
    void dataWithoutItsAuthChunkIsDiscardedSilentlyAndTheGenuinePacketStillCounts() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        SctpPacket genuine = interceptNextClientData(p);

        List<SctpPacket> replies = p.injectToServer(withChunks(genuine, c -> {
            c.removeIf(AuthChunk.class::isInstance);
            return c;
        }));
        assertThat(received(p.server)).isZero();
        assertThat(replies).noneMatch(x -> has(x, ErrorChunk.class) || has(x, AbortChunk.class));
        assertThat(p.serverAssoc().auth().statistics().discardedChunks()).isEqualTo(1);

        p.injectToServer(genuine);
        assertThat(received(p.server)).isEqualTo(1);
    }

    @Test
    void aWrongHmacDiscardsTheAuthenticatedChunks() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        SctpPacket genuine = interceptNextClientData(p);

        List<SctpPacket> replies = p.injectToServer(withChunks(genuine, c -> {
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i) instanceof AuthChunk a) {
                    byte[] hmac = a.hmac().toByteArray();
                    hmac[0] ^= 0x40;
                    c.set(i, new AuthChunk(a.sharedKeyId(), a.hmacId(), Bytes.wrap(hmac)));
                }
            }
            return c;
        }));
        assertThat(received(p.server)).isZero();
        assertThat(replies).noneMatch(x -> has(x, ErrorChunk.class));
        assertThat(p.serverAssoc().auth().statistics().rejectedAuthChunks()).isEqualTo(1);

        p.injectToServer(genuine);
        assertThat(received(p.server)).isEqualTo(1);
    }

    @Test
    void anUnsupportedHmacIdentifierIsAnsweredWithAnError() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        SctpPacket genuine = interceptNextClientData(p);

        List<SctpPacket> replies = p.injectToServer(withChunks(genuine, c -> {
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i) instanceof AuthChunk a) {
                    c.set(i, new AuthChunk(a.sharedKeyId(), 2, a.hmac())); // 2 is reserved
                }
            }
            return c;
        }));
        assertThat(received(p.server)).isZero();
        assertThat(replies).anySatisfy(x -> assertThat(x.chunks()).anySatisfy(c -> assertThat(c)
                .isInstanceOfSatisfying(ErrorChunk.class, e -> assertThat(e.causes())
                        .containsExactly(new UnsupportedHmacIdentifierCause(2)))));
    }

    @Test
    void anUnknownKeyIdentifierIsDiscardedAndReported() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        SctpPacket genuine = interceptNextClientData(p);

        p.injectToServer(withChunks(genuine, c -> {
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i) instanceof AuthChunk a) {
                    c.set(i, new AuthChunk(7, a.hmacId(), a.hmac()));
                }
            }
            return c;
        }));
        assertThat(received(p.server)).isZero();
        assertThat(authEvents(p.server)).contains(new AssociationEvent.Authentication(7, AuthIndication.UNKNOWN_KEY));
    }

    @Test
    void anUnauthenticatedAsconfIsDiscardedWithoutReplyOrChange() throws Exception {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        Association server = p.serverAssoc();
        int eventsBefore = p.server.events().size();
        SctpPacket asconf = new SctpPacket(p.toServer.get(p.toServer.size() - 1).header(),
                List.of(new AsconfChunk(1, InetAddress.getByName("127.0.0.1"),
                        List.of(new Ipv4AddressParameter((java.net.Inet4Address) InetAddress.getByName("127.0.0.9"))))));
        assertThat(asconf.header().verificationTag()).isEqualTo(server.localTag());

        List<SctpPacket> replies = p.injectToServer(asconf);
        assertThat(replies).isEmpty();
        assertThat(p.server.events()).hasSize(eventsBefore);
        assertThat(server.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(server.auth().statistics().discardedChunks()).isEqualTo(1);
    }

    @Test
    void keysRotateAndThePeerHearsOfTheNewKey() {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY)).establish();
        p.clientAssoc.auth().setKey(2, OTHER_KEY);
        p.serverAssoc().auth().setKey(2, OTHER_KEY);
        p.clientAssoc.auth().activateKey(2);
        p.clientAssoc.auth().deactivateKey(1);
        p.sendEachWay(2);
        p.net.runUntil(() -> received(p.server) == 2 && received(p.client) == 2, 30 * S, 100_000);

        assertThat(received(p.server)).isEqualTo(2);
        assertThat(authEvents(p.server)).contains(new AssociationEvent.Authentication(2, AuthIndication.NEW_KEY));
        assertThat(authEvents(p.client)).contains(new AssociationEvent.Authentication(1, AuthIndication.FREE_KEY));
        assertThat(p.toServer.stream().filter(x -> has(x, DataChunk.class)).reduce((a, b) -> b).orElseThrow().chunks())
                .anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(AuthChunk.class, a -> assertThat(a.sharedKeyId()).isEqualTo(2)));
        p.clientAssoc.auth().deleteKey(1);
        assertThat(p.clientAssoc.auth().keyIds()).containsExactly(0, 2);
    }

    @Test
    void aRequiredAuthThePeerLacksRefusesTheAssociationAtTheInit() {
        Pair p = new Pair(null, dataAuth(KEY)).connect();

        assertThat(p.clientAssoc.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(p.serverAssoc()).isNull();
        SctpPacket abort = p.toClient.get(0);
        assertThat(abort.chunks()).singleElement().isInstanceOfSatisfying(AbortChunk.class, a -> assertThat(a.causes())
                .containsExactly(MissingMandatoryParameterCause.of(0x8002, 0x8004)));
    }

    @Test
    void aRequiredAuthThePeerLacksAbortsAtTheInitAck() {
        Pair p = new Pair(dataAuth(KEY), null).connect();

        assertThat(p.clientAssoc.state()).isEqualTo(AssociationState.CLOSED);
        p.net.runUntil(() -> false, p.net.now() + S, 1_000); // the ABORT crosses the link
        assertThat(p.toServer.get(p.toServer.size() - 1).chunks()).singleElement().isInstanceOf(AbortChunk.class);
        assertThat(p.client.events()).anySatisfy(e -> assertThat(e.event())
                .isInstanceOfSatisfying(AssociationEvent.CommunicationLost.class,
                        l -> assertThat(l.reason()).contains("AUTH")));
    }

    @Test
    void anOfferedAuthThePeerLacksIsNotUsedAndTheUserIsTold() {
        Pair p = new Pair(null, dataAuth(KEY).withRequired(false)).establish();
        p.sendEachWay(2);
        p.net.runUntil(() -> received(p.server) == 2 && received(p.client) == 2, 30 * S, 100_000);

        assertThat(received(p.server)).isEqualTo(2);
        assertThat(p.serverAssoc().capabilities().auth()).isFalse();
        assertThat(authEvents(p.server)).containsExactly(new AssociationEvent.Authentication(1, AuthIndication.NO_AUTH));
        assertThat(p.toClient).noneMatch(x -> has(x, AuthChunk.class));
        assertThat(p.toServer).noneMatch(x -> has(x, AuthChunk.class));
        assertThat(((InitAckChunk) p.toClient.get(0).chunks().get(0)).parameters())
                .anyMatch(RandomParameter.class::isInstance);
    }

    private static int indexOf(SctpPacket p, Class<? extends Chunk> type) {
        for (int i = 0; i < p.chunks().size(); i++) {
            if (type.isInstance(p.chunks().get(i))) {
                return i;
            }
        }
        return -1;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HMAC intact: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void anAuthChunkBundledAfterTheCookieEchoIsCheckedWithTheParametersTheCookieCarries(boolean intact) {
        Pair p = new Pair(dataAuth(KEY), dataAuth(KEY));
        List<byte[]> cookieEcho = new ArrayList<>();
        p.net.aToB().dropNext(1, bytes -> {
            boolean echo = has(decode(bytes), org.jsctp.core.packet.chunk.CookieEchoChunk.class);
            if (echo) {
                cookieEcho.add(bytes.clone());
            }
            return echo;
        });
        p.clientAssoc = p.client.connect(SERVER_PORT, 0);
        p.net.runUntil(() -> !cookieEcho.isEmpty(), 10 * S, 1_000);
        InitChunk init = (InitChunk) p.toServer.get(0).chunks().get(0);
        InitAckChunk initAck = (InitAckChunk) p.toClient.get(0).chunks().get(0);
        // Sign a DATA chunk as the client would (RFC 4895 sections 6.1 and 6.2), from the parameters
        // both sides put on the wire, and bundle it after the COOKIE ECHO.
        var local = org.jsctp.core.auth.AuthParameters.in(init.parameters()).orElseThrow();
        var peer = org.jsctp.core.auth.AuthParameters.in(initAck.parameters()).orElseThrow();
        var signer = new org.jsctp.core.auth.PacketAuthenticator(local, peer,
                new org.jsctp.core.auth.SharedKeys(dataAuth(KEY)), HmacAlgorithm.SHA_256);
        DataChunk data = new DataChunk(false, false, true, true, init.initialTsn(), 0, new org.jsctp.core.seq.Ssn(0), 0,
                Bytes.wrap(new byte[77])); // the client's first TSN
        AuthChunk auth = signer.sign(List.of(data));
        if (!intact) {
            byte[] hmac = auth.hmac().toByteArray();
            hmac[5] ^= 1;
            auth = new AuthChunk(auth.sharedKeyId(), auth.hmacId(), Bytes.wrap(hmac));
        }
        SctpPacket echo = decode(cookieEcho.get(0));
        List<Chunk> bundled = new ArrayList<>(echo.chunks());
        bundled.add(auth);
        bundled.add(data);

        p.injectToServer(new SctpPacket(echo.header(), bundled));

        assertThat(p.serverAssoc()).isNotNull();
        assertThat(p.serverAssoc().state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(received(p.server)).isEqualTo(intact ? 1 : 0);
        assertThat(p.serverAssoc().auth().statistics().rejectedAuthChunks()).isEqualTo(intact ? 0 : 1);
    }

    @Test
    void anInitCollisionKeepsBothSidesRandomsSoAuthenticatedDataFlows() {
        SimHost a = host("a", CLIENT_PORT, dataAuth(KEY), 1);
        SimHost b = host("b", SERVER_PORT, dataAuth(KEY), 2);
        SimNetwork net = new SimNetwork(a, b, LinkProfile.perfect().withDelay(10_000_000L), 3);
        Association fromA = a.connect(SERVER_PORT, 0);
        Association fromB = b.connect(CLIENT_PORT, 0);
        net.runUntil(() -> fromA.state() == AssociationState.ESTABLISHED && fromB.state() == AssociationState.ESTABLISHED,
                30 * S, 100_000);
        assertThat(fromA.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(fromB.state()).isEqualTo(AssociationState.ESTABLISHED);

        fromA.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("01020304")), net.now());
        fromB.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("05060708")), net.now());
        net.runUntil(() -> received(a) == 1 && received(b) == 1, net.now() + 10 * S, 100_000);
        assertThat(received(a)).isEqualTo(1);
        assertThat(received(b)).isEqualTo(1);
        assertThat(fromA.auth().statistics().authenticatedPacketsReceived()).isPositive();
        assertThat(fromB.auth().statistics().authenticatedPacketsReceived()).isPositive();
        assertThat(fromA.auth().statistics().rejectedAuthChunks() + fromB.auth().statistics().rejectedAuthChunks()).isZero();
    }

    @Test
    void aRestartedPeerIsAuthenticatedWithItsNewRandom() {
        SimHost server = host("server", SERVER_PORT, dataAuth(KEY), 2);
        SimHost first = host("client", CLIENT_PORT, dataAuth(KEY), 1);
        SimNetwork net = new SimNetwork(first, server, LinkProfile.perfect(), 3);
        Association before = first.connect(SERVER_PORT, 0);
        net.runUntil(() -> before.state() == AssociationState.ESTABLISHED && !server.associations().isEmpty(), 10 * S, 10_000);
        Association serverSide = server.associations().get(0);

        SimHost rebooted = host("client", CLIENT_PORT, dataAuth(KEY), 99);
        SimNetwork net2 = new SimNetwork(rebooted, server, LinkProfile.perfect(), 4);
        net2.advance(net.now(), 10);
        Association after = rebooted.connect(SERVER_PORT, net2.now());
        net2.runUntil(() -> after.state() == AssociationState.ESTABLISHED, net2.now() + 10 * S, 10_000);
        assertThat(server.events()).extracting(SimHost.Event::event)
                .hasAtLeastOneElementOfType(AssociationEvent.Restarted.class);

        after.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("aabb")), net2.now());
        serverSide.send(OutgoingMessage.of(0, 0, false, Bytes.fromHex("ccdd")), net2.now());
        net2.runUntil(() -> received(server) == 1 && received(rebooted) == 1, net2.now() + 10 * S, 10_000);
        assertThat(received(server)).isEqualTo(1);
        assertThat(received(rebooted)).isEqualTo(1);
        assertThat(serverSide.auth().statistics().rejectedAuthChunks()).isZero();
    }
}
