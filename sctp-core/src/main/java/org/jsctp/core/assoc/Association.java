package org.jsctp.core.assoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.timer.Timers;

/**
 * One SCTP association, sans-IO (see docs/ARCHITECTURE.md): it is given packets, timer expiries
 * and user calls, each with the current time, and it hands out packets to send
 * ({@link #pollTransmit()}), events ({@link #pollEvent()}) and the time it next wants to be woken
 * ({@link #nextDeadline()}).
 *
 * <p>This version runs the handshake of RFC 9260 section 5.1 on both sides and ABORT; data
 * transfer and shutdown are being added.
 */
public final class Association {

    private final AssociationConfig config;
    private final int localPort;
    private final int peerPort;
    private final int localTag;
    private final Tsn localInitialTsn;
    private final ArrayDeque<OutgoingPacket> transmits = new ArrayDeque<>();
    private final ArrayDeque<AssociationEvent> events = new ArrayDeque<>();
    private final Timers timers = new Timers();
    private final Timer t1Init;
    private final Timer t1Cookie;

    private AssociationState state;
    private int peerTag;
    private Tsn peerInitialTsn;
    private int peerReceiverWindow;
    private int outboundStreams;
    private int inboundStreams;
    private Capabilities capabilities = Capabilities.NONE;
    private InitChunk sentInit;
    private CookieEchoChunk sentCookieEcho;

    private Association(AssociationConfig config, int localPort, int peerPort, int localTag, Tsn localInitialTsn) {
        this.config = config;
        this.localPort = localPort;
        this.peerPort = peerPort;
        this.localTag = localTag;
        this.localInitialTsn = localInitialTsn;
        // RFC 9260 section 5.1 (A) and (C): T1 starts at RTO.Initial, backs off per section 6.3.3,
        // and gives up after Max.Init.Retransmits retransmissions.
        this.t1Init = timers.add(new Timer("T1-init", config.rtoInitialNanos(), config.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, config.maxInitRetransmits()));
        this.t1Cookie = timers.add(new Timer("T1-cookie", config.rtoInitialNanos(), config.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, config.maxInitRetransmits()));
    }

    /**
     * Starts an association to a peer (RFC 9260 section 5.1 step A): sends INIT and waits in
     * COOKIE-WAIT.
     */
    public static Association connect(AssociationConfig config, RandomSource random, int localPort, int peerPort,
                                      long nowNanos) {
        Association a = new Association(config, localPort, peerPort, random.nextNonZeroInt(), new Tsn(random.nextInt()));
        List<Parameter> parameters = new ArrayList<>(config.capabilities().toParameters());
        a.sentInit = new InitChunk(a.localTag, config.receiveBufferBytes(), config.outboundStreams(),
                config.maxInboundStreams(), a.localInitialTsn, parameters);
        a.state = AssociationState.COOKIE_WAIT;
        a.send(0, a.sentInit); // RFC 9260 section 8.5.1 (A): an INIT carries verification tag 0
        a.t1Init.start(nowNanos);
        return a;
    }

    /**
     * Builds the association a valid COOKIE ECHO describes (RFC 9260 section 5.1.5 step 4): it is
     * ESTABLISHED at once and answers with COOKIE ACK.
     */
    public static Association fromCookie(AssociationConfig config, CookieContents cookie, long nowNanos) {
        Association a = new Association(config, cookie.localPort(), cookie.peerPort(), cookie.localTag(),
                cookie.localInitialTsn());
        a.peerTag = cookie.peerTag();
        a.peerInitialTsn = cookie.peerInitialTsn();
        a.peerReceiverWindow = cookie.peerReceiverWindow();
        a.outboundStreams = cookie.outboundStreams();
        a.inboundStreams = cookie.inboundStreams();
        a.capabilities = cookie.capabilities();
        a.state = AssociationState.ESTABLISHED;
        a.send(a.peerTag, CookieAckChunk.INSTANCE);
        a.events.add(new AssociationEvent.CommunicationUp(a.outboundStreams, a.inboundStreams));
        return a;
    }

