package org.jsctp.core.assoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.MissingMandatoryParameterCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.packet.UnrecognizedAction;
import org.jsctp.core.packet.cause.InvalidStreamIdentifierCause;
import org.jsctp.core.packet.cause.NoUserDataCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.PadChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.CookiePreservativeParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.path.HeartbeatOutcome;
import org.jsctp.core.path.HeartbeatTimeout;
import org.jsctp.core.path.Path;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PathEvent;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.timer.Timers;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.RtoEstimator;
import org.jsctp.core.tx.SendQueue;

/**
 * One SCTP association, sans-IO (see docs/ARCHITECTURE.md): it is given packets, timer expiries
 * and user calls, each with the current time, and it hands out packets to send
 * ({@link #pollTransmit()}), events ({@link #pollEvent()}) and the time it next wants to be woken
 * ({@link #nextDeadline()}).
 *
 * <p>It runs the handshake (RFC 9260 section 5.1), data transfer with SACKs, retransmission and
 * congestion control on one path (sections 6 and 7), graceful shutdown (section 9.2) and ABORT.
 * The data halves are {@link DataSender} and {@link DataReceiver}.
 */
public final class Association {

    /**
     * Stands for the peer's address while an association has a single path: the transport knows
     * the address; the core needs it only once several paths are told apart (multi-homing).
     */
    private static final Object SINGLE_PATH = "single path";

    private final AssociationConfig config;
    private final int localPort;
    private final int peerPort;
    private int localTag;
    private Tsn localInitialTsn;
    private final ArrayDeque<OutgoingPacket> transmits = new ArrayDeque<>();
    private final ArrayDeque<AssociationEvent> events = new ArrayDeque<>();
    private final Timers timers = new Timers();
    private final Timer t1Init;
    private final Timer t1Cookie;
    private final Timer t3Rtx;
    private final Timer delayedSack;
    private final Timer t2Shutdown;
    private final Timer t5ShutdownGuard;
    private final RtoEstimator rto;
    private final Path path;
    private final RandomSource random;
    private DataSender sender;
    private DataReceiver receiver;
    private long undeliveredBytes;
    private int errorCount;
    private Chunk lastShutdownChunk;

    private AssociationState state;
    private int peerTag;
    private Tsn peerInitialTsn;
    private int peerReceiverWindow;
    private int outboundStreams;
    private int inboundStreams;
    private Capabilities capabilities = Capabilities.NONE;
    private InitChunk sentInit;
    private CookieEchoChunk sentCookieEcho;
    private long cookieEchoSentAtNanos;
    private int staleCookieRetries;

    private Association(AssociationConfig config, RandomSource random, int localPort, int peerPort, int localTag,
                        Tsn localInitialTsn) {
        this.config = config;
        this.random = random;
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
        // One path for now (multi-homing adds more): it owns the RTO, the error counter and heartbeats.
        this.path = new Path(0, SINGLE_PATH, new PathConfig(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos(),
                config.pathMaxRetransmits(), config.heartbeatIntervalNanos(), config.pathMtu(),
                PathConfig.DEFAULT_REMEMBERED_HEARTBEATS));
        this.rto = path.rto();
        // RFC 9260 section 6.3.2: T3-rtx runs for the RTO, set at each start; its backoff lives in the estimator.
        this.t3Rtx = timers.add(new Timer("T3-rtx", config.rtoInitialNanos(), config.rtoMaxNanos(),
                Timer.Backoff.NONE, false, -1));
        this.delayedSack = timers.add(new Timer("delayed-SACK", config.delayedAckNanos(), config.delayedAckNanos(),
                Timer.Backoff.NONE, false, -1));
        // RFC 9260 section 9.2: T2-shutdown uses the RTO with backoff, bounded by Association.Max.Retrans.
        this.t2Shutdown = timers.add(new Timer("T2-shutdown", config.rtoInitialNanos(), config.rtoMaxNanos(),
                Timer.Backoff.EXPONENTIAL, true, config.associationMaxRetransmits()));
        // RFC 9260 section 9.2: T5-shutdown-guard bounds the whole shutdown; 5 times RTO.Max is suggested.
        this.t5ShutdownGuard = timers.add(new Timer("T5-shutdown-guard", 5 * config.rtoMaxNanos(),
                5 * config.rtoMaxNanos(), Timer.Backoff.NONE, false, -1));
    }

