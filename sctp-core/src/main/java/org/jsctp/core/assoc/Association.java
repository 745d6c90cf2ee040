package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.auth.AuthControl;
import org.jsctp.core.env.RandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieContents;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.CookieAckChunk;
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
 * <p>This class is the hub that ties the parts together and takes the user's calls: the {@link Tcb}
 * they share, the {@link Handshake}, the {@link ChunkDispatcher} that takes packets apart, the
 * {@link DataTransmission} and {@link DataDelivery} halves of data transfer, the
 * {@link PathSupervisor} with its heartbeats, the {@link ShutdownProcedure}, the
 * {@link StreamReconfiguration} and the {@link CollisionHandling} of RFC 9260 section 5.2.4.
 */
public final class Association {

    private final Tcb tcb;
    private final Handshake handshake;
    private final ShutdownProcedure shutdown;
    private final PathSupervisor paths;
    private final ErrorCounter errors;
    private final AssociationCounters counters = new AssociationCounters();
    private final AssociationLifecycle lifecycle = new Lifecycle();
    private final DataDelivery delivery;
    private final DataTransmission transmission;
    private final StreamReconfiguration reconfig;
    private final StreamSchedulerValues schedulerValues;
    private final ChunkDispatcher dispatcher;
    private final CollisionHandling collisions;
    private final TimerDispatcher timerDispatcher;
    private final AddressReconfiguration asconf;

    private Association(Tcb tcb) {
        this(tcb, List.of());
    }

    private Association(Tcb tcb, List<InetAddress> peerAddresses) {
        this.tcb = tcb;
        AssociationConfig c = tcb.config;
        this.handshake = new Handshake(tcb);
        this.errors = new ErrorCounter(c.associationMaxRetransmits());
        this.paths = new PathSupervisor(tcb, errors, lifecycle, peerAddresses);
        // RFC 9260 section 6.3.2: T3-rtx runs for the RTO, set at each start; its backoff lives in the estimator.
        Timer t3Rtx = tcb.timers.add(new Timer("T3-rtx", c.rtoInitialNanos(), c.rtoMaxNanos(), Timer.Backoff.NONE,
                false, -1));
        Timer delayedSack = tcb.timers.add(new Timer("delayed-SACK", c.delayedAckNanos(), c.delayedAckNanos(),
                Timer.Backoff.NONE, false, -1));
        this.shutdown = new ShutdownProcedure(tcb);
        this.delivery = new DataDelivery(tcb, counters, lifecycle, delayedSack);
        this.reconfig = new StreamReconfiguration(tcb, this::sender, delivery::receiver, delivery::endReceiving);
        this.schedulerValues = new StreamSchedulerValues(c.streamScheduler());
        this.transmission = new DataTransmission(tcb, counters, lifecycle, errors, paths, delivery, shutdown, reconfig,
                t3Rtx);
        this.asconf = new AddressReconfiguration(tcb, lifecycle, paths, errors, transmission); // RFC 5061
        this.dispatcher = new ChunkDispatcher(tcb, counters, lifecycle, handshake, shutdown, paths, delivery,
                transmission, reconfig, asconf);
        this.collisions = new CollisionHandling(tcb, handshake, paths, delivery, transmission, errors, lifecycle);
        this.timerDispatcher = new TimerDispatcher(tcb, lifecycle, errors, handshake, shutdown, paths, delivery,
                transmission, reconfig);
        this.timerDispatcher.setAddressReconfiguration(asconf); // T-4 RTO, RFC 5061 section 5.1
    }

    /**
     * Starts an association to a peer (RFC 9260 section 5.1 step A): sends INIT and waits in
     * COOKIE-WAIT.
     *
     * @param config the association's settings
     * @param random for our tag, initial TSN and nonces
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @return the association, in COOKIE-WAIT with its INIT queued
     */
    public static Association connect(AssociationConfig config, RandomSource random, int localPort, int peerPort,
                                      long nowNanos) {
        Association a = new Association(new Tcb(config, random, localPort, peerPort, random.nextNonZeroInt(),
                new Tsn(random.nextInt())));
        a.handshake.start(nowNanos);
        return a;
    }