    /** Handles a packet the endpoint routed to this association. */
    public void handlePacket(SctpPacket packet, long nowNanos) {
        if (state == AssociationState.CLOSED) {
            return;
        }
        CommonHeader header = packet.header();
        for (Chunk chunk : packet.chunks()) {
            if (!acceptsTag(header.verificationTag(), chunk)) {
                return; // RFC 9260 section 8.5: silently discard the packet
            }
            if (chunk instanceof InitAckChunk initAck) {
                onInitAck(initAck, nowNanos);
            } else if (chunk instanceof CookieAckChunk) {
                onCookieAck();
            } else if (chunk instanceof AbortChunk abort) {
                onAbort(abort);
                return; // nothing after an ABORT is processed (section 6.10 and 8.5.1 (B))
            }
            if (state == AssociationState.CLOSED) {
                return;
            }
        }
    }

    /**
     * The endpoint found a valid COOKIE ECHO whose tags both match this association (RFC 9260
     * section 5.2.4 case D): enter ESTABLISHED if not there yet and acknowledge it again.
     */
    void onRepeatedCookieEcho(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != localTag || cookie.peerTag() != peerTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        if (state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED) {
            t1Init.stop();
            t1Cookie.stop();
            state = AssociationState.ESTABLISHED;
            events.add(new AssociationEvent.CommunicationUp(outboundStreams, inboundStreams));
        }
        send(peerTag, CookieAckChunk.INSTANCE);
    }

    /** Handles the timers whose deadlines have passed at {@code nowNanos}. */
    public void handleTimeout(long nowNanos) {
        for (Timer t : timers.due(nowNanos)) {
            Timer.Expiry expiry = t.expire(nowNanos);
            if (t == t1Init) {
                onT1Expiry(expiry, sentInit, 0, "INIT");
            } else if (t == t1Cookie) {
                onT1Expiry(expiry, sentCookieEcho, peerTag, "COOKIE ECHO");
            }
        }
    }

    /** Aborts the association (RFC 9260 section 9.1), telling the peer why. */
    public void abort(String reason) {
        if (state == AssociationState.CLOSED) {
            return;
        }
        if (state != AssociationState.COOKIE_WAIT) {
            send(peerTag, AbortChunk.of(UserInitiatedAbortCause.of(reason)));
        }
        close("aborted by the user: " + reason, List.of());
    }

    /** The next packet to send, or null. */
    public OutgoingPacket pollTransmit() {
        return transmits.poll();
    }

    /** The next event for the user, or null. */
    public AssociationEvent pollEvent() {
        return events.poll();
    }

    /** When {@link #handleTimeout} should next be called, or {@link Timer#NEVER}. */
    public long nextDeadline() {
        return timers.nextDeadline();
    }

    public AssociationState state() {
        return state;
    }

    public int localTag() {
        return localTag;
    }

    public int peerTag() {
        return peerTag;
    }

    public int localPort() {
        return localPort;
    }

    public int peerPort() {
        return peerPort;
    }

    /** Streams we may send on, once established. */
    public int outboundStreams() {
        return outboundStreams;
    }

    /** Streams the peer may send on, once established. */
    public int inboundStreams() {
        return inboundStreams;
    }

    /** The extensions both sides support. */
    public Capabilities capabilities() {
        return capabilities;
    }

    public AssociationConfig config() {
        return config;
    }

    /** The peer's Initial TSN, once known. */
    public Tsn peerInitialTsn() {
        return peerInitialTsn;
    }

    /** The peer's last advertised receiver window. */
    public int peerReceiverWindow() {
        return peerReceiverWindow;
    }

    /** Checks that the state is consistent; for tests, after every step. */
    public void checkInvariants() {
        boolean handshaking = state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED;
        if (t1Init.isRunning() && state != AssociationState.COOKIE_WAIT) {
            throw new IllegalStateException("T1-init runs in " + state);
        }
        if (t1Cookie.isRunning() && state != AssociationState.COOKIE_ECHOED) {
            throw new IllegalStateException("T1-cookie runs in " + state);
        }
        if (state == AssociationState.CLOSED && timers.nextDeadline() != Timer.NEVER) {
            throw new IllegalStateException("timers run on a closed association");
        }
        if (!handshaking && state != AssociationState.CLOSED && (outboundStreams < 1 || inboundStreams < 1)) {
            throw new IllegalStateException("established without streams");
        }
    }

    /**
     * RFC 9260 section 8.5 and 8.5.1: which verification tag a chunk must arrive with. An INIT ACK
     * and every other chunk carry our tag; an ABORT may carry the peer's with the T bit set.
     */
    private boolean acceptsTag(int tag, Chunk chunk) {
        if (chunk instanceof AbortChunk abort) {
            // RFC 9260 section 8.5.1 (B): ours, or the peer's when the T bit says it was reflected.
            return abort.reflectedTag() ? peerTag != 0 && tag == peerTag : tag == localTag;
        }
        return tag == localTag;
    }