    /**
     * Starts an association to a peer (RFC 9260 section 5.1 step A): sends INIT and waits in
     * COOKIE-WAIT.
     */
    public static Association connect(AssociationConfig config, RandomSource random, int localPort, int peerPort,
                                      long nowNanos) {
        Association a = new Association(config, random, localPort, peerPort, random.nextNonZeroInt(),
                new Tsn(random.nextInt()));
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
    public static Association fromCookie(AssociationConfig config, RandomSource random, CookieContents cookie,
                                         long nowNanos) {
        Association a = new Association(config, random, cookie.localPort(), cookie.peerPort(), cookie.localTag(),
                cookie.localInitialTsn());
        a.adoptPeer(cookie);
        a.state = AssociationState.ESTABLISHED;
        a.startDataTransfer();
        a.startPath(nowNanos);
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
        boolean carriedData = false;
        boolean immediate = false;
        List<ErrorCause> unrecognized = new ArrayList<>(0);
        for (Chunk chunk : packet.chunks()) {
            if (!acceptsTag(header.verificationTag(), chunk)) {
                return; // RFC 9260 section 8.5: silently discard the packet
            }
            if (chunk instanceof DataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                onData(receiver == null ? null : receiver.onData(data), data.userData().isEmpty(), data.tsn(),
                        data.streamId());
            } else if (chunk instanceof IDataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                onData(receiver == null ? null : receiver.onIData(data), data.userData().isEmpty(), data.tsn(),
                        data.streamId());
            } else if (chunk instanceof SackChunk sack) {
                onSack(sack, nowNanos);
            } else if (chunk instanceof InitAckChunk initAck) {
                onInitAck(initAck, nowNanos);
            } else if (chunk instanceof CookieAckChunk) {
                onCookieAck(nowNanos);
            } else if (chunk instanceof HeartbeatAckChunk ack) {
                onHeartbeatAck(ack, nowNanos);
            } else if (chunk instanceof HeartbeatChunk heartbeat) {
                send(peerTag, heartbeat.ack()); // RFC 9260 section 8.3: echo the info unchanged
            } else if (chunk instanceof ShutdownChunk shutdown) {
                onShutdown(shutdown, nowNanos);
            } else if (chunk instanceof ShutdownAckChunk) {
                onShutdownAck();
            } else if (chunk instanceof ShutdownCompleteChunk) {
                onShutdownComplete();
            } else if (chunk instanceof ErrorChunk error) {
                onError(error, nowNanos);
            } else if (chunk instanceof AbortChunk abort) {
                onAbort(abort);
                return; // nothing after an ABORT is processed (section 6.10 and 8.5.1 (B))
            } else if (!isIgnoredHere(chunk)) {
                // RFC 9260 section 3.2: a chunk type we do not process here, known to the codec or
                // not, is treated by the two high bits of its type.
                UnrecognizedAction action = UnrecognizedAction.ofChunkType(chunk.type());
                if (action.reports()) {
                    unrecognized.add(UnrecognizedChunkTypeCause.of(chunk));
                }
                if (!action.continues()) {
                    break; // stop processing the packet; chunks before this one still count
                }
            }
            if (state == AssociationState.CLOSED) {
                return;
            }
        }
        if (!unrecognized.isEmpty()) {
            send(peerTag, new ErrorChunk(false, false, unrecognized));
        }
        if (carriedData && receiver != null) {
            receiver.onDataPacketEnd(immediate, nowNanos);
            deliverMessages();
            if (state == AssociationState.SHUTDOWN_SENT) {
                // RFC 9260 section 9.2: DATA in SHUTDOWN-SENT is answered with SHUTDOWN, and T2 restarts.
                send(peerTag, lastShutdownChunk = new ShutdownChunk(receiver.cumulativeTsnAck()));
                t2Shutdown.start(nowNanos);
            }
        }
        progressShutdown(nowNanos);
        flush(nowNanos);
    }

    /**
     * Queues a user message (RFC 9260 section 10.1 SEND). Refused, with the reason, when the
     * association is not established, the stream does not exist, the message is empty or too
     * large, or the send buffer is full (back-pressure: nothing is dropped silently).
     */
    public SendQueue.OfferResult send(OutgoingMessage message, long nowNanos) {
        if (sender == null || (state != AssociationState.ESTABLISHED && state != AssociationState.COOKIE_ECHOED)) {
            throw new IllegalStateException("cannot send in state " + state);
        }
        SendQueue.OfferResult r = sender.offer(message, nowNanos);
        if (r == SendQueue.OfferResult.ACCEPTED && state == AssociationState.ESTABLISHED) {
            flush(nowNanos);
        }
        return r;
    }

    /**
     * Starts a graceful shutdown (RFC 9260 section 9.2): no new data is accepted, what is queued
     * and in flight is delivered, then SHUTDOWN, SHUTDOWN ACK and SHUTDOWN COMPLETE close it.
     */
    public void shutdown(long nowNanos) {
        if (state == AssociationState.ESTABLISHED) {
            state = AssociationState.SHUTDOWN_PENDING;
            progressShutdown(nowNanos);
            flush(nowNanos);
        } else if (state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED) {
            close("shut down before it was established", List.of());
        }
    }

    /** Bytes accepted by {@link #send} that the peer has not acknowledged yet. */
    public long bufferedAmount() {
        return sender == null ? 0 : sender.bufferedAmount();
    }

    /** The congestion window of the path, for statistics. */
    public long cwnd() {
        return sender == null ? 0 : sender.cwnd();
    }

    /** The current RTO of the path. */
    public long rtoNanos() {
        return rto.rtoNanos();
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
            startPath(nowNanos);
            events.add(new AssociationEvent.CommunicationUp(outboundStreams, inboundStreams));
        }
        send(peerTag, CookieAckChunk.INSTANCE);
    }