    /**
     * Starts an association to a multi-homed peer (RFC 9260 section 5.1 step A): as
     * {@link #connect(AssociationConfig, RandomSource, int, int, long)}, with the peer's
     * addresses, which count as confirmed (section 5.4 rule 1); the first is the initial primary
     * path and gets the INIT. An empty list means one anonymous path (the transport's remote address).
     *
     * @param peerAddresses literal peer addresses, each once
     * @throws IllegalArgumentException if an address is listed twice
     * @param config the association's settings
     * @param random for our tag, initial TSN and nonces
     * @param localPort our SCTP port
     * @param peerPort the peer's SCTP port
     * @param nowNanos the current time
     * @return the association, in COOKIE-WAIT with its INIT queued
     */
    public static Association connect(AssociationConfig config, RandomSource random, int localPort, int peerPort,
                                      List<InetAddress> peerAddresses, long nowNanos) {
        if (peerAddresses.stream().distinct().count() != peerAddresses.size()) {
            throw new IllegalArgumentException("a peer address is listed twice: " + peerAddresses);
        }
        Association a = new Association(new Tcb(config, random, localPort, peerPort, random.nextNonZeroInt(),
                new Tsn(random.nextInt())), List.copyOf(peerAddresses));
        a.handshake.start(nowNanos);
        return a;
    }

    /**
     * Builds the association a valid COOKIE ECHO describes (RFC 9260 section 5.1.5 step 4): it is
     * ESTABLISHED at once and answers with COOKIE ACK.
     *
     * @param config the association's settings
     * @param random for nonces and the TSN of later chunks
     * @param cookie the verified State Cookie's contents
     * @param nowNanos the current time
     * @return the association, ESTABLISHED with its COOKIE ACK queued
     */
    public static Association fromCookie(AssociationConfig config, RandomSource random, CookieContents cookie,
                                         long nowNanos) {
        List<InetAddress> peers = cookie.peerAddresses();
        // RFC 9260 section 5.4 rule 2: the INIT's source (where the INIT ACK went) is confirmed.
        Association a = new Association(new Tcb(config, random, cookie.localPort(), cookie.peerPort(),
                cookie.localTag(), cookie.localInitialTsn()), peers.isEmpty() ? List.of() : List.of(peers.get(0)));
        a.paths.learnAll(peers);
        a.tcb.adoptPeer(cookie);
        a.lifecycle.startDataTransfer();
        a.lifecycle.established(nowNanos);
        a.tcb.sendToPeer(CookieAckChunk.INSTANCE);
        return a;
    }

    /**
     * Handles a packet the endpoint routed to this association, as if from the primary path.
     *
     * @param packet the packet, its verification tag already checked by the endpoint
     * @param nowNanos the current time
     */
    public void handlePacket(SctpPacket packet, long nowNanos) {
        dispatcher.handlePacket(packet, nowNanos);
    }

    /**
     * Handles a packet the endpoint routed to this association, received from {@code source}. It is
     * accepted by its verification tag whatever the source; the source selects the path (for
     * replies, RFC 9260 section 6.4) when it is a known peer address, else the primary is assumed.
     *
     * @param source the packet's source address, or null if unknown
     * @param packet the packet, its verification tag already checked by the endpoint
     * @param nowNanos the current time
     */
    public void handlePacket(SctpPacket packet, InetAddress source, long nowNanos) {
        paths.onPacketFrom(source);
        try {
            dispatcher.handlePacket(packet, nowNanos);
        } finally {
            paths.afterPacket();
        }
    }

    /**
     * {@return the peer's Adaptation Code Point (RFC 5061 section 4.2.6) from its INIT or INIT ACK; empty
     * if it announced none or the handshake has not got that far}
     */
    public java.util.OptionalInt peerAdaptationIndication() {
        return tcb.peerAdaptationIndication;
    }

