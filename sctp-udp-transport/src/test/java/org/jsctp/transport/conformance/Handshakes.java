package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.seq.Tsn;

/**
 * The four-way handshake of RFC 9260 section 5.1 played by the tester, as the side that sends the
 * INIT (the endpoint under test answers) or as the side that answers the endpoint's INIT with an
 * INIT ACK and a State Cookie of its own. Each step checks what the endpoint sent.
 */
final class Handshakes {

    /** The receiver window the tester announces unless a test says otherwise. */
    static final int WINDOW = 65536;
    /** Streams the tester asks for and accepts unless a test says otherwise. */
    static final int STREAMS = 4;

    private static final AtomicInteger IDS = new AtomicInteger();

    private Handshakes() {
    }

    /** A fresh non-zero verification tag for the tester, distinct from the ones before it. */
    static int newTag() {
        return 0x7E57_0000 + IDS.incrementAndGet();
    }

    /** A plain INIT: a new tag, {@link #WINDOW}, {@link #STREAMS} both ways, no parameters. */
    static InitChunk init() {
        return init(STREAMS, STREAMS, List.of());
    }

    static InitChunk init(int outbound, int inbound, List<Parameter> parameters) {
        return init(WINDOW, outbound, inbound, parameters);
    }

    static InitChunk init(int window, int outbound, int inbound, List<Parameter> parameters) {
        int tag = newTag();
        return new InitChunk(tag, window, outbound, inbound, new Tsn(tag * 7), parameters);
    }

    // ---- the tester sends the INIT ----

    /** INIT, INIT ACK, COOKIE ECHO, COOKIE ACK with a plain INIT. */
    static TesterAssociation connect(Tester t) {
        return connect(t, init());
    }

    static TesterAssociation connect(Tester t, InitChunk init) {
        t.send(0, init); // RFC 9260 section 8.5.1 (A): an INIT carries verification tag 0
        return echoCookie(t, init, expectInitAck(t, init));
    }

    /** The endpoint's INIT ACK to {@code init}: alone, with the INIT's tag (RFC 9260 section 5.1 B). */
    static InitAckChunk expectInitAck(Tester t, InitChunk init) {
        Received r = t.next();
        InitAckChunk ack = r.single(InitAckChunk.class);
        assertThat(r.tag()).as("vtag of the INIT ACK").isEqualTo(init.initiateTag());
        assertThat(ack.initiateTag()).as("the endpoint's Initiate Tag").isNotZero();
        return ack;
    }

    /** COOKIE ECHO with the INIT ACK's cookie, and the endpoint's COOKIE ACK (section 5.1 C and D). */
    static TesterAssociation echoCookie(Tester t, InitChunk init, InitAckChunk ack) {
        t.send(ack.initiateTag(), new CookieEchoChunk(cookieOf(ack)));
        TesterAssociation a = new TesterAssociation(t, init.initiateTag(), ack.initiateTag(), init.initialTsn(),
                ack.initialTsn());
        a.expect(CookieAckChunk.class);
        return a;
    }

    /**
     * Like {@link #connect(Tester)}, but a Stale Cookie error is answered the way RFC 9260 section
     * 5.2.6 asks of the INIT's sender: a new INIT asking for a longer cookie life, here 10 s.
     */
    static TesterAssociation connectPatiently(Tester t) {
        InitChunk init = init();
        t.send(0, init);
        InitAckChunk ack = expectInitAck(t, init);
        t.send(ack.initiateTag(), new CookieEchoChunk(cookieOf(ack)));
        TesterAssociation a = new TesterAssociation(t, init.initiateTag(), ack.initiateTag(), init.initialTsn(),
                ack.initialTsn());
        Received r = a.next();
        if (r.single(Chunk.class) instanceof ErrorChunk e
                && e.causes().stream().anyMatch(StaleCookieCause.class::isInstance)) {
            List<Parameter> longer = new ArrayList<>(init.parameters());
            longer.add(new CookiePreservativeParameter(10_000));
            return connect(t, init(STREAMS, STREAMS, longer));
        }
        r.single(CookieAckChunk.class);
        return a;
    }

