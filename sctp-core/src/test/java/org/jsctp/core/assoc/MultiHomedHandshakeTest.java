package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieCheck;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.handshake.CookieSecrets;
import org.jsctp.core.handshake.StateCookieSealer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.RestartWithNewAddressesCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.HostNameAddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.SupportedAddressTypesParameter;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** The address parameters of INIT and INIT ACK and the cookie that carries them (RFC 9260 sections 5.1.2 and 5.4). */
class MultiHomedHandshakeTest {

    private static final long S = 1_000_000_000L;
    private static final InetAddress OURS_V4 = ip("192.0.2.10");
    private static final InetAddress OURS_V6 = ip("2001:db8::10");
    private static final InetAddress PEER_SOURCE = ip("198.51.100.1");
    private static final InetAddress PEER_OTHER = ip("203.0.113.1");

    private final AssociationConfig config = AssociationConfig.builder().localAddresses(List.of(OURS_V4, OURS_V6)).build();
    private final StateCookieSealer sealer = new StateCookieSealer(new CookieSecrets(new SeededRandomSource(1), 0, 600 * S), 600 * S);
    private final InitResponder responder = new InitResponder(config, sealer, new SeededRandomSource(2), 120 * S);

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InitChunk init(List<Parameter> parameters) {
        return new InitChunk(0xABCD, 65536, 10, 10, new Tsn(77), parameters);
    }

    private CookieContents contentsOf(InitAckChunk ack) {
        Bytes cookie = ack.parameters().stream().filter(p -> p instanceof StateCookieParameter)
                .map(p -> ((StateCookieParameter) p).cookie()).findFirst().orElseThrow();
        return CookieContents.decode(((CookieCheck.Valid) sealer.open(cookie, S)).contents()).orElseThrow();
    }

    private static List<InetAddress> addressesIn(List<Parameter> parameters) {
        return parameters.stream().filter(p -> p instanceof AddressParameter).map(p -> ((AddressParameter) p).address())
                .toList();
    }

    @Test
    void ourInitListsTheConfiguredAddressesAndNoneByDefault() {
        Association a = Association.connect(config, new SeededRandomSource(3), 5000, 7, List.of(PEER_SOURCE), 0);
        OutgoingPacket p = a.pollTransmit();
        assertThat(p.destination()).isEqualTo(PEER_SOURCE); // the INIT goes to the primary
        assertThat(addressesIn(((InitChunk) p.chunks().get(0)).parameters())).containsExactly(OURS_V4, OURS_V6);
        Association plain = Association.connect(AssociationConfig.defaults(), new SeededRandomSource(3), 5000, 7, 0);
        OutgoingPacket q = plain.pollTransmit();
        assertThat(q.destination()).isNull(); // the anonymous path
        assertThat(addressesIn(((InitChunk) q.chunks().get(0)).parameters())).isEmpty();
    }

    @Test
    void theInitAckListsOurAddressesOfTheTypesThePeerSupports() {
        InitAckChunk all = (InitAckChunk) responder.respond(init(List.of()), 7, 5000, S, null, t -> false, PEER_SOURCE)
                .chunks().get(0);
        assertThat(addressesIn(all.parameters())).containsExactly(OURS_V4, OURS_V6);
        InitAckChunk v4 = (InitAckChunk) responder.respond(
                init(List.of(new SupportedAddressTypesParameter(List.of(ParameterType.IPV4_ADDRESS)))), 7, 5000, S,
                null, t -> false, PEER_SOURCE).chunks().get(0);
        assertThat(addressesIn(v4.parameters())).containsExactly(OURS_V4); // RFC 9260 section 3.3.2.1
    }

    @Test
    void theCookieCarriesTheInitsSourceFirstThenItsAddressParametersEachOnce() {
        InitChunk init = init(List.of(AddressParameter.of(PEER_OTHER), AddressParameter.of(PEER_SOURCE)));
        InitAckChunk ack = (InitAckChunk) responder.respond(init, 7, 5000, S, null, t -> false, PEER_SOURCE).chunks().get(0);
        assertThat(contentsOf(ack).peerAddresses()).containsExactly(PEER_SOURCE, PEER_OTHER);
        InitAckChunk anonymous = (InitAckChunk) responder.respond(init, 7, 5000, S).chunks().get(0);
        assertThat(contentsOf(anonymous).peerAddresses()).isEmpty(); // source unknown: one anonymous path
    }

    @Test
    void theAssociationACookieMakesHasAPathPerAddressOnlyTheSourceConfirmed() {
        InitChunk init = init(List.of(AddressParameter.of(PEER_OTHER)));
        InitAckChunk ack = (InitAckChunk) responder.respond(init, 7, 5000, S, null, t -> false, PEER_SOURCE).chunks().get(0);
        Association a = Association.fromCookie(config, new SeededRandomSource(4), contentsOf(ack), S);
        assertThat(a.peerAddresses()).containsExactly(PEER_SOURCE, PEER_OTHER);
        assertThat(a.primaryAddress()).isEqualTo(PEER_SOURCE);
        assertThat(a.pathStatistics()).extracting(PathStatistics::state)
                .containsExactly(org.jsctp.core.path.PathState.ACTIVE, org.jsctp.core.path.PathState.UNCONFIRMED);
        assertThat(a.pollTransmit().destination()).isEqualTo(PEER_SOURCE); // the COOKIE ACK
    }