    /** {@return the peer's addresses, one per path, in the order they were learnt; empty for an anonymous single path} */
    public List<InetAddress> peerAddresses() {
        return paths.peerAddresses();
    }

    /** {@return the primary path's peer address (RFC 9260 section 6.4), or null for an anonymous single path} */
    public InetAddress primaryAddress() {
        return PathSupervisor.addressOf(paths.primary());
    }

    /**
     * Makes {@code address} the primary path (RFC 9260 section 11.1 SET PRIMARY, SCTP_PRIMARY_ADDR
     * of RFC 6458 section 8.1.8); a {@link PeerAddressState#MADE_PRIMARY} event follows when it changes.
     *
     * @throws IllegalArgumentException if it is not one of {@link #peerAddresses()}
     * @param address one of the peer's addresses
     */
    public void setPrimary(InetAddress address) {
        paths.setPrimary(address);
    }

    /**
     * Asks the peer to add {@code address}, one of ours, to the association (RFC 5061 section 4.2.1,
     * sctp_bindx SCTP_BINDX_ADD_ADDR of RFC 6458 section 9.1 on a live association); the outcome
     * comes as an {@link AssociationEvent.LocalAddressChange}, after which the address may be the
     * source of any packet ({@link #usableLocalAddresses()}).
     *
     * @param address one of our addresses, not yet in the association
     * @param nowNanos the current time
     * @return whether the request was queued, or why not
     */
    public AddressRequestStatus addLocalAddress(InetAddress address, long nowNanos) {
        return asconf.request(new org.jsctp.core.asconf.AsconfRequest.AddAddress(address), nowNanos);
    }

    /**
     * Asks the peer to delete {@code address}, one of ours, from the association (RFC 5061 section
     * 4.2.2, SCTP_BINDX_REM_ADDR); it stops being a source at once (section 5.3 rule D4) and the
     * outcome comes as an {@link AssociationEvent.LocalAddressChange}.
     *
     * @param address one of our addresses in the association, not the last
     * @param nowNanos the current time
     * @return whether the request was queued, or why not
     */
    public AddressRequestStatus deleteLocalAddress(InetAddress address, long nowNanos) {
        return asconf.request(new org.jsctp.core.asconf.AsconfRequest.DeleteAddress(address), nowNanos);
    }

    /**
     * Asks the peer to make {@code address}, one of ours, its primary destination (RFC 5061 section
     * 4.2.4, SCTP_SET_PEER_PRIMARY_ADDR of RFC 6458 section 8.3.2); the outcome comes as an
     * {@link AssociationEvent.LocalAddressChange}.
     *
     * @param address one of our addresses in the association
     * @param nowNanos the current time
     * @return whether the request was queued, or why not
     */
    public AddressRequestStatus requestPeerPrimary(InetAddress address, long nowNanos) {
        return asconf.request(new org.jsctp.core.asconf.AsconfRequest.SetPrimary(address), nowNanos);
    }

    /** {@return whether ASCONF (RFC 5061) is usable: both offered it, AUTH is in use and both list ASCONF in CHUNKS (section 4.1.1)} */
    public boolean asconfNegotiated() {
        return asconf.negotiated();
    }

    /** {@return our addresses any packet of this association may leave from now (RFC 5061 section 5.3 rules D1, D2, D4)} */
    public List<InetAddress> usableLocalAddresses() {
        return asconf.usableLocalAddresses();
    }

    /** {@return a snapshot of every path (RFC 6458 section 8.2.3 SCTP_GET_PEER_ADDR_INFO), in path id order} */
    public List<PathStatistics> pathStatistics() {
        return statistics().paths();
    }

