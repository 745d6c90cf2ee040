package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.sim.SimHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Forged, modified, replayed and stale COOKIE ECHOs against an endpoint (RFC 9260 sections 5.1.3,
 * 5.1.5), and COOKIE ECHOs for an existing association (section 5.2.4, cases C and D; A and B are
 * in {@code CollisionTest} and the conformance suite). The endpoint is driven directly: the
 * attacker is whoever sends the INIT and so sees the INIT ACK's cookie.
 */
class CookieAttackTest {

    private static final long S = 1_000_000_000L;
    private static final int PORT = 7;
    private static final int PEER = 6000;

    private final AssociationConfig config = AttackedPair.defaults().build();
    private final SimHost host = new SimHost("server",
            new Endpoint(EndpointConfig.of(PORT, config), new SeededRandomSource(42), 0));
    private final Endpoint endpoint = host.endpoint();

    @Test
    @DisplayName("every single-bit change of a cookie, and of the COOKIE ECHO's tag, is discarded without an answer")
    void everyBitFlipOfTheCookieOrTheTagIsDiscarded() {
        InitChunk init = init(0x1111);
        InitAckChunk ack = initAck(init, 0);
        byte[] cookie = cookieOf(ack).toByteArray();
        for (int bit = 0; bit < cookie.length * 8; bit++) {
            byte[] flipped = cookie.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            Endpoint.Outcome o = echo(ack.initiateTag(), Bytes.wrap(flipped), 1);
            assertThat(o).as("cookie bit %d flipped", bit).isInstanceOf(Endpoint.Outcome.Discarded.class);
        }
        for (int bit = 0; bit < 32; bit++) {
            Endpoint.Outcome o = echo(ack.initiateTag() ^ (1 << bit), Bytes.wrap(cookie), 1);
            assertThat(o).as("tag bit %d flipped", bit).isInstanceOf(Endpoint.Outcome.Discarded.class);
        }
        // Cookies of other lengths and random bytes of the right length are not ours either.
        for (int length : new int[] {0, 1, 20, cookie.length - 1, cookie.length + 1, 512}) {
            assertThat(echo(ack.initiateTag(), Bytes.wrap(new byte[length]), 1))
                    .isInstanceOf(Endpoint.Outcome.Discarded.class);
        }
        assertThat(host.associations()).isEmpty();

        assertThat(echo(ack.initiateTag(), Bytes.wrap(cookie), 1)).isInstanceOf(Endpoint.Outcome.Accepted.class);
    }

    @Test
    @DisplayName("a cookie past its life gets a Stale Cookie error, one sealed with a retired secret is discarded")
    void staleAndRetiredCookiesMakeNoAssociation() {
        InitAckChunk ack = initAck(init(0x2222), 0);
        long life = config.validCookieLifeNanos();
        Endpoint.Outcome stale = echo(ack.initiateTag(), cookieOf(ack), life + S);
        assertThat(stale).isInstanceOf(Endpoint.Outcome.Reply.class);
        var reply = ((Endpoint.Outcome.Reply) stale).packet();
        assertThat(reply.verificationTag()).isEqualTo(0x2222);
        assertThat(reply.chunks()).singleElement().isInstanceOfSatisfying(ErrorChunk.class,
                e -> assertThat(e.causes()).singleElement().isInstanceOf(StaleCookieCause.class));

        // Two rotations later (10 minutes each by default) the secret that sealed it is gone.
        assertThat(echo(ack.initiateTag(), cookieOf(ack), 700 * S)).isInstanceOf(Endpoint.Outcome.Reply.class);
        Endpoint.Outcome retired = echo(ack.initiateTag(), cookieOf(ack), 1300 * S);
        assertThat(retired).isInstanceOfSatisfying(Endpoint.Outcome.Discarded.class,
                d -> assertThat(d.why()).contains("retired secret"));
        assertThat(host.associations()).isEmpty();
    }

    @Test
    @DisplayName("a COOKIE ECHO replayed within the cookie's life after its association was aborted does not re-create it")
    void aReplayedCookieAfterAbortIsRefused() {
        InitAckChunk ack = initAck(init(0x3333), 0);
        deliverEcho(ack.initiateTag(), cookieOf(ack), S);
        Association a = host.associations().get(0);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        a.abort("test ends it");
        host.drainOutbox();
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);

