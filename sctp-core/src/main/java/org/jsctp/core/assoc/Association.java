package org.jsctp.core.assoc;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.UnrecognizedAction;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.InvalidStreamIdentifierCause;
import org.jsctp.core.packet.cause.NoUserDataCause;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.cause.StaleCookieCause;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.PadChunk;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.path.HeartbeatOutcome;
import org.jsctp.core.path.HeartbeatTimeout;
import org.jsctp.core.path.Path;
import org.jsctp.core.path.PathConfig;
import org.jsctp.core.path.PathEvent;
import org.jsctp.core.rx.AbortedPartialDelivery;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.PrPolicy;
import org.jsctp.core.tx.SendQueue;
import org.jsctp.core.tx.StreamSchedulerKind;
import org.jsctp.core.tx.StreamSchedulerValues;

/**
 * One SCTP association, sans-IO (see docs/ARCHITECTURE.md): it is given packets, timer expiries
 * and user calls, each with the current time, and it hands out packets to send
 * ({@link #pollTransmit()}), events ({@link #pollEvent()}) and the time it next wants to be woken
 * ({@link #nextDeadline()}).
 *
 * <p>This class dispatches chunks and ties the parts together: the {@link Tcb} they share, the
 * {@link Handshake}, {@link DataSender} and {@link DataReceiver}, the {@link Path} with its
 * heartbeats, and the {@link ShutdownProcedure}.
 */
public final class Association {

    /**
     * Stands for the peer's address while an association has a single path: the transport knows
     * the address; the core needs it only once several paths are told apart (multi-homing).
     */
    private static final Object SINGLE_PATH = "single path";

    private final Tcb tcb;
    private final Handshake handshake;
    private final ShutdownProcedure shutdown;
    private final Path path;
    private final Timer t3Rtx;
    private final Timer delayedSack;
    private DataSender sender;
    private DataReceiver receiver;
    private long undeliveredBytes;
    private int errorCount;
    private final AssociationCounters counters = new AssociationCounters();
    private boolean manualReadCredit;
    private long bufferedAmountLowThreshold;
    private boolean noDelay;
    private final StreamReconfiguration reconfig;
    private final StreamSchedulerValues schedulerValues;
    /** The DATA chunks of the packet being bundled, reused for every packet (transmitData). */
    private final ArrayList<Chunk> bundlingScratch = new ArrayList<>();

    private Association(Tcb tcb) {
        this.tcb = tcb;
        AssociationConfig c = tcb.config;
        this.handshake = new Handshake(tcb);
        // One path for now (multi-homing adds more): it owns the RTO, the error counter and heartbeats.
        this.path = new Path(0, SINGLE_PATH, new PathConfig(c.rtoInitialNanos(), c.rtoMinNanos(), c.rtoMaxNanos(),
                c.pathMaxRetransmits(), c.heartbeatIntervalNanos(), c.pathMtu(), PathConfig.DEFAULT_REMEMBERED_HEARTBEATS));
        // RFC 9260 section 6.3.2: T3-rtx runs for the RTO, set at each start; its backoff lives in the estimator.
        this.t3Rtx = tcb.timers.add(new Timer("T3-rtx", c.rtoInitialNanos(), c.rtoMaxNanos(), Timer.Backoff.NONE,
                false, -1));
        this.delayedSack = tcb.timers.add(new Timer("delayed-SACK", c.delayedAckNanos(), c.delayedAckNanos(),
                Timer.Backoff.NONE, false, -1));
        this.shutdown = new ShutdownProcedure(tcb);
        this.noDelay = c.noDelay();
        this.reconfig = new StreamReconfiguration(tcb, () -> sender, () -> receiver, this::endReceiving);
        this.schedulerValues = new StreamSchedulerValues(c.streamScheduler());
    }

    /**
     * Starts an association to a peer (RFC 9260 section 5.1 step A): sends INIT and waits in
     * COOKIE-WAIT.
     */
    public static Association connect(AssociationConfig config, RandomSource random, int localPort, int peerPort,
                                      long nowNanos) {
        Association a = new Association(new Tcb(config, random, localPort, peerPort, random.nextNonZeroInt(),
                new Tsn(random.nextInt())));
        a.handshake.start(nowNanos);
        return a;
    }

    /**
     * Builds the association a valid COOKIE ECHO describes (RFC 9260 section 5.1.5 step 4): it is
     * ESTABLISHED at once and answers with COOKIE ACK.
     */
    public static Association fromCookie(AssociationConfig config, RandomSource random, CookieContents cookie,
                                         long nowNanos) {
        Association a = new Association(new Tcb(config, random, cookie.localPort(), cookie.peerPort(),
                cookie.localTag(), cookie.localInitialTsn()));
        a.tcb.adoptPeer(cookie);
        a.startDataTransfer();
        a.established(nowNanos);
        a.tcb.sendToPeer(CookieAckChunk.INSTANCE);
        return a;
    }