    /**
     * Sets PotentiallyFailed.Max.Retrans (RFC 7829 section 5.1, SCTP_PEER_ADDR_THLDS of RFC 7829
     * section 7.2): a path of a multi-homed association whose error counter exceeds it is
     * Potentially Failed; 0 is immediate. A value at or above Path.Max.Retrans turns it off.
     *
     * @throws IllegalArgumentException if negative
     * @param threshold PotentiallyFailed.Max.Retrans, 0 or more
     */
    public void setPotentiallyFailedThreshold(int threshold) {
        paths.setPotentiallyFailedThreshold(threshold);
    }

    /**
     * Queues a user message (RFC 9260 section 10.1 SEND). Refused, with the reason, when the
     * stream does not exist, the message is empty or too large, or the send buffer is full
     * (back-pressure: nothing is dropped silently). A message without a PR-SCTP policy gets the
     * configured {@link AssociationConfig#defaultPrPolicy()}; messages PR-SCTP abandons are handed
     * back in {@link AssociationEvent.SendFailed} events whose reason starts with "abandoned".
     *
     * @throws IllegalStateException when the association is not (about to be) established
     * @param message the message; its payload is not copied
     * @param nowNanos the current time
     * @return {@code ACCEPTED}, or why the message was refused
     */
    public SendQueue.OfferResult send(OutgoingMessage message, long nowNanos) {
        if (sender() == null || (tcb.state != AssociationState.ESTABLISHED && tcb.state != AssociationState.COOKIE_ECHOED)) {
            throw new IllegalStateException("cannot send in state " + tcb.state);
        }
        PrPolicy policy = tcb.config.defaultPrPolicy();
        if (policy.isPartiallyReliable() && !message.isPartiallyReliable()) {
            message = message.withPolicy(policy, nowNanos); // RFC 7496 section 4.3: SCTP_DEFAULT_PRINFO
        }
        SendQueue.OfferResult r = sender().offer(message, nowNanos);
        if (r == SendQueue.OfferResult.ACCEPTED && tcb.state == AssociationState.ESTABLISHED) {
            transmission.flush(nowNanos);
        }
        return r;
    }

    /**
     * Starts a graceful shutdown (RFC 9260 section 9.2): no new data is accepted, what is queued
     * and in flight is delivered, then SHUTDOWN, SHUTDOWN ACK and SHUTDOWN COMPLETE close it.
     *
     * @param nowNanos the current time
     */
    public void shutdown(long nowNanos) {
        if (tcb.isHandshaking()) {
            lifecycle.close("shut down before it was established", List.of());
            return;
        }
        shutdown.requested();
        transmission.flush(nowNanos);
    }

    /**
     * Aborts the association (RFC 9260 section 9.1), telling the peer why.
     *
     * @param reason the text of the User-Initiated Abort cause
     */
    public void abort(String reason) {
        if (tcb.state == AssociationState.CLOSED) {
            return;
        }
        if (tcb.state != AssociationState.COOKIE_WAIT) {
            tcb.sendToPeer(AbortChunk.of(UserInitiatedAbortCause.of(reason)));
        }
        lifecycle.close("aborted by the user: " + reason, List.of());
    }

    /**
     * Handles the timers whose deadlines have passed at {@code nowNanos}.
     *
     * @param nowNanos the current time
     */
    public void handleTimeout(long nowNanos) {
        timerDispatcher.handleTimeout(nowNanos);
    }

    /** {@return whether a packet to send or an event for the user is waiting ({@link #pollTransmit}, {@link #pollEvent})} */
    public boolean hasOutput() {
        return !tcb.transmits.isEmpty() || !tcb.events.isEmpty();
    }

    /**
     * {@return whether a packet to send is waiting ({@link #pollTransmit}, {@link #transmitNext}); unlike
     * {@link #hasOutput()}, events for the user do not count}
     */
    public boolean hasPacketToSend() {
        return !tcb.transmits.isEmpty();
    }

    /** {@return the next packet to send, or null} The record is the caller's to keep ({@link #transmitNext} makes none). */
    public OutgoingPacket pollTransmit() {
        OutgoingPacket p = tcb.transmits.pollRecord();
        if (p != null) {
            counters.onPacketSent(p);
        }
        return p;
    }