    /** The State Cookie of an INIT ACK, which must have one. */
    static Bytes cookieOf(InitAckChunk ack) {
        Optional<Bytes> cookie = ack.parameters().stream().filter(StateCookieParameter.class::isInstance)
                .map(p -> ((StateCookieParameter) p).cookie()).findFirst();
        assertThat(cookie).as("State Cookie of the INIT ACK").isPresent();
        return cookie.get();
    }

    // ---- the endpoint sends the INIT ----

    /** The endpoint's INIT: alone, with verification tag 0 (RFC 9260 section 8.5.1 A). */
    static InitChunk expectInit(Tester t) {
        Received r = t.next();
        InitChunk init = r.single(InitChunk.class);
        assertThat(r.tag()).as("vtag of the INIT").isZero();
        return init;
    }

    /** An INIT ACK answering {@code init}: a new tag, {@link #WINDOW}, streams within the INIT's, a cookie. */
    static InitAckChunk initAck(InitChunk init) {
        return initAck(init, Math.min(STREAMS, init.inboundStreams()), STREAMS, List.of());
    }

    static InitAckChunk initAck(InitChunk init, int outbound, int inbound, List<Parameter> extra) {
        return initAck(init, WINDOW, outbound, inbound, extra);
    }

    /** A plain INIT ACK announcing a receiver window of {@code window} bytes. */
    static InitAckChunk initAck(InitChunk init, int window) {
        return initAck(init, window, Math.min(STREAMS, init.inboundStreams()), STREAMS, List.of());
    }

    private static InitAckChunk initAck(InitChunk init, int window, int outbound, int inbound, List<Parameter> extra) {
        int tag = newTag();
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new StateCookieParameter(TesterAssociation.bytes("tester cookie " + tag)));
        parameters.addAll(extra);
        return new InitAckChunk(tag, window, outbound, inbound, new Tsn(tag * 5), parameters);
    }

    /** Waits for the endpoint's INIT and completes the handshake with a plain INIT ACK. */
    static TesterAssociation accept(Tester t) {
        InitChunk init = expectInit(t);
        return accept(t, init, initAck(init));
    }

    /** Sends {@code ack} to the endpoint's {@code init}, expects the COOKIE ECHO, sends COOKIE ACK. */
    static TesterAssociation accept(Tester t, InitChunk init, InitAckChunk ack) {
        t.send(init.initiateTag(), ack);
        TesterAssociation a = answering(t, init, ack);
        expectCookieEcho(a, init, ack);
        a.send(CookieAckChunk.INSTANCE);
        return a;
    }

    /** The association the tester answering {@code init} with {@code ack} ends up in, before any packet is sent. */
    static TesterAssociation answering(Tester t, InitChunk init, InitAckChunk ack) {
        return new TesterAssociation(t, ack.initiateTag(), init.initiateTag(), ack.initialTsn(), init.initialTsn());
    }

    /**
     * The endpoint's COOKIE ECHO, carrying the tester's cookie unchanged (RFC 9260 section 5.1 C).
     * Copies of the endpoint's {@code init} before it are skipped: T1-init expired while the
     * tester's INIT ACK was on its way, and the endpoint ignores its answer's answer.
     */
    static void expectCookieEcho(TesterAssociation a, InitChunk init, InitAckChunk ack) {
        Received r = a.tester().next();
        while (r.tag() == 0 && r.chunks().equals(List.of(init))) {
            r = a.tester().next();
        }
        CookieEchoChunk echo = a.check(r).single(CookieEchoChunk.class);
        assertThat(echo.cookie()).as("echoed cookie").isEqualTo(cookieOf(ack));
    }
}