    /**
     * RFC 9260 section 5.2.4 case B: a valid cookie with our tag but a new peer tag, the result of
     * an initialization collision (section 5.2.1). The association takes the peer's new tag and
     * initial TSN from the cookie, enters ESTABLISHED and acknowledges.
     */
    void onCollisionCookie(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != localTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        boolean wasUp = state != AssociationState.COOKIE_WAIT && state != AssociationState.COOKIE_ECHOED;
        if (wasUp) {
            // Already up with another peer tag: the cookie is an old one of the collision; repeat the ack.
            send(peerTag, CookieAckChunk.INSTANCE);
            return;
        }
        t1Init.stop();
        t1Cookie.stop();
        adoptPeer(cookie);
        state = AssociationState.ESTABLISHED;
        startDataTransfer();
        startPath(nowNanos);
        send(peerTag, CookieAckChunk.INSTANCE);
        events.add(new AssociationEvent.CommunicationUp(outboundStreams, inboundStreams));
        flush(nowNanos);
    }

    /**
     * RFC 9260 section 5.2.4 case A: the peer restarted. Everything queued or in flight is
     * dropped (and reported), the association takes the cookie's tags, TSNs and streams, answers
     * with COOKIE ACK and tells the user (SCTP_RESTART). The caller re-keys it under its new tag.
     */
    void restart(CookieContents cookie, long nowNanos) {
        List<OutgoingMessage> lost = sender == null ? List.of() : sender.clearUnsent();
        timers.stopAll();
        localTag = cookie.localTag();
        localInitialTsn = cookie.localInitialTsn();
        adoptPeer(cookie);
        state = AssociationState.ESTABLISHED;
        undeliveredBytes = 0;
        errorCount = 0;
        startDataTransfer();
        if (path.isStarted()) {
            path.stop();
        }
        startPath(nowNanos);
        send(peerTag, CookieAckChunk.INSTANCE);
        events.add(new AssociationEvent.Restarted(outboundStreams, inboundStreams, lost.size()));
    }