    @Test
    void cookiesRoundTripTheirAddressesAndOlderLayoutsAreRefused() {
        CookieContents c = new CookieContents(1, 2, new Tsn(3), new Tsn(4), 5000, 6, 7, 8, 9, 0, 0,
                Capabilities.NONE, List.of(PEER_SOURCE, OURS_V6));
        assertThat(CookieContents.decode(c.encode())).contains(c);
        byte[] old = c.encode().toByteArray();
        old[0] = 2; // version 2 had no addresses
        assertThat(CookieContents.decode(Bytes.wrap(old))).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(c.encode().toByteArray(), c.encode().length() - 3);
        assertThat(CookieContents.decode(Bytes.wrap(truncated))).isEmpty();
        byte[] extra = java.util.Arrays.copyOf(c.encode().toByteArray(), c.encode().length() + 1);
        assertThat(CookieContents.decode(Bytes.wrap(extra))).isEmpty();
    }

    @Test
    void aRestartingInitThatAddsAnAddressIsAbortedListingItAndTheAssociationStaysAsItWas() {
        InitChunk first = init(List.of(AddressParameter.of(PEER_OTHER)));
        InitAckChunk ack = (InitAckChunk) responder.respond(first, 7, 5000, S, null, t -> false, PEER_SOURCE).chunks().get(0);
        Association established = Association.fromCookie(config, new SeededRandomSource(4), contentsOf(ack), S);
        assertThat(established.state()).isEqualTo(AssociationState.ESTABLISHED);
        InetAddress added = ip("192.0.2.99");

        // RFC 9260 section 5.2.2: the restart's INIT adds an address (as a parameter, or as its source)
        InitChunk restart = new InitChunk(0x1234, 65536, 10, 10, new Tsn(5),
                List.of(AddressParameter.of(PEER_OTHER), AddressParameter.of(added)));
        InitResponse r = responder.respond(restart, 7, 5000, 2 * S, established, t -> false, PEER_SOURCE);
        InitResponse fromNewSource = responder.respond(init(List.of()), 7, 5000, 2 * S, established, t -> false, added);

        assertThat(r.accepted()).isFalse();
        assertThat(r.verificationTag()).isEqualTo(0x1234); // the INIT's Initiate Tag
        assertThat(r.chunks()).containsExactly(AbortChunk.of(RestartWithNewAddressesCause.of(
                List.of(AddressParameter.of(added)))));
        assertThat(fromNewSource.chunks()).containsExactly(AbortChunk.of(RestartWithNewAddressesCause.of(
                List.of(AddressParameter.of(added)))));
        assertThat(established.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(established.peerAddresses()).containsExactly(PEER_SOURCE, PEER_OTHER);
    }

    @Test
    void aRestartingInitWithTheSameAddressesOrFewerIsAnsweredWithAnInitAck() {
        InitChunk first = init(List.of(AddressParameter.of(PEER_OTHER)));
        InitAckChunk ack = (InitAckChunk) responder.respond(first, 7, 5000, S, null, t -> false, PEER_SOURCE).chunks().get(0);
        Association established = Association.fromCookie(config, new SeededRandomSource(4), contentsOf(ack), S);

        InitResponse same = responder.respond(new InitChunk(0x1234, 65536, 10, 10, new Tsn(5),
                List.of(AddressParameter.of(PEER_OTHER))), 7, 5000, 2 * S, established, t -> false, PEER_SOURCE);
        InitResponse fewer = responder.respond(init(List.of()), 7, 5000, 2 * S, established, t -> false, PEER_OTHER);
        InitResponse unknownSource = responder.respond(init(List.of()), 7, 5000, 2 * S, established);

        assertThat(same.chunks().get(0)).isInstanceOf(InitAckChunk.class);
        assertThat(fewer.chunks().get(0)).isInstanceOf(InitAckChunk.class);
        assertThat(unknownSource.chunks().get(0)).isInstanceOf(InitAckChunk.class);
    }

    @Test
    void aMultiHomedInitWithAHostNameAddressIsAbortedWithUnresolvableAddress() {
        HostNameAddressParameter hostName = HostNameAddressParameter.of("peer.example");
        InitResponse r = responder.respond(init(List.of(AddressParameter.of(PEER_OTHER), hostName)), 7, 5000, S, null,
                t -> false, PEER_SOURCE);
        assertThat(r.accepted()).isFalse();
        assertThat(r.chunks()).containsExactly(AbortChunk.of(UnresolvableAddressCause.of(hostName)));
    }
}