    /** Handles a packet the endpoint routed to this association. */
    public void handlePacket(SctpPacket packet, long nowNanos) {
        if (tcb.state == AssociationState.CLOSED) {
            return;
        }
        if (!ZeroChecksumRules.admits(tcb, packet)) {
            return; // RFC 9653 section 5.3: a zero checksum we did not announce is a wrong checksum
        }
        counters.onPacketReceived(packet);
        if (bundlesALoneChunk(packet.chunks())) {
            return;
        }
        int tag = packet.header().verificationTag();
        boolean carriedData = false;
        boolean immediate = false;
        List<ErrorCause> unrecognized = new ArrayList<>(0);
        for (Chunk chunk : packet.chunks()) {
            if (!acceptsTag(tag, chunk)) {
                return; // RFC 9260 section 8.5: silently discard the packet
            }
            if (chunk instanceof DataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                counters.onDataChunkReceived(data.userData().length());
                onData(receiver == null || reconfig.holdsBack(data.streamId(), data.tsn()) ? null
                        : receiver.onData(data, undeliveredBytes), data.userData().isEmpty(), data.tsn(),
                        data.streamId());
            } else if (chunk instanceof IDataChunk data) {
                carriedData = true;
                immediate |= data.immediate();
                counters.onDataChunkReceived(data.userData().length());
                onData(receiver == null || reconfig.holdsBack(data.streamId(), data.tsn()) ? null
                        : receiver.onIData(data, undeliveredBytes), data.userData().isEmpty(), data.tsn(),
                        data.streamId());
            } else if ((chunk instanceof ForwardTsnChunk || chunk instanceof IForwardTsnChunk) && receiver != null
                    && tcb.capabilities.forwardTsn()) {
                // RFC 3758 section 3.6: for SACKs, a FORWARD TSN counts as a DATA chunk.
                carriedData = true;
                immediate |= onForwardTsn(chunk);
            } else if (chunk instanceof SackChunk sack) {
                counters.onSackReceived();
                onSack(sack, nowNanos);
            } else if (chunk instanceof InitAckChunk initAck) {
                onHandshakeStep(handshake.onInitAck(initAck, nowNanos), nowNanos);
            } else if (chunk instanceof CookieAckChunk) {
                onHandshakeStep(handshake.onCookieAck(), nowNanos);
            } else if (chunk instanceof HeartbeatAckChunk ack) {
                onHeartbeatAck(ack, nowNanos);
            } else if (chunk instanceof HeartbeatChunk heartbeat) {
                tcb.sendToPeer(heartbeat.ack()); // RFC 9260 section 8.3: echo the info unchanged
            } else if (chunk instanceof ShutdownChunk s) {
                onShutdown(s, nowNanos);
            } else if (chunk instanceof ShutdownAckChunk) {
                if (tcb.isHandshaking()) {
                    // RFC 9260 section 8.5.1 (E): during the handshake a SHUTDOWN ACK is out of the
                    // blue, answered with SHUTDOWN COMPLETE with the T bit and its tag (section 8.4 rule 5).
                    tcb.send(tag, new ShutdownCompleteChunk(true));
                    return;
                }
                onShutdownStep(shutdown.onShutdownAck());
            } else if (chunk instanceof ShutdownCompleteChunk) {
                onShutdownStep(shutdown.onShutdownComplete());
            } else if (chunk instanceof ReconfigChunk r && tcb.capabilities.streamReconfig()) {
                reconfig.onChunk(r, nowNanos); // RFC 6525 section 5
            } else if (chunk instanceof ErrorChunk error) {
                onError(error, nowNanos);
            } else if (chunk instanceof AbortChunk abort) {
                close("aborted by the peer" + describe(abort.causes()), abort.causes());
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
            if (tcb.state == AssociationState.CLOSED) {
                return;
            }
        }
        if (!unrecognized.isEmpty()) {
            tcb.sendToPeer(new ErrorChunk(false, false, unrecognized));
        }
        if (carriedData && receiver != null) {
            receiver.onDataPacketEnd(immediate, nowNanos);
            deliverMessages();
            if (shutdown.answersDataWithShutdown()) {
                // RFC 9260 section 9.2: the SHUTDOWN acknowledges the DATA; a SACK goes with it only
                // when gaps or duplicates are to be reported. Either way no SACK is left pending.
                SackChunk sack = receiver.createSack(undeliveredBytes);
                boolean needed = !sack.gapAckBlocks().isEmpty() || !sack.duplicateTsns().isEmpty();
                shutdown.answerData(receiver.cumulativeTsnAck(), needed ? sack : null, nowNanos);
            }
        }
        flush(nowNanos);
    }

    /**
     * Queues a user message (RFC 9260 section 10.1 SEND). Refused, with the reason, when the
     * stream does not exist, the message is empty or too large, or the send buffer is full
     * (back-pressure: nothing is dropped silently). A message without a PR-SCTP policy gets the
     * configured {@link AssociationConfig#defaultPrPolicy()}; messages PR-SCTP abandons are handed
     * back in {@link AssociationEvent.SendFailed} events whose reason starts with "abandoned".
     *
     * @throws IllegalStateException when the association is not (about to be) established
     */
    public SendQueue.OfferResult send(OutgoingMessage message, long nowNanos) {
        if (sender == null || (tcb.state != AssociationState.ESTABLISHED && tcb.state != AssociationState.COOKIE_ECHOED)) {
            throw new IllegalStateException("cannot send in state " + tcb.state);
        }
        PrPolicy policy = tcb.config.defaultPrPolicy();
        if (policy.isPartiallyReliable() && !message.isPartiallyReliable()) {
            message = message.withPolicy(policy, nowNanos); // RFC 7496 section 4.3: SCTP_DEFAULT_PRINFO
        }
        SendQueue.OfferResult r = sender.offer(message, nowNanos);
        if (r == SendQueue.OfferResult.ACCEPTED && tcb.state == AssociationState.ESTABLISHED) {
            flush(nowNanos);
        }
        return r;
    }

    /**
     * Starts a graceful shutdown (RFC 9260 section 9.2): no new data is accepted, what is queued
     * and in flight is delivered, then SHUTDOWN, SHUTDOWN ACK and SHUTDOWN COMPLETE close it.
     */
    public void shutdown(long nowNanos) {
        if (tcb.isHandshaking()) {
            close("shut down before it was established", List.of());
            return;
        }
        shutdown.requested();
        flush(nowNanos);
    }

    /** Aborts the association (RFC 9260 section 9.1), telling the peer why. */
    public void abort(String reason) {
        if (tcb.state == AssociationState.CLOSED) {
            return;
        }
        if (tcb.state != AssociationState.COOKIE_WAIT) {
            tcb.sendToPeer(AbortChunk.of(UserInitiatedAbortCause.of(reason)));
        }
        close("aborted by the user: " + reason, List.of());
    }

    /** Handles the timers whose deadlines have passed at {@code nowNanos}. */
    public void handleTimeout(long nowNanos) {
        for (Timer t : tcb.timers.due(nowNanos)) {
            Timer.Expiry expiry = t.expire(nowNanos);
            if (handshake.owns(t)) {
                onHandshakeStep(handshake.onT1Expiry(t, expiry), nowNanos);
            } else if (shutdown.owns(t)) {
                if (shutdown.onTimer(t, expiry) == ShutdownProcedure.Step.FAILED) {
                    tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("shutdown not completed")));
                    close(shutdown.failure(), List.of());
                }
            } else if (t == t3Rtx && expiry != Timer.Expiry.NOT_DUE) {
                onT3Expiry(nowNanos);
            } else if (t == delayedSack && expiry != Timer.Expiry.NOT_DUE && receiver != null) {
                receiver.onDelayedSackTimer();
            } else if (reconfig.owns(t) && expiry != Timer.Expiry.NOT_DUE) {
                // RFC 6525 section 5.1.1: RE-CONFIG timer expiries count toward Association.Max.Retrans.
                if (reconfig.expiryCountsAsError() && ++errorCount > tcb.config.associationMaxRetransmits()) {
                    tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("retransmission limit reached")));
                    close("a RE-CONFIG request was retransmitted " + tcb.config.associationMaxRetransmits()
                            + " times without an answer", List.of());
                } else {
                    reconfig.retransmit();
                }
            }
            if (tcb.state == AssociationState.CLOSED) {
                return;
            }
        }
        heartbeat(nowNanos);
        flush(nowNanos);
    }

    /** The next packet to send, or null. */
    public OutgoingPacket pollTransmit() {
        OutgoingPacket p = tcb.transmits.poll();
        if (p != null) {
            counters.onPacketSent(p);
        }
        return p;
    }

    /**
     * The next event for the user, or null. Taking a received message, or a piece of one, frees
     * its bytes in the receive window (RFC 9260 section 6.2: a_rwnd follows what the application
     * has read).
     */
    public AssociationEvent pollEvent() {
        AssociationEvent e = tcb.events.poll();
        if (e instanceof AssociationEvent.MessageReceived m && !manualReadCredit) {
            creditRead(m.message().payload().length());
        }
        return e;
    }

    /**
     * Makes the receive window follow the application's reads instead of {@link #pollEvent()}:
     * from now on a message handed out by {@code pollEvent} still counts against a_rwnd until
     * {@link #onUserRead} says the application took it (RFC 9260 section 6.2: the window is the
     * buffer space not yet consumed by the upper layer). For a layer that queues messages for the
     * application, such as a socket-like API; call it before the first {@code pollEvent}.
     */
    public void setManualReadCredit(boolean manual) {
        this.manualReadCredit = manual;
    }

    /** Whether {@link #setManualReadCredit} is on. */
    public boolean isManualReadCredit() {
        return manualReadCredit;
    }

    /**
     * The application read {@code bytes} of user data handed out by {@link #pollEvent()} (one or
     * several messages at once): the window opens by as much, and a window update goes to the
     * peer when it is worth a packet (RFC 9260 section 6.2). Only with manual read credit. Bytes of
     * messages from before a restart (RFC 9260 section 5.2.4 case A) may be credited after it; the
     * count then stops at zero.
     */
    public void onUserRead(long bytes, long nowNanos) {
        if (!manualReadCredit) {
            throw new IllegalStateException("the window is credited by pollEvent(); call setManualReadCredit(true) first");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count: " + bytes);
        }
        creditRead(bytes);
    }

    private void creditRead(long bytes) {
        undeliveredBytes = Math.max(0, undeliveredBytes - bytes);
        if (receiver != null && tcb.state != AssociationState.CLOSED
                && receiver.windowUpdateWorthSending(undeliveredBytes, tcb.config.pathMtu())) {
            tcb.sendToPeer(receiver.createSack(undeliveredBytes)); // a window update (section 6.2)
        }
    }

    /**
     * Sets the level at or below which a drop of {@link #bufferedAmount()} raises
     * {@link AssociationEvent.BufferedAmountLow}; 0 (the default) raises it when everything is
     * acknowledged. May be changed at any time.
     */
    public void setBufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative threshold: " + bytes);
        }
        this.bufferedAmountLowThreshold = bytes;
    }

    /** The level of {@link #setBufferedAmountLowThreshold}. */
    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    /**
     * Turns Nagle's algorithm off ({@code true}) or on while the association lives (SCTP_NODELAY,
     * RFC 6458 section 8.1.5); the next transmission follows it.
     */
    public void setNoDelay(boolean noDelay) {
        this.noDelay = noDelay;
        if (sender != null) {
            sender.setNoDelay(noDelay);
        }
    }

    /**
     * Sets one outbound stream's scheduler parameter while the association lives
     * (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260 section 4.3.2): its priority with
     * {@link StreamSchedulerKind#PRIO}, its weight with {@link StreamSchedulerKind#WFQ}; other
     * schedulers keep it but do not use it. It applies from the next scheduling decision on.
     *
     * @param streamId the outbound stream, 0..65535
     * @param value the priority (lower first) or weight (1..65535), 0..65535
     * @throws IllegalArgumentException if out of range for the scheduler, or the stream is not
     *     below the outbound streams agreed
     */
    public void setStreamSchedulerValue(int streamId, int value) {
        if (sender != null && streamId >= tcb.outboundStreams) {
            throw new IllegalArgumentException("no such outbound stream: " + streamId);
        }
        schedulerValues.set(streamId, value);
        if (sender != null) {
            sender.setStreamSchedulerValue(streamId, value);
        }
    }

    /**
     * A stream's scheduler parameter as last set.
     *
     * @param streamId the outbound stream
     * @return the value, or the scheduler's default (see {@link StreamSchedulerKind#defaultStreamValue()})
     */
    public int streamSchedulerValue(int streamId) {
        return schedulerValues.get(streamId);
    }

    /** Whether Nagle's algorithm is off. */
    public boolean noDelay() {
        return noDelay;
    }

    /** Changes HB.interval of the path (RFC 9260 section 8.3, RFC 6458 section 8.1.12 spp_hbinterval). */
    public void setHeartbeatInterval(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("HB.interval must be positive: " + intervalNanos);
        }
        path.setHeartbeatInterval(intervalNanos);
    }

    /** HB.interval of the path. */
    public long heartbeatIntervalNanos() {
        return path.heartbeatIntervalNanos();
    }

    /**
     * Resets the SSNs (MIDs with I-DATA) of our outbound streams, all of them when
     * {@code streams} is empty (RFC 6525 section 5.1.2, Outgoing SSN Reset Request). New messages
     * on them wait in the queue until the reset is done; the request goes once all their sent
     * data is acknowledged. The outcome comes as an {@link AssociationEvent.StreamReset}.
     *
     * @param streams the outbound stream numbers, or none for all
     * @param nowNanos the current time
     * @return whether the request was started, or why not
     */
    public ReconfigRequestStatus resetStreams(int[] streams, long nowNanos) {
        return reconfigured(reconfig.resetStreams(streams, false), nowNanos);
    }

    /**
     * Asks the peer to reset its outbound streams, our inbound ones (RFC 6525 section 5.1.3,
     * Incoming SSN Reset Request); the outcome comes as an {@link AssociationEvent.StreamReset}.
     *
     * @param streams the inbound stream numbers, or none for all
     * @param nowNanos the current time
     * @return whether the request was started, or why not
     */
    public ReconfigRequestStatus resetIncomingStreams(int[] streams, long nowNanos) {
        return reconfigured(reconfig.resetStreams(streams, true), nowNanos);
    }

    /**
     * Resets both directions' TSNs and every stream (RFC 6525 section 5.1.4, SSN/TSN Reset
     * Request), once all our sent data is acknowledged; the outcome comes as an
     * {@link AssociationEvent.AssociationReset}.
     *
     * @param nowNanos the current time
     * @return whether the request was started, or why not
     */
    public ReconfigRequestStatus resetAssociation(long nowNanos) {
        return reconfigured(reconfig.resetAssociation(), nowNanos);
    }

    /**
     * Adds outbound streams and asks the peer to add inbound ones (RFC 6525 sections 5.1.5 and
     * 5.1.6); the outcome comes as an {@link AssociationEvent.StreamChange}.
     *
     * @param outgoing outbound streams to add, 0 or more
     * @param incoming inbound streams to ask for, 0 or more
     * @param nowNanos the current time
     * @return whether the request was started, or why not
     */
    public ReconfigRequestStatus addStreams(int outgoing, int incoming, long nowNanos) {
        return reconfigured(reconfig.addStreams(outgoing, incoming), nowNanos);
    }

    /**
     * Whether the peer's stream reconfiguration requests are performed or answered "Denied"
     * (SCTP_ENABLE_STREAM_RESET, RFC 6525 section 6.3.1), while the association lives.
     *
     * @param accept true to perform them
     */
    public void setAcceptStreamReconfig(boolean accept) {
        reconfig.setAccept(accept);
    }

    /**
     * Whether the peer's stream reconfiguration requests are performed.
     *
     * @return true when accepted, false when denied
     */
    public boolean acceptsStreamReconfig() {
        return reconfig.accepts();
    }

    private ReconfigRequestStatus reconfigured(ReconfigRequestStatus status, long nowNanos) {
        if (status == ReconfigRequestStatus.STARTED) {
            flush(nowNanos);
        }
        return status;
    }

    /** Bytes {@link #send} accepts now before refusing with {@code REFUSED_BUFFER_FULL}; 0 before data transfer starts. */
    public long sendBufferAvailable() {
        return sender == null ? 0 : sender.sendBufferAvailable();
    }

    /** A snapshot of the counters and of the path (RFC 6458 section 8.2.2 SCTP_STATUS). */
    public AssociationStatistics statistics() {
        long rwnd = sender == null ? Integer.toUnsignedLong(tcb.peerReceiverWindow) : sender.peerWindow();
        PathStatistics p = new PathStatistics(path.id(), path.state(), path.rto().srttNanos(), path.rto().rtoNanos(),
                cwnd(), sender == null ? 0 : sender.ssthresh(), path.mtu());
        return counters.snapshot(rwnd, bufferedAmount(), List.of(p));
    }

    /** When {@link #handleTimeout} should next be called, or {@link Timer#NEVER}. */
    public long nextDeadline() {
        long next = tcb.timers.nextDeadline();
        if (path.isStarted() && tcb.state != AssociationState.CLOSED) {
            next = Math.min(next, path.nextHeartbeatDeadline());
        }
        return next;
    }

    public AssociationState state() {
        return tcb.state;
    }

    public int localTag() {
        return tcb.localTag;
    }

    public int peerTag() {
        return tcb.peerTag;
    }

    public int localPort() {
        return tcb.localPort;
    }

    public int peerPort() {
        return tcb.peerPort;
    }

    /** Streams we may send on, once established. */
    public int outboundStreams() {
        return tcb.outboundStreams;
    }

    /** Streams the peer may send on, once established. */
    public int inboundStreams() {
        return tcb.inboundStreams;
    }

    /** The extensions both sides support. */
    public Capabilities capabilities() {
        return tcb.capabilities;
    }

    public AssociationConfig config() {
        return tcb.config;
    }

    /** Our Initial TSN. */
    public Tsn localInitialTsn() {
        return tcb.localInitialTsn;
    }

    /** The peer's Initial TSN, once known. */
    public Tsn peerInitialTsn() {
        return tcb.peerInitialTsn;
    }

    /** The peer's receiver window as announced at setup. */
    public int peerReceiverWindow() {
        return tcb.peerReceiverWindow;
    }

    /** Bytes accepted by {@link #send} that the peer has not acknowledged yet. */
    public long bufferedAmount() {
        return sender == null ? 0 : sender.bufferedAmount();
    }

    /**
     * User-data bytes held on the receiving side: fragments and messages in reassembly, bounded
     * by the configured receive buffer, plus messages handed out as events but not yet taken
     * with {@link #pollEvent()}.
     */
    public long receivedBufferedAmount() {
        return (receiver == null ? 0 : receiver.reassemblyBytes()) + undeliveredBytes;
    }

    /** The congestion window of the path, for statistics. */
    public long cwnd() {
        return sender == null ? 0 : sender.cwnd();
    }

    /** The current RTO of the path. */
    public long rtoNanos() {
        return path.rto().rtoNanos();
    }

    /** Checks that the state is consistent; for tests, after every step. */
    public void checkInvariants() {
        handshake.checkInvariants();
        AssociationState state = tcb.state;
        if (state == AssociationState.CLOSED && nextDeadline() != Timer.NEVER) {
            throw new IllegalStateException("timers run on a closed association");
        }
        if (!tcb.isHandshaking() && state != AssociationState.CLOSED && (tcb.outboundStreams < 1 || tcb.inboundStreams < 1)) {
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
     * The endpoint found a valid COOKIE ECHO whose tags both match this association (RFC 9260
     * section 5.2.4 case D): enter ESTABLISHED if not there yet and acknowledge it again.
     */
    void onRepeatedCookieEcho(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != tcb.localTag || cookie.peerTag() != tcb.peerTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        if (tcb.isHandshaking()) {
            handshake.stop();
            established(nowNanos);
        }
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
    }

    /**
     * RFC 9260 section 5.2.4 case B: a valid cookie with our tag but a new peer tag, the result of
     * an initialization collision (section 5.2.1). The association takes the peer's new tag and
     * initial TSN from the cookie, enters ESTABLISHED and acknowledges.
     */
    void onCollisionCookie(CookieContents cookie, long nowNanos) {
        if (cookie.localTag() != tcb.localTag) {
            throw new IllegalArgumentException("cookie of another association");
        }
        if (tcb.isHandshaking()) {
            handshake.stop();
            tcb.adoptPeer(cookie);
            startDataTransfer();
            established(nowNanos);
        }
        // Already up with another peer tag, the cookie is an old one of the collision: ack it again.
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
        flush(nowNanos);
    }

    /**
     * RFC 9260 section 5.2.4 case A: the peer restarted. Everything queued or in flight is
     * dropped (and reported), the association takes the cookie's tags, TSNs and streams, answers
     * with COOKIE ACK and tells the user (SCTP_RESTART). The caller re-keys it under its new tag.
     */
    void restart(CookieContents cookie, long nowNanos) {
        endReceiving();
        List<OutgoingMessage> lost = sender == null ? List.of() : sender.clearUnsent();
        tcb.timers.stopAll();
        stopPath();
        tcb.localTag = cookie.localTag();
        tcb.localInitialTsn = cookie.localInitialTsn();
        tcb.adoptPeer(cookie);
        // undeliveredBytes stays: messages handed out before the restart still wait in the event queue.
        errorCount = 0;
        startDataTransfer();
        tcb.state = AssociationState.ESTABLISHED;
        startPath(nowNanos);
        tcb.sendToPeer(CookieAckChunk.INSTANCE);
        tcb.emit(new AssociationEvent.Restarted(tcb.outboundStreams, tcb.inboundStreams, lost.size()));
    }

    /**
     * RFC 9260 section 8.5 and 8.5.1: which verification tag a chunk must arrive with. Every chunk
     * carries our tag; an ABORT or SHUTDOWN COMPLETE may carry the peer's with the T bit set.
     */
    private boolean acceptsTag(int tag, Chunk chunk) {
        if (chunk instanceof AbortChunk abort) {
            return abort.reflectedTag() ? tcb.peerTag != 0 && tag == tcb.peerTag : tag == tcb.localTag; // (B)
        }
        if (chunk instanceof ShutdownCompleteChunk complete) {
            return complete.reflectedTag() ? tag == tcb.peerTag : tag == tcb.localTag; // (C)
        }
        return tag == tcb.localTag;
    }

    /**
     * RFC 9260 section 6.10: INIT ACK and SHUTDOWN COMPLETE must travel alone. A packet that bundles
     * one with other chunks is malformed and discarded whole, as the endpoint does with a bundled
     * INIT: neither the handshake step nor the chunks riding along are taken.
     */
    private static boolean bundlesALoneChunk(List<Chunk> chunks) {
        return chunks.size() > 1
                && chunks.stream().anyMatch(c -> c instanceof InitAckChunk || c instanceof ShutdownCompleteChunk);
    }

    /**
     * Chunks that reach an association but need nothing from it: INIT and COOKIE ECHO are the
     * endpoint's (it saw them first), PAD only fills a packet (RFC 4820 section 3).
     */
    private static boolean isIgnoredHere(Chunk chunk) {
        return chunk instanceof InitChunk || chunk instanceof CookieEchoChunk || chunk instanceof PadChunk;
    }

    private void onHandshakeStep(Handshake.Step step, long nowNanos) {
        switch (step) {
            case COOKIE_ECHOED:
                if (sender == null) {
                    startDataTransfer();
                } else {
                    // A second INIT ACK after a stale cookie (section 5.2.6): keep what the user
                    // queued, but receive from the peer's new initial TSN.
                    receiver = new DataReceiver(tcb.config, tcb.peerInitialTsn, tcb.inboundStreams,
                            tcb.capabilities.interleaving(), delayedSack);
                }
                break;
            case ESTABLISHED:
                established(nowNanos);
                break;
            case FAILED:
                close(handshake.failure(), List.of());
                break;
            default:
                break;
        }
    }

    /** Entering ESTABLISHED: the path is confirmed and heartbeats start; the user is told. */
    private void established(long nowNanos) {
        tcb.state = AssociationState.ESTABLISHED;
        startPath(nowNanos);
        tcb.emit(new AssociationEvent.CommunicationUp(tcb.outboundStreams, tcb.inboundStreams));
    }

    private void onError(ErrorChunk error, long nowNanos) {
        for (ErrorCause cause : error.causes()) {
            if (cause instanceof StaleCookieCause && tcb.state == AssociationState.COOKIE_ECHOED) {
                onHandshakeStep(handshake.onStaleCookie(nowNanos), nowNanos);
                return;
            }
        }
        tcb.emit(new AssociationEvent.RemoteError(error.causes()));
    }

    private void onShutdown(ShutdownChunk s, long nowNanos) {
        if (sender == null || tcb.isHandshaking()) {
            return; // RFC 9260 section 9.2: a SHUTDOWN before the association is up is discarded
        }
        // RFC 9260 section 9.2: the Cumulative TSN Ack of a SHUTDOWN acknowledges like a SACK.
        onSack(sender.sackFromCumulativeAck(s.cumulativeTsnAck()), nowNanos);
        if (tcb.state != AssociationState.CLOSED && shutdown.onShutdown()) {
            tcb.emit(new AssociationEvent.PeerShutdown());
        }
    }

    private void onShutdownStep(ShutdownProcedure.Step step) {
        if (step == ShutdownProcedure.Step.COMPLETED) {
            tcb.state = AssociationState.CLOSED;
            tcb.timers.stopAll();
            stopPath();
            endReceiving();
            tcb.emit(new AssociationEvent.ShutdownComplete());
        }
    }

    private void close(String reason, List<ErrorCause> causes) {
        tcb.state = AssociationState.CLOSED;
        tcb.timers.stopAll();
        stopPath();
        endReceiving();
        if (sender != null) {
            // RFC 9260 section 10.1 (SEND FAILURE) and RFC 6458 6.1.11: nothing the user gave us
            // is lost silently; the association's end is the last event.
            sender.drainUndelivered((m, sent) -> tcb.emit(new AssociationEvent.SendFailed(m, sent, reason)));
        }
        tcb.emit(new AssociationEvent.CommunicationLost(reason, causes));
    }

    private void startPath(long nowNanos) {
        if (!path.isConfirmed()) {
            path.confirm(); // RFC 9260 section 5.4: the handshake confirmed the address it used
        }
        if (!path.isStarted()) {
            path.start(nowNanos, tcb.random);
        }
    }

    private void stopPath() {
        if (path.isStarted()) {
            path.stop();
        }
    }

    /** RFC 9260 sections 8.1 and 8.3: heartbeat timeouts count as errors; idle paths are probed. */
    private void heartbeat(long nowNanos) {
        if (!path.isStarted() || tcb.state == AssociationState.CLOSED) {
            return;
        }
        HeartbeatTimeout t = path.checkHeartbeatTimeout(nowNanos);
        notePathEvent(t.event());
        if (t.unanswered() && ++errorCount > tcb.config.associationMaxRetransmits()) {
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("heartbeats not answered")));
            close("the peer stopped answering heartbeats", List.of());
            return;
        }
        if (path.heartbeatDue(nowNanos)) {
            tcb.sendToPeer(path.heartbeatToSend(nowNanos, tcb.random));
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
            tcb.emit(new AssociationEvent.PeerAddressChange(e == PathEvent.BECAME_ACTIVE));
        }
    }

    private void startDataTransfer() {
        receiver = new DataReceiver(tcb.config, tcb.peerInitialTsn, tcb.inboundStreams, tcb.capabilities.interleaving(),
                delayedSack);
        sender = new DataSender(tcb.config, tcb.localInitialTsn, tcb.outboundStreams,
                Integer.toUnsignedLong(tcb.peerReceiverWindow), tcb.capabilities.interleaving(),
                tcb.capabilities.forwardTsn(), path.rto(), t3Rtx, counters,
                (m, sent, reason) -> tcb.emit(new AssociationEvent.SendFailed(m, sent, reason)),
                schedulerValues.newScheduler());
        sender.setNoDelay(noDelay);
        reconfig.start();
    }

    private void onData(DataReceiver.Outcome outcome, boolean empty, Tsn tsn, int streamId) {
        if (empty) {
            // RFC 9260 section 6.2: a DATA chunk without user data ends the association.
            tcb.sendToPeer(AbortChunk.of(new NoUserDataCause(tsn)));
            close("the peer sent a DATA chunk without user data (TSN " + tsn + ")", List.of());
            return;
        }
        if (outcome == DataReceiver.Outcome.DUPLICATE) {
            counters.onDuplicateTsn();
        } else if (outcome == DataReceiver.Outcome.INVALID_STREAM) {
            tcb.sendToPeer(ErrorChunk.of(new InvalidStreamIdentifierCause(streamId))); // section 6.5
        } else if (outcome == DataReceiver.Outcome.PROTOCOL_VIOLATION) {
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("inconsistent fragments at TSN " + tsn)));
            close("the peer's DATA fragments contradict each other (TSN " + tsn + ")", List.of());
        }
        // null: DATA before the handshake's data halves exist, ignored
    }

    /**
     * Hands what reassembly made deliverable, messages and pieces of messages alike, to the user;
     * their bytes count against the window until the user takes them (RFC 9260 section 6.2).
     */
    private void deliverMessages() {
        for (ReceivedMessage m; (m = receiver.poll()) != null; ) {
            undeliveredBytes += m.payload().length();
            tcb.emit(new AssociationEvent.MessageReceived(m));
        }
    }

    /**
     * A FORWARD TSN or I-FORWARD-TSN (RFC 3758 section 3.6, RFC 8260 section 2.3): what was
     * deliverable before it goes to the user first, then the partial deliveries it aborts are
     * reported (RFC 6458 section 6.1.7), before the messages they held back. Returns whether a
     * SACK is due at once (an out-of-date one, whose SACK may have been lost).
     */
    private boolean onForwardTsn(Chunk chunk) {
        deliverMessages();
        Tsn newCumulative = chunk instanceof ForwardTsnChunk f
                ? f.newCumulativeTsn() : ((IForwardTsnChunk) chunk).newCumulativeTsn();
        if (receiver.forwardsBeyondAnythingSent(newCumulative)) {
            // RFC 3758 section 3.6 lets the sender skip only TSNs it sent; one that skips past
            // anything it could have sent (as RFC 9260 section 6.2.1 treats a SACK for TSNs never
            // sent) would make every later DATA of the real peer look like a duplicate.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("FORWARD TSN " + newCumulative
                    + " beyond any TSN sent")));
            close("the peer sent a FORWARD TSN beyond any TSN it sent (" + newCumulative + ")", List.of());
            return false;
        }
        DataReceiver.Outcome outcome = chunk instanceof ForwardTsnChunk f
                ? receiver.onForwardTsn(f) : receiver.onIForwardTsn((IForwardTsnChunk) chunk);
        if (outcome == DataReceiver.Outcome.PROTOCOL_VIOLATION) {
            // RFC 8260 section 2.3: FORWARD TSN goes with DATA, I-FORWARD-TSN with I-DATA.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("FORWARD TSN of the other kind for the data in use")));
            close("the peer sent a FORWARD TSN that does not match its DATA chunk kind", List.of());
            return false;
        }
        reportAbortedDeliveries();
        return outcome == DataReceiver.Outcome.DUPLICATE;
    }

    /** One PartialDeliveryAborted event per partial delivery the reassembly queue aborted. */
    private void reportAbortedDeliveries() {
        for (AbortedPartialDelivery a : receiver.pollAbortedDeliveries()) {
            tcb.emit(new AssociationEvent.PartialDeliveryAborted(a.streamId(), a.unordered(), a.sequenceNumber()));
        }
    }

    /**
     * The association ends or restarts: what is deliverable goes to the user, then every message
     * still arriving in pieces is reported as aborted (RFC 6458 section 6.1.7).
     */
    private void endReceiving() {
        if (receiver == null) {
            return;
        }
        deliverMessages();
        receiver.abortPartialDeliveries();
        reportAbortedDeliveries();
    }

    private void onSack(SackChunk sack, long nowNanos) {
        if (sender == null || tcb.state == AssociationState.COOKIE_WAIT) {
            return;
        }
        long bufferedBefore = sender.bufferedAmount();
        DataSender.SackEffect effect = sender.onSack(sack, nowNanos);
        if (effect.protocolViolation()) {
            // RFC 9260 section 6.2.1: acknowledging TSNs never sent is a protocol violation.
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("SACK acknowledges TSNs never sent")));
            close("the peer acknowledged data we never sent", List.of());
            return;
        }
        if (!effect.newDataAcked() && sack.advertisedReceiverWindowCredit() == 0 && sender.hasDataInFlight()) {
            // RFC 9260 section 6.1: a peer that keeps answering our zero window probes is keeping
            // its window closed, not gone; the unanswered probes must not count as errors, or a
            // peer whose user stops reading for a while would be aborted after Max.Retrans RTOs.
            errorCount = 0;
            notePathEvent(path.onNewDataAcked());
        }
        if (effect.newDataAcked()) {
            errorCount = 0; // section 8.1: an acknowledgement clears the association error counter
            notePathEvent(path.onNewDataAcked());
            if (sender.isIdle()) {
                tcb.emit(new AssociationEvent.SenderDry()); // RFC 6458 section 6.1.9: all data acknowledged
            }
            long bufferedAfter = sender.bufferedAmount();
            if (bufferedBefore > bufferedAmountLowThreshold && bufferedAfter <= bufferedAmountLowThreshold) {
                tcb.emit(new AssociationEvent.BufferedAmountLow(bufferedAfter));
            }
        }
        if (effect.fastRetransmitNow()) {
            transmitData(nowNanos, true); // section 7.2.4 step 3: one packet, regardless of cwnd
        }
    }

    private void onT3Expiry(long nowNanos) {
        counters.onT3Expiry();
        notePathEvent(path.onRetransmissionTimeout()); // section 8.2, and the RTO backoff of 6.3.3 E2
        // RFC 9260 section 8.1: each T3-rtx expiry counts against Association.Max.Retrans.
        if (++errorCount > tcb.config.associationMaxRetransmits()) {
            tcb.sendToPeer(AbortChunk.of(ProtocolViolationCause.of("retransmission limit reached")));
            close("data was retransmitted " + tcb.config.associationMaxRetransmits()
                    + " times without acknowledgement", List.of());
            return;
        }
        sender.onT3Expiry(nowNanos);
    }

    /**
     * Sends what is due: DATA as cwnd, the peer's window and Max.Burst allow (with a due SACK
     * bundled first), each packet filled to the path MTU (RFC 9260 sections 6.1 and 6.10), then
     * moves a shutdown on once everything is acknowledged.
     */
    private void flush(long nowNanos) {
        if (receiver == null || tcb.state == AssociationState.CLOSED || tcb.state == AssociationState.COOKIE_WAIT) {
            return;
        }
        AssociationState s = tcb.state;
        if (s == AssociationState.ESTABLISHED || s == AssociationState.SHUTDOWN_PENDING
                || s == AssociationState.SHUTDOWN_RECEIVED) {
            sender.beginTransmission(nowNanos);
            long bufferedBefore = sender.bufferedAmount();
            transmitData(nowNanos, false);
            onAbandonedReleased(bufferedBefore);
            reconfig.poll(nowNanos, path.rto().rtoNanos());
        }
        if (receiver.isSackDueNow()) {
            tcb.sendToPeer(receiver.createSack(undeliveredBytes));
        }
        if (shutdown.progress(sender.isIdle(), receiver.cumulativeTsnAck(), path.rto().rtoNanos(), nowNanos)) {
            t3Rtx.stop();
            stopPath(); // RFC 9260 section 8.3: no heartbeats once SHUTDOWN or SHUTDOWN ACK is sent
        }
    }

    /**
     * Sending releases bytes from the send buffer only when PR-SCTP abandoned messages on the way
     * (RFC 3758 section 3.5): the user hears of the room as after an acknowledgement.
     */
    private void onAbandonedReleased(long bufferedBefore) {
        long bufferedAfter = sender.bufferedAmount();
        if (bufferedAfter >= bufferedBefore) {
            return;
        }
        if (sender.isIdle()) {
            tcb.emit(new AssociationEvent.SenderDry());
        }
        if (bufferedBefore > bufferedAmountLowThreshold && bufferedAfter <= bufferedAmountLowThreshold) {
            tcb.emit(new AssociationEvent.BufferedAmountLow(bufferedAfter));
        }
    }

    /** Sends packets of DATA (with a due SACK bundled first) until nothing more may go. */
    private void transmitData(long nowNanos, boolean fastRetransmitOnce) {
        int budget = tcb.config.pathMtu() - CommonHeader.LENGTH;
        List<Chunk> data = bundlingScratch;
        while (true) {
            // A SACK waiting for its delay rides along with DATA at no cost (RFC 9260 section 6.2),
            // before it (section 6.10: control chunks first); alone only once it is due.
            boolean sackPending = receiver.isSackPending();
            data.clear();
            sender.nextChunks(data, nowNanos, sackPending ? budget - receiver.sackLength() : budget,
                    fastRetransmitOnce, tcb.state == AssociationState.SHUTDOWN_PENDING);
            Chunk sack = sackPending && (!data.isEmpty() || receiver.isSackDueNow())
                    ? receiver.createSack(undeliveredBytes) : null;
            if (!data.isEmpty()) {
                path.onDataSent(nowNanos); // the path is not idle (section 8.3)
            }
            if (sack != null || !data.isEmpty()) {
                tcb.sendToPeer(PacketChunks.of(sack, data));
            }
            boolean sentData = !data.isEmpty();
            data.clear();
            if (!sentData || fastRetransmitOnce) {
                return;
            }
        }
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