    /**
     * Hands the next packet to send to {@code sink} without making an object for it (issue 6): the
     * same packets, in the same order and counted the same, as {@link #pollTransmit()} gives, and the
     * two may be mixed. The {@link PacketToSend} is the association's reused view of its transmit
     * queue: it and its chunk list are valid only during {@link TransmitSink#transmit}, the sink must
     * not keep them and must not call back into this association meanwhile; the packet leaves the
     * queue when the sink returns.
     *
     * @param sink where the packet goes, typically an encoder into a buffer of the I/O layer's own
     * @return whether a packet was handed to the sink (false: none was queued)
     */
    public boolean transmitNext(TransmitSink sink) {
        return tcb.transmits.transmitNext(sink, counters);
    }

    /**
     * {@return the next event for the user, or null} Taking a received message, or a piece of one, frees
     * its bytes in the receive window (RFC 9260 section 6.2: a_rwnd follows what the application
     * has read).
     */
    public AssociationEvent pollEvent() {
        AssociationEvent e = tcb.events.poll();
        if (e instanceof AssociationEvent.MessageReceived m && !delivery.isManualReadCredit()) {
            delivery.creditRead(m.message().payload().length());
        }
        return e;
    }

    /**
     * Makes the receive window follow the application's reads instead of {@link #pollEvent()}:
     * from now on a message handed out by {@code pollEvent} still counts against a_rwnd until
     * {@link #onUserRead} says the application took it (RFC 9260 section 6.2: the window is the
     * buffer space not yet consumed by the upper layer). For a layer that queues messages for the
     * application, such as a socket-like API; call it before the first {@code pollEvent}.
     *
     * @param manual whether reads are credited by {@link #onUserRead}
     */
    public void setManualReadCredit(boolean manual) {
        delivery.setManualReadCredit(manual);
    }

    /** {@return whether {@link #setManualReadCredit} is on} */
    public boolean isManualReadCredit() {
        return delivery.isManualReadCredit();
    }

    /**
     * The application read {@code bytes} of user data handed out by {@link #pollEvent()} (one or
     * several messages at once): the window opens by as much, and a window update goes to the
     * peer when it is worth a packet (RFC 9260 section 6.2). Only with manual read credit. Bytes of
     * messages from before a restart (RFC 9260 section 5.2.4 case A) may be credited after it; the
     * count then stops at zero.
     *
     * @param bytes the user data bytes read, 0 or more
     * @param nowNanos the current time
     */
    public void onUserRead(long bytes, long nowNanos) {
        if (!delivery.isManualReadCredit()) {
            throw new IllegalStateException("the window is credited by pollEvent(); call setManualReadCredit(true) first");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count: " + bytes);
        }
        delivery.creditRead(bytes);
    }