    private void adoptPeer(CookieContents cookie) {
        peerTag = cookie.peerTag();
        peerInitialTsn = cookie.peerInitialTsn();
        peerReceiverWindow = cookie.peerReceiverWindow();
        outboundStreams = cookie.outboundStreams();
        inboundStreams = cookie.inboundStreams();
        capabilities = cookie.capabilities();
    }

    /** Handles the timers whose deadlines have passed at {@code nowNanos}. */
    public void handleTimeout(long nowNanos) {
        for (Timer t : timers.due(nowNanos)) {
            Timer.Expiry expiry = t.expire(nowNanos);
            if (t == t1Init) {
                onT1Expiry(expiry, sentInit, 0, "INIT");
            } else if (t == t1Cookie) {
                onT1Expiry(expiry, sentCookieEcho, peerTag, "COOKIE ECHO");
            } else if (t == t3Rtx && expiry != Timer.Expiry.NOT_DUE) {
                onT3Expiry(nowNanos);
            } else if (t == delayedSack && expiry != Timer.Expiry.NOT_DUE && receiver != null) {
                receiver.onDelayedSackTimer();
            } else if (t == t5ShutdownGuard && expiry != Timer.Expiry.NOT_DUE) {
                send(peerTag, AbortChunk.of(ProtocolViolationCause.of("shutdown did not complete")));
                close("the shutdown did not complete within the T5-shutdown-guard time", List.of());
            } else if (t == t2Shutdown) {
                if (expiry == Timer.Expiry.RESTARTED) {
                    send(peerTag, lastShutdownChunk); // section 9.2: retransmit SHUTDOWN or SHUTDOWN ACK
                } else if (expiry == Timer.Expiry.LIMIT_REACHED) {
                    send(peerTag, AbortChunk.of(ProtocolViolationCause.of("shutdown not answered")));
                    close("the peer did not answer the shutdown", List.of());
                }
            }
            if (state == AssociationState.CLOSED) {
                return;
            }
        }
        heartbeat(nowNanos);
        if (state == AssociationState.CLOSED) {
            return;
        }
        flush(nowNanos);
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

    /**
     * The next event for the user, or null. Taking a received message frees its bytes in the
     * receive window (RFC 9260 section 6.2: a_rwnd follows what the application has read).
     */
    public AssociationEvent pollEvent() {
        AssociationEvent e = events.poll();
        if (e instanceof AssociationEvent.MessageReceived m) {
            undeliveredBytes -= m.message().payload().length();
        }
        return e;
    }

    /** When {@link #handleTimeout} should next be called, or {@link Timer#NEVER}. */
    public long nextDeadline() {
        long next = timers.nextDeadline();
        if (path.isStarted() && state != AssociationState.CLOSED) {
            next = Math.min(next, path.nextHeartbeatDeadline());
        }
        return next;
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

    /** Our Initial TSN. */
    public Tsn localInitialTsn() {
        return localInitialTsn;
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
        if (undeliveredBytes < 0) {
            throw new IllegalStateException("negative undelivered bytes: " + undeliveredBytes);
        }
        if (state != AssociationState.CLOSED && sender != null) {
            sender.checkInvariants();
            receiver.checkInvariants();
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
        if (chunk instanceof ShutdownCompleteChunk complete) {
            // RFC 9260 section 8.5.1 (C): the same rule for SHUTDOWN COMPLETE.
            return complete.reflectedTag() ? tag == peerTag : tag == localTag;
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
        if (sender == null) {
            startDataTransfer();
        } else {
            // A second INIT ACK after a stale cookie (section 5.2.6): keep what the user queued,
            // but receive from the peer's new initial TSN.
            receiver = new DataReceiver(config, peerInitialTsn, inboundStreams, capabilities.interleaving(), delayedSack);
        }
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
        cookieEchoSentAtNanos = nowNanos;
    }

    /** RFC 9260 section 5.1 step E: the COOKIE ACK in COOKIE-ECHOED. */
    private void onCookieAck(long nowNanos) {
        if (state != AssociationState.COOKIE_ECHOED) {
            return; // RFC 9260 section 5.2.5: discarded in any other state
        }
        t1Cookie.stop();
        state = AssociationState.ESTABLISHED;
        startPath(nowNanos);
        events.add(new AssociationEvent.CommunicationUp(outboundStreams, inboundStreams));
    }

    private void onError(ErrorChunk error, long nowNanos) {
        if (state == AssociationState.COOKIE_ECHOED) {
            for (ErrorCause cause : error.causes()) {
                if (cause instanceof StaleCookieCause) {
                    onStaleCookie(nowNanos);
                    return;
                }
            }
        }
        events.add(new AssociationEvent.RemoteError(error.causes()));
    }

    /**
     * RFC 9260 section 5.2.6: our cookie reached the peer too late. Start over with a new INIT
     * asking for a longer cookie life: the round trip just measured plus one second, no more.
     */
    private void onStaleCookie(long nowNanos) {
        t1Cookie.stop();
        if (++staleCookieRetries > config.maxInitRetransmits()) {
            close("the peer found our State Cookie stale " + staleCookieRetries + " times", List.of());
            return;
        }
        long rttMillis = Math.max(0, (nowNanos - cookieEchoSentAtNanos) / 1_000_000L);
        List<Parameter> parameters = new ArrayList<>(sentInit.parameters().size() + 1);
        for (Parameter p : sentInit.parameters()) {
            if (!(p instanceof CookiePreservativeParameter)) {
                parameters.add(p);
            }
        }
        parameters.add(new CookiePreservativeParameter(rttMillis + 1000));
        sentInit = new InitChunk(sentInit.initiateTag(), sentInit.advertisedReceiverWindowCredit(),
                sentInit.outboundStreams(), sentInit.inboundStreams(), sentInit.initialTsn(), parameters);
        state = AssociationState.COOKIE_WAIT;
        send(0, sentInit);
        t1Init.start(nowNanos);
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
        stopPath();
        events.add(new AssociationEvent.CommunicationLost(reason, causes));
    }

    /**
     * Chunks that reach an association but need nothing from it: INIT and COOKIE ECHO are the
     * endpoint's (it saw them first), PAD only fills a packet (RFC 4820 section 3).
     */
    private static boolean isIgnoredHere(Chunk chunk) {
        return chunk instanceof InitChunk || chunk instanceof CookieEchoChunk || chunk instanceof PadChunk;
    }

    private void startPath(long nowNanos) {
        if (!path.isConfirmed()) {
            path.confirm(); // RFC 9260 section 5.4: the handshake confirmed the address it used
        }
        if (!path.isStarted()) {
            path.start(nowNanos, random);
        }
    }

    private void stopPath() {
        if (path.isStarted()) {
            path.stop();
        }
    }

    /** RFC 9260 sections 8.1 and 8.3: heartbeat timeouts count as errors; idle paths are probed. */
    private void heartbeat(long nowNanos) {
        if (!path.isStarted()) {
            return;
        }
        HeartbeatTimeout t = path.checkHeartbeatTimeout(nowNanos);
        notePathEvent(t.event());
        if (t.unanswered() && ++errorCount > config.associationMaxRetransmits()) {
            send(peerTag, AbortChunk.of(ProtocolViolationCause.of("heartbeats not answered")));
            close("the peer stopped answering heartbeats", List.of());
            return;
        }
        if (path.heartbeatDue(nowNanos)) {
            send(peerTag, path.heartbeatToSend(nowNanos, random));
        }
    }

    private void onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        if (!path.isStarted()) {
            return;
        }
        HeartbeatOutcome outcome = path.onHeartbeatAck(ack, nowNanos);
        if (outcome.accepted()) {
            errorCount = 0; // RFC 9260 section 8.3: an answered heartbeat clears the error counter
            notePathEvent(outcome.event());
        }
    }

    private void notePathEvent(PathEvent e) {
        if (e == PathEvent.BECAME_INACTIVE || e == PathEvent.BECAME_ACTIVE) {
            events.add(new AssociationEvent.PeerAddressChange(e == PathEvent.BECAME_ACTIVE));
        }
    }

    private void startDataTransfer() {
        receiver = new DataReceiver(config, peerInitialTsn, inboundStreams, capabilities.interleaving(), delayedSack);
        sender = new DataSender(config, localInitialTsn, outboundStreams, Integer.toUnsignedLong(peerReceiverWindow),
                capabilities.interleaving(), rto, t3Rtx);
    }

    private void onData(DataReceiver.Outcome outcome, boolean empty, Tsn tsn, int streamId) {
        if (empty) {
            // RFC 9260 section 6.2: a DATA chunk without user data ends the association.
            send(peerTag, AbortChunk.of(new NoUserDataCause(tsn)));
            close("the peer sent a DATA chunk without user data (TSN " + tsn + ")", List.of());
            return;
        }
        if (outcome == null) {
            return; // DATA before the handshake's data halves exist: ignored
        }
        switch (outcome) {
            case INVALID_STREAM:
                send(peerTag, ErrorChunk.of(new InvalidStreamIdentifierCause(streamId))); // section 6.5
                break;
            case PROTOCOL_VIOLATION:
                send(peerTag, AbortChunk.of(ProtocolViolationCause.of("inconsistent fragments at TSN " + tsn)));
                close("the peer's DATA fragments contradict each other (TSN " + tsn + ")", List.of());
                break;
            default:
                break;
        }
    }

    private void deliverMessages() {
        for (ReceivedMessage m; (m = receiver.poll()) != null; ) {
            undeliveredBytes += m.payload().length();
            events.add(new AssociationEvent.MessageReceived(m));
        }
    }

    private void onSack(SackChunk sack, long nowNanos) {
        if (sender == null || state == AssociationState.COOKIE_WAIT) {
            return;
        }
        DataSender.SackEffect effect = sender.onSack(sack, nowNanos);
        if (effect.protocolViolation()) {
            // RFC 9260 section 6.2.1: acknowledging TSNs never sent is a protocol violation.
            send(peerTag, AbortChunk.of(ProtocolViolationCause.of("SACK acknowledges TSNs never sent")));
            close("the peer acknowledged data we never sent", List.of());
            return;
        }
        if (effect.newDataAcked()) {
            errorCount = 0; // section 8.1: an acknowledgement clears the association error counter
            notePathEvent(path.onNewDataAcked());
        }
        if (effect.fastRetransmitNow()) {
            transmitData(nowNanos, true); // section 7.2.4 step 3: one packet, regardless of cwnd
        }
    }

    private void onT3Expiry(long nowNanos) {
        notePathEvent(path.onRetransmissionTimeout()); // section 8.2, and the RTO backoff of 6.3.3 E2
        // RFC 9260 section 8.1: each T3-rtx expiry counts against Association.Max.Retrans.
        if (++errorCount > config.associationMaxRetransmits()) {
            send(peerTag, AbortChunk.of(ProtocolViolationCause.of("retransmission limit reached")));
            close("data was retransmitted " + config.associationMaxRetransmits() + " times without acknowledgement",
                    List.of());
            return;
        }
        sender.onT3Expiry(nowNanos);
    }

    private void onShutdown(ShutdownChunk shutdown, long nowNanos) {
        if (sender == null || state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED) {
            return; // RFC 9260 section 9.2: a SHUTDOWN before the association is up is discarded
        }
        // RFC 9260 section 9.2: the Cumulative TSN Ack of a SHUTDOWN acknowledges like a SACK.
        onSack(sender.sackFromCumulativeAck(shutdown.cumulativeTsnAck()), nowNanos);
        if (state == AssociationState.ESTABLISHED || state == AssociationState.SHUTDOWN_PENDING) {
            state = AssociationState.SHUTDOWN_RECEIVED;
            events.add(new AssociationEvent.PeerShutdown());
        } else if (state == AssociationState.SHUTDOWN_SENT) {
            // Both sides shut down at once: answer with SHUTDOWN ACK (section 9.2).
            state = AssociationState.SHUTDOWN_RECEIVED;
        }
    }

    private void onShutdownAck() {
        if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
            // RFC 9260 section 9.2: stop T2, send SHUTDOWN COMPLETE, and the association is gone.
            send(peerTag, new ShutdownCompleteChunk(false));
            finishShutdown();
        }
    }

    private void onShutdownComplete() {
        if (state == AssociationState.SHUTDOWN_ACK_SENT) {
            finishShutdown();
        }
    }

    private void finishShutdown() {
        state = AssociationState.CLOSED;
        timers.stopAll();
        stopPath();
        events.add(new AssociationEvent.ShutdownComplete());
    }

    /** Moves a pending shutdown on once everything we sent has been acknowledged (section 9.2). */
    private void progressShutdown(long nowNanos) {
        if (sender == null || !sender.isIdle()) {
            return;
        }
        if (state == AssociationState.SHUTDOWN_PENDING) {
            state = AssociationState.SHUTDOWN_SENT;
            lastShutdownChunk = new ShutdownChunk(receiver.cumulativeTsnAck());
            send(peerTag, lastShutdownChunk);
            t3Rtx.stop();
            stopPath(); // RFC 9260 section 8.3: no heartbeats once SHUTDOWN is sent
            t2Shutdown.setDuration(rto.rtoNanos(), config.rtoMaxNanos());
            t2Shutdown.start(nowNanos);
            t5ShutdownGuard.start(nowNanos);
        } else if (state == AssociationState.SHUTDOWN_RECEIVED) {
            state = AssociationState.SHUTDOWN_ACK_SENT;
            lastShutdownChunk = ShutdownAckChunk.INSTANCE;
            send(peerTag, lastShutdownChunk);
            stopPath();
            t2Shutdown.setDuration(rto.rtoNanos(), config.rtoMaxNanos());
            t2Shutdown.start(nowNanos);
        }
    }

    /**
     * Sends what is due: a SACK if one is, then DATA as cwnd, the peer's window and Max.Burst
     * allow, each packet filled to the path MTU (RFC 9260 sections 6.1 and 6.10).
     */
    private void flush(long nowNanos) {
        if (receiver == null || state == AssociationState.CLOSED || state == AssociationState.COOKIE_WAIT) {
            return;
        }
        boolean mayCarryData = state == AssociationState.ESTABLISHED || state == AssociationState.SHUTDOWN_PENDING
                || state == AssociationState.SHUTDOWN_RECEIVED;
        if (mayCarryData) {
            sender.beginTransmission(nowNanos);
            transmitData(nowNanos, false);
        }
        if (receiver.isSackDueNow()) {
            send(peerTag, receiver.createSack(undeliveredBytes));
        }
        progressShutdown(nowNanos);
    }

    /** Sends packets of DATA (with a due SACK bundled first) until nothing more may go. */
    private void transmitData(long nowNanos, boolean fastRetransmitOnce) {
        int budget = config.pathMtu() - CommonHeader.LENGTH;
        boolean fast = fastRetransmitOnce;
        while (true) {
            List<Chunk> chunks = new ArrayList<>();
            int space = budget;
            if (receiver.isSackDueNow()) {
                SackChunk sack = receiver.createSack(undeliveredBytes);
                chunks.add(sack); // RFC 9260 section 6.10: control chunks come first
                space -= sack.encodedLength();
            }
            List<Chunk> data = sender.nextChunks(nowNanos, space, fast);
            chunks.addAll(data);
            if (!data.isEmpty()) {
                path.onDataSent(nowNanos); // the path is not idle (section 8.3)
            }
            if (!chunks.isEmpty()) {
                transmits.add(new OutgoingPacket(localPort, peerPort, peerTag, chunks));
            }
            if (data.isEmpty() || fast) {
                return;
            }
        }
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