    /** RFC 9260 section 5.1 step C: the INIT ACK in COOKIE-WAIT. */
    private void onInitAck(InitAckChunk initAck, long nowNanos) {
        if (state != AssociationState.COOKIE_WAIT) {
            return; // RFC 9260 section 5.2.3: an unexpected INIT ACK is discarded
        }
        // RFC 9260 section 3.3.3: zero streams or tag are errors that end the attempt.
        if (initAck.outboundStreams() == 0 || initAck.inboundStreams() == 0 || initAck.initiateTag() == 0) {
            send(initAck.initiateTag(), AbortChunk.of(ProtocolViolationCause.of("INIT ACK with zero tag or streams")));
            close("peer's INIT ACK announces zero streams or a zero tag", List.of());
            return;
        }
        Bytes cookie = null;
        List<UnknownParameter> toReport = new ArrayList<>(0);
        for (Parameter p : initAck.parameters()) {
            if (p instanceof StateCookieParameter c) {
                cookie = c.cookie();
            } else if (p instanceof UnknownParameter u && u.action().reports()) {
                toReport.add(u); // RFC 9260 section 3.2.2: reported in an ERROR with the COOKIE ECHO
            }
        }
        if (cookie == null) {
            // RFC 9260 section 5.1 (C) and 3.3.10.2: the State Cookie is mandatory.
            send(initAck.initiateTag(), AbortChunk.of(new MissingMandatoryParameterCause(List.of(ParameterType.STATE_COOKIE))));
            close("peer's INIT ACK has no State Cookie", List.of());
            return;
        }
        t1Init.stop();
        peerTag = initAck.initiateTag();
        peerInitialTsn = initAck.initialTsn();
        peerReceiverWindow = initAck.advertisedReceiverWindowCredit();
        // RFC 9260 section 5.1.1: send on no more streams than the peer accepts, and so on.
        outboundStreams = Math.min(config.outboundStreams(), initAck.inboundStreams());
        inboundStreams = Math.min(config.maxInboundStreams(), initAck.outboundStreams());
        capabilities = config.capabilities().commonWith(Capabilities.offeredIn(initAck.parameters()));
        sentCookieEcho = new CookieEchoChunk(cookie);
        state = AssociationState.COOKIE_ECHOED;
        if (toReport.isEmpty()) {
            send(peerTag, sentCookieEcho);
        } else {
            // RFC 9260 section 3.2.2 and 6.10: COOKIE ECHO first, the ERROR bundled after it.
            transmits.add(new OutgoingPacket(localPort, peerPort, peerTag,
                    List.of(sentCookieEcho, ErrorChunk.of(UnrecognizedParametersCause.of(toReport)))));
        }
        t1Cookie.start(nowNanos);
    }

    /** RFC 9260 section 5.1 step E: the COOKIE ACK in COOKIE-ECHOED. */
    private void onCookieAck() {
        if (state != AssociationState.COOKIE_ECHOED) {
            return; // RFC 9260 section 5.2.5: discarded in any other state
        }
        t1Cookie.stop();
        state = AssociationState.ESTABLISHED;
        events.add(new AssociationEvent.CommunicationUp(outboundStreams, inboundStreams));
    }

    private void onAbort(AbortChunk abort) {
        close("aborted by the peer" + describe(abort.causes()), abort.causes());
    }

    private void onT1Expiry(Timer.Expiry expiry, Chunk chunk, int tag, String what) {
        if (expiry == Timer.Expiry.RESTARTED) {
            send(tag, chunk); // RFC 9260 section 6.3.3 and 5.1: retransmit and back off
        } else if (expiry == Timer.Expiry.LIMIT_REACHED) {
            close(what + " was retransmitted " + config.maxInitRetransmits() + " times without answer", List.of());
        }
    }

    private void close(String reason, List<ErrorCause> causes) {
        state = AssociationState.CLOSED;
        timers.stopAll();
        events.add(new AssociationEvent.CommunicationLost(reason, causes));
    }

    private void send(int tag, Chunk chunk) {
        transmits.add(new OutgoingPacket(localPort, peerPort, tag, List.of(chunk)));
    }

    private static String describe(List<ErrorCause> causes) {
        if (causes.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(": ");
        for (int i = 0; i < causes.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(causes.get(i).describe());
        }
        return b.toString();
    }
}