    /**
     * Sets the level at or below which a drop of {@link #bufferedAmount()} raises
     * {@link AssociationEvent.BufferedAmountLow}; 0 (the default) raises it when everything is
     * acknowledged. May be changed at any time.
     *
     * @param bytes the threshold in bytes, 0 or more
     */
    public void setBufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative threshold: " + bytes);
        }
        transmission.setBufferedAmountLowThreshold(bytes);
    }

    /** {@return the level of {@link #setBufferedAmountLowThreshold}} */
    public long bufferedAmountLowThreshold() {
        return transmission.bufferedAmountLowThreshold();
    }

    /**
     * Turns Nagle's algorithm off ({@code true}) or on while the association lives (SCTP_NODELAY,
     * RFC 6458 section 8.1.5); the next transmission follows it.
     *
     * @param noDelay true to turn Nagle's algorithm off
     */
    public void setNoDelay(boolean noDelay) {
        transmission.setNoDelay(noDelay);
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
        if (sender() != null && streamId >= tcb.outboundStreams) {
            throw new IllegalArgumentException("no such outbound stream: " + streamId);
        }
        schedulerValues.set(streamId, value);
        if (sender() != null) {
            sender().setStreamSchedulerValue(streamId, value);
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

    /** {@return whether Nagle's algorithm is off} */
    public boolean noDelay() {
        return transmission.noDelay();
    }

    /**
     * Changes HB.interval of every path (RFC 9260 section 8.3, RFC 6458 section 8.1.12 spp_hbinterval).
     *
     * @param intervalNanos HB.interval in nanoseconds
     */
    public void setHeartbeatInterval(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("HB.interval must be positive: " + intervalNanos);
        }
        paths.setHeartbeatInterval(intervalNanos); // every path (multi-homing)
    }

    /** {@return HB.interval of the path} */
    public long heartbeatIntervalNanos() {
        return paths.primary().heartbeatIntervalNanos();
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
            transmission.flush(nowNanos);
        }
        return status;
    }

    /** {@return bytes {@link #send} accepts now before refusing with {@code REFUSED_BUFFER_FULL}; 0 before data transfer starts} */
    public long sendBufferAvailable() {
        return sender() == null ? 0 : sender().sendBufferAvailable();
    }

    /** {@return a snapshot of the counters and of the path (RFC 6458 section 8.2.2 SCTP_STATUS)} */
    public AssociationStatistics statistics() {
        long rwnd = sender() == null ? Integer.toUnsignedLong(tcb.peerReceiverWindow) : sender().peerWindow();
        return counters.snapshot(rwnd, bufferedAmount(), paths.statistics(transmission.congestionView()));
    }

    /** {@return when {@link #handleTimeout} should next be called, or {@link Timer#NEVER}} */
    public long nextDeadline() {
        long next = tcb.timers.nextDeadline();
        return Math.min(next, paths.nextDeadline());
    }

    /**
     * {@return the RFC 9260 section 4 state}
     */
    public AssociationState state() {
        return tcb.state;
    }

    /**
     * {@return our Verification Tag: the one the peer puts in packets to us}
     */
    public int localTag() {
        return tcb.localTag;
    }

    /**
     * {@return the peer's Verification Tag: the one we put in packets to it}
     */
    public int peerTag() {
        return tcb.peerTag;
    }

    /**
     * {@return our SCTP port}
     */
    public int localPort() {
        return tcb.localPort;
    }

    /**
     * {@return the peer's SCTP port}
     */
    public int peerPort() {
        return tcb.peerPort;
    }

    /** {@return streams we may send on, once established} */
    public int outboundStreams() {
        return tcb.outboundStreams;
    }

    /** {@return streams the peer may send on, once established} */
    public int inboundStreams() {
        return tcb.inboundStreams;
    }

    /** {@return the extensions both sides support} */
    public Capabilities capabilities() {
        return tcb.capabilities;
    }

    /**
     * {@return the association's settings}
     */
    public AssociationConfig config() {
        return tcb.config;
    }

    /** {@return our Initial TSN} */
    public Tsn localInitialTsn() {
        return tcb.localInitialTsn;
    }

    /** {@return the peer's Initial TSN, once known} */
    public Tsn peerInitialTsn() {
        return tcb.peerInitialTsn;
    }

    /** {@return the peer's receiver window as announced at setup} */
    public int peerReceiverWindow() {
        return tcb.peerReceiverWindow;
    }

    /** {@return bytes accepted by {@link #send} that the peer has not acknowledged yet} */
    public long bufferedAmount() {
        return transmission.bufferedAmount();
    }

    /**
     * {@return the user-data bytes held on the receiving side: fragments and messages in reassembly, bounded
     * by the configured receive buffer, plus messages handed out as events but not yet taken
     * with {@link #pollEvent()}}
     */
    public long receivedBufferedAmount() {
        return delivery.receivedBufferedAmount();
    }

    /** {@return the congestion window of the path, for statistics} */
    public long cwnd() {
        return sender() == null ? 0 : sender().cwnd();
    }

    /** {@return the current RTO of the path} */
    public long rtoNanos() {
        return paths.primary().rto().rtoNanos();
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
        delivery.checkInvariants();
        paths.checkInvariants();
        if (state != AssociationState.CLOSED && sender() != null) {
            sender().checkInvariants();
            delivery.receiver().checkInvariants();
        }
    }

    /**
     * {@return AUTH on this association (RFC 4895): its endpoint-pair shared keys (RFC 6458 SCTP_AUTH_KEY,
     * SCTP_AUTH_ACTIVE_KEY, SCTP_AUTH_DEACTIVATE_KEY, SCTP_AUTH_DELETE_KEY) and statistics}
     */
    public AuthControl auth() {
        return tcb.auth;
    }

    /** Our AUTH parameters (RFC 4895 section 6.1), repeated in the INIT ACK of an INIT collision; null when not offered. */
    org.jsctp.core.auth.AuthParameters localAuthParameters() {
        return tcb.auth.local();
    }

    /** RFC 9260 section 5.2.4 case D, see {@link CollisionHandling#onRepeatedCookieEcho}. */
    void onRepeatedCookieEcho(CookieContents cookie, long nowNanos) {
        collisions.onRepeatedCookieEcho(cookie, nowNanos);
    }

    /** RFC 9260 section 5.2.4 case B, see {@link CollisionHandling#onCollisionCookie}. */
    void onCollisionCookie(CookieContents cookie, long nowNanos) {
        collisions.onCollisionCookie(cookie, nowNanos);
    }

    /** RFC 9260 section 5.2.4 case A, see {@link CollisionHandling#restart}. */
    void restart(CookieContents cookie, long nowNanos) {
        collisions.restart(cookie, nowNanos);
    }

    /** The sender, or null before data transfer starts. */
    private DataSender sender() {
        return transmission.sender();
    }

    /** The hub's side of the lifecycle steps the parts trigger. */
    private final class Lifecycle implements AssociationLifecycle {

        @Override
        public void onHandshakeStep(Handshake.Step step, long nowNanos) {
            switch (step) {
                case COOKIE_ECHOED:
                    if (sender() == null) {
                        startDataTransfer();
                    } else {
                        // A second INIT ACK after a stale cookie (section 5.2.6): keep what the user
                        // queued, but receive from the peer's new initial TSN.
                        delivery.startReceiving();
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
        @Override
        public void established(long nowNanos) {
            tcb.state = AssociationState.ESTABLISHED;
            paths.start(nowNanos);
            tcb.emit(new AssociationEvent.CommunicationUp(tcb.outboundStreams, tcb.inboundStreams));
            // RFC 6458 section 6.1.6: the peer's Adaptation Layer Indication (RFC 5061 section 4.2.6).
            tcb.peerAdaptationIndication.ifPresent(p -> tcb.emit(new AssociationEvent.AdaptationIndication(p)));
            tcb.auth.onEstablished(); // RFC 6458 section 6.1.8: SCTP_AUTH_NO_AUTH
        }

        @Override
        public void close(String reason, List<ErrorCause> causes) {
            tcb.state = AssociationState.CLOSED;
            tcb.timers.stopAll();
            paths.stop();
            delivery.endReceiving();
            DataSender sender = sender();
            if (sender != null) {
                // RFC 9260 section 10.1 (SEND FAILURE) and RFC 6458 6.1.11: nothing the user gave us
                // is lost silently; the association's end is the last event.
                sender.drainUndelivered((m, sent) -> tcb.emit(new AssociationEvent.SendFailed(m, sent, reason)));
            }
            tcb.emit(new AssociationEvent.CommunicationLost(reason, causes));
        }

        @Override
        public void startDataTransfer() {
            delivery.startReceiving();
            transmission.startSending(schedulerValues.newScheduler());
            reconfig.start();
        }
    }
}