        Endpoint.Outcome replay = echo(ack.initiateTag(), cookieOf(ack), 2 * S);
        assertThat(replay).isInstanceOfSatisfying(Endpoint.Outcome.Discarded.class,
                d -> assertThat(d.why()).contains("already used"));
        assertThat(endpoint.usedCookiesHeld()).isEqualTo(1);

        // Once the cookie could no longer be valid anyway the memory lets go of it: the replay is stale.
        Endpoint.Outcome late = echo(ack.initiateTag(), cookieOf(ack), endpoint.config().maxCookieLifeNanos() + 2 * S);
        assertThat(late).isInstanceOf(Endpoint.Outcome.Reply.class);
        long later = endpoint.config().maxCookieLifeNanos() + 3 * S;
        InitAckChunk next = initAck(init(0x3334), later);
        deliverEcho(next.initiateTag(), cookieOf(next), later); // the next used cookie prunes the expired one
        assertThat(endpoint.usedCookiesHeld()).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 9260 5.2.4 case D: a repeated COOKIE ECHO for the living association gets COOKIE ACK and changes nothing")
    void caseDRepeatedCookieEchoIsAnsweredWithCookieAck() {
        InitAckChunk ack = initAck(init(0x4444), 0);
        deliverEcho(ack.initiateTag(), cookieOf(ack), S);
        Association a = host.associations().get(0);
        int localTag = a.localTag();

        Endpoint.Outcome again = echo(ack.initiateTag(), cookieOf(ack), 2 * S);
        assertThat(again).isInstanceOf(Endpoint.Outcome.Answered.class);
        assertThat(a.pollTransmit().chunks()).containsExactly(CookieAckChunk.INSTANCE);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(a.localTag()).isEqualTo(localTag);
        assertThat(a.peerTag()).isEqualTo(0x4444);
        assertThat(host.associations()).hasSize(1);
    }

    @Test
    @DisplayName("RFC 9260 5.2.4 case C: the cookie of an earlier INIT ACK to the same INIT is discarded; the association is untouched")
    void caseCOldCookieOfAnEarlierAttemptIsDiscarded() {
        InitChunk init = init(0x5555);
        InitAckChunk first = initAck(init, 0);
        InitAckChunk second = initAck(init, S); // the INIT retransmitted: a new local tag, no tie-tags
        assertThat(second.initiateTag()).isNotEqualTo(first.initiateTag());
        deliverEcho(second.initiateTag(), cookieOf(second), 2 * S);
        Association a = host.associations().get(0);

        Endpoint.Outcome old = echo(first.initiateTag(), cookieOf(first), 3 * S);
        assertThat(old).isInstanceOfSatisfying(Endpoint.Outcome.Discarded.class,
                d -> assertThat(d.why()).contains("5.2.4 C"));
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(a.localTag()).isEqualTo(second.initiateTag());
        assertThat(host.associations()).hasSize(1);
    }

    // ---- helpers ----

    private static InitChunk init(int tag) {
        return new InitChunk(tag, 65536, 4, 4, new Tsn(tag * 3), List.of());
    }

    /** Sends {@code init} at {@code now} and returns the endpoint's INIT ACK. */
    private InitAckChunk initAck(InitChunk init, long now) {
        Endpoint.Outcome o = endpoint.handlePacket(packet(0, init), now, host);
        assertThat(o).isInstanceOf(Endpoint.Outcome.Reply.class);
        return (InitAckChunk) ((Endpoint.Outcome.Reply) o).packet().chunks().get(0);
    }

    private Endpoint.Outcome echo(int tag, Bytes cookie, long now) {
        return endpoint.handlePacket(packet(tag, new CookieEchoChunk(cookie)), now, host);
    }

    /** A COOKIE ECHO through the host, as the transport routes it: a valid one registers the association. */
    private void deliverEcho(int tag, Bytes cookie, long now) {
        host.receive(PacketEncoder.toByteArray(packet(tag, new CookieEchoChunk(cookie))), now);
        host.drainOutbox();
    }

    private static SctpPacket packet(int tag, Chunk chunk) {
        return new SctpPacket(CommonHeader.of(PEER, PORT, tag), List.of(chunk));
    }

    private static Bytes cookieOf(InitAckChunk ack) {
        Optional<Bytes> c = ack.parameters().stream().filter(StateCookieParameter.class::isInstance)
                .map(p -> ((StateCookieParameter) p).cookie()).findFirst();
        assertThat(c).isPresent();
        return c.get();
    }
}
