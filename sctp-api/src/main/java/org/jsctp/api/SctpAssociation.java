package org.jsctp.api;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.SctpUdpAssociation;

/**
 * One association with a peer (RFC 9260; RFC 6458's {@code sctp_assoc_t}), from a
 * {@link SctpEndpoint} (one-to-one style: it is also where messages are received) or a
 * {@link SctpMultiEndpoint} (one-to-many style: messages are received on the endpoint).
 *
 * <h2>Sending</h2>
 * Every send goes through the association's bounded send buffer ({@link SctpOptions#SEND_BUFFER}),
 * in call order whatever the style: {@link #send(SctpMessage)} waits for room,
 * {@link #sendAsync(SctpMessage)} returns a future that completes once the message is in the
 * buffer (waiting in a bounded queue meanwhile), {@link #trySend(SctpMessage)} takes it only if
 * there is room now. Room appears as the peer acknowledges data and opens its window, so a peer
 * that does not read slows the sender down (back-pressure).
 *
 * <h2>Receiving (one-to-one)</h2>
 * {@link #receive()} and its variants take the next message; after a graceful shutdown (by either
 * side) and once every message was read they return null, like {@code read()} returning -1; after
 * an abort or a failure they throw the {@link SctpException} that says what happened. A message
 * not yet taken still counts against the receive window (SO_RCVBUF), so the peer sends only as
 * fast as the application reads. With a {@link SctpListener} set, messages go to it instead.
 *
 * <h2>Threads</h2>
 * Every method may be called from any thread. Blocking methods refuse to run on the endpoint's
 * event-loop thread (listeners, future callbacks) with an {@link IllegalStateException}; use the
 * asynchronous variants there. Blocking uses {@code java.util.concurrent} locks and futures, so
 * virtual threads unmount while they wait.
 */
public final class SctpAssociation {

    private final EndpointEngine engine;
    private final int id;
    private final Inbox inbox;
    private final SendPipeline pipeline;
    private final InetSocketAddress initialRemote;
    private final int remoteSctpPort;
    private final AssociationConfig config;
    private final CompletableFuture<SctpAssociation> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> shutdownDone = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile SctpUdpAssociation transport;
    private volatile boolean up;
    private volatile boolean ended;
    private volatile int outboundStreams;
    private volatile int inboundStreams;
    private volatile Set<NotificationKind> events;
    private volatile DefaultSendParameters defaultSend;
    private volatile SctpPrPolicy defaultPrPolicy;
    private volatile long bufferedAmountLowThreshold;
    private volatile boolean noDelay;
    private volatile Duration heartbeatInterval;
    private volatile SctpStatistics lastStatistics;
    private volatile boolean streamResetEnabled;
    private volatile int potentiallyFailedThreshold;
    private final ReconfigRequests reconfig = new ReconfigRequests(this);
    private final AddressRequests addressRequests = new AddressRequests(this);
    /** SCTP_STREAM_SCHEDULER_VALUE per stream as set, applied to the core once it is up. */
    private final java.util.Map<Integer, Integer> streamSchedulerValues = new java.util.concurrent.ConcurrentHashMap<>();

    SctpAssociation(EndpointEngine engine, int id, Inbox inbox, InetSocketAddress remote, int remoteSctpPort) {
        this.engine = engine;
        this.id = id;
        this.inbox = inbox;
        this.initialRemote = remote;
        this.remoteSctpPort = remoteSctpPort;
        this.config = engine.coreConfig();
        OptionDefaults d = engine.defaults();
        this.events = d.events();
        this.defaultSend = d.defaultSend();
        this.defaultPrPolicy = d.defaultPrPolicy();
        this.bufferedAmountLowThreshold = d.bufferedAmountLowThreshold();
        this.noDelay = config.noDelay();
        this.streamResetEnabled = config.acceptStreamReconfig();
        this.potentiallyFailedThreshold = config.potentiallyFailedMaxRetransmits();
        this.heartbeatInterval = Duration.ofNanos(config.heartbeatIntervalNanos());
        this.pipeline = new SendPipeline(engine.pendingSendLimit(), limit -> new SctpSendBufferFullException(
                "send buffer of " + this + " is full and " + limit + " messages already wait for room; "
                        + "wait for earlier sends to complete and try again", this, List.of()));
    }

    // ------------------------------------------------------------------ identity

    /** {@return the association's number, unique within its endpoint (like RFC 6458's sctp_assoc_t)} */
    public int id() {
        return id;
    }

    /** {@return the peer's UDP address, updated from its packets (RFC 6951 section 5.4)} */
    public InetSocketAddress remoteAddress() {
        SctpUdpAssociation t = transport;
        return t == null ? initialRemote : t.remoteAddress();
    }

    /** The UDP address of the peer's {@code address} (its learnt UDP port, RFC 6951 section 5.4); null: {@link #remoteAddress()}. */
    InetSocketAddress remoteAddress(InetAddress address) {
        SctpUdpAssociation t = transport;
        return address == null || t == null ? remoteAddress() : t.remoteAddress(address);
    }

    /**
     * {@return the peer's addresses (sctp_getpaddrs, RFC 6458 section 9.3): those given to connect and
     * those its INIT or INIT ACK listed (RFC 9260 section 6.4); before setup, the one connected to}
     */
    public List<InetAddress> peerAddresses() {
        SctpUdpAssociation t = transport;
        return t == null ? List.of(initialRemote.getAddress()) : t.peerAddresses();
    }

    /** {@return our addresses (sctp_getladdrs, RFC 6458 section 9.5): the endpoint's bound addresses} */
    public List<InetAddress> localAddresses() {
        return engine.localAddresses();
    }

    /** {@return the peer address new data is sent to (the primary path, RFC 9260 section 6.4)} */
    public InetAddress primaryAddress() {
        SctpUdpAssociation t = transport;
        return t == null ? initialRemote.getAddress() : t.primaryAddress();
    }

    /**
     * Makes {@code address} the primary path (SCTP_PRIMARY_ADDR, RFC 6458 section 8.3): new data
     * goes there while it is active, retransmissions may use another path. Waits for the event loop.
     *
     * @throws IllegalArgumentException if it is not one of {@link #peerAddresses()}
     * @throws SctpException if the association is not set up or closed
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @param address one of the peer's addresses
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public void setPrimary(InetAddress address) throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.setPrimary()", "setPrimaryAsync()");
        try {
            await(setPrimaryAsync(address), -1);
        } catch (SctpException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw e;
        }
    }

    /**
     * Adds {@code address}, one of this host's, to this live association (sctp_bindx with
     * SCTP_BINDX_ADD_ADDR, RFC 6458 section 9.1; an ASCONF Add IP Address, RFC 5061 section 4.2.1):
     * the endpoint opens a socket on it first if it has none (closed again by
     * {@link #unbindAddress} or when the peer refuses). Completes when the peer acknowledged it;
     * from then on the address may be the source of any packet. Fails with {@link SctpAddressReconfigException} when ASCONF was not negotiated
     * ({@link SctpOptions#ASCONF_ENABLED} on both sides), the request is invalid, or the peer refused it.
     *
     * @param address a local address of this host, not yet in the association
     * @return completes when the peer acknowledged the addition
     */
    public CompletableFuture<Void> bindAddress(InetAddress address) {
        org.jsctp.transport.UdpSctpEndpoint endpoint = engine.transport();
        // The transport side of sctp_bindx: a socket on the address first, unless the endpoint has one.
        boolean open = endpoint != null && address != null && !address.isAnyLocalAddress()
                && !engine.localAddresses().contains(address);
        CompletableFuture<Void> socket = !open ? CompletableFuture.completedFuture(null)
                : endpoint.bindAddress(address).handle((v, e) -> {
                    if (e != null) {
                        throw new java.util.concurrent.CompletionException(new SctpAddressReconfigException(this
                                + ": cannot bind " + address.getHostAddress() + ": " + e.getMessage(), this, e));
                    }
                    return null;
                });
        CompletableFuture<Void> result = socket.thenCompose(v -> addressRequests.request(transport, address,
                org.jsctp.core.assoc.LocalAddressRequest.ADD, (core, now) -> core.addLocalAddress(address, now)));
        if (open) {
            result = result.whenComplete((v, e) -> {
                if (e == null) {
                    engine.openedForAsconf(address);
                } else {
                    endpoint.unbindAddress(address); // refused: the socket goes again
                }
            });
        }
        return result;
    }

    /**
     * Deletes {@code address}, one of ours, from this live association (sctp_bindx with
     * SCTP_BINDX_REM_ADDR; an ASCONF Delete IP Address, RFC 5061 section 4.2.2): it stops being a
     * source at once and the future completes when the peer acknowledged it. Never the last one.
     *
     * @param address one of the association's local addresses, not the last
     * @return completes when the peer acknowledged the deletion
     */
    public CompletableFuture<Void> unbindAddress(InetAddress address) {
        return addressRequests.request(transport, address, org.jsctp.core.assoc.LocalAddressRequest.DELETE,
                (core, now) -> core.deleteLocalAddress(address, now)).thenCompose(v -> {
                    org.jsctp.transport.UdpSctpEndpoint endpoint = engine.transport();
                    // A socket bindAddress opened is closed once the peer acknowledged the deletion.
                    return endpoint != null && engine.closeAfterAsconf(address) ? endpoint.unbindAddress(address)
                            : CompletableFuture.completedFuture(null);
                });
    }

    /**
     * Asks the peer to make {@code address}, one of ours in the association, its primary destination
     * (SCTP_SET_PEER_PRIMARY_ADDR, RFC 6458 section 8.3.2; an ASCONF Set Primary Address, RFC 5061
     * section 4.2.4); completes when the peer acknowledged it.
     *
     * @param address one of the association's local addresses
     * @return completes when the peer acknowledged the request
     */
    public CompletableFuture<Void> setPeerPrimary(InetAddress address) {
        return addressRequests.request(transport, address, org.jsctp.core.assoc.LocalAddressRequest.SET_PEER_PRIMARY,
                (core, now) -> core.requestPeerPrimary(address, now));
    }

    /**
     * As {@link #setPrimary}, without blocking; fails with IllegalArgumentException for an unknown address.
     *
     * @param address one of the peer's addresses
     * @return completes once the event loop made it the primary path
     */
    public CompletableFuture<Void> setPrimaryAsync(InetAddress address) {
        Objects.requireNonNull(address, "address");
        SctpUdpAssociation t = transport;
        if (t == null) {
            return CompletableFuture.failedFuture(new SctpClosedException(this + " is not set up", this, List.of()));
        }
        return t.setPrimary(address);
    }

    /**
     * {@return each path's state, cwnd, srtt, RTO and MTU with its peer address (SCTP_GET_PEER_ADDR_INFO,
     * RFC 6458 section 8.2.2), taken on the event loop}
     *
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @throws SctpException if there is no snapshot ({@link SctpClosedException}: the association was never set up)
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public List<SctpPathStatistics> pathStatistics() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.pathStatistics()", "statisticsAsync()");
        return await(statisticsAsync(), -1).paths();
    }

    /** {@return the peer's SCTP port} */
    public int remoteSctpPort() {
        return remoteSctpPort;
    }

    /** {@return our SCTP port} */
    public int localSctpPort() {
        return engine.sctpPort();
    }

    /** {@return streams we may send on (0 until the association is up)} */
    public int outboundStreams() {
        return outboundStreams;
    }

    /** {@return streams the peer may send on (0 until the association is up)} */
    public int inboundStreams() {
        return inboundStreams;
    }

    /** {@return the state after the last input the event loop processed} */
    public SctpAssociationState state() {
        SctpUdpAssociation t = transport;
        if (t == null) {
            return ended ? SctpAssociationState.CLOSED : SctpAssociationState.COOKIE_WAIT;
        }
        return CoreTypes.state(t.state());
    }

    // ------------------------------------------------------------------ sending

    /**
     * Sends a message, waiting as long as needed for room in the send buffer. Returns once the
     * buffer took it; delivery follows (a later failure is reported by a
     * {@link SctpNotification.SendFailed} notification).
     *
     * @throws SctpClosedException if the association is shutting down or closed
     * @throws SctpAbortedException if it was aborted or lost
     * @throws InterruptedIOException if the thread was interrupted before the message was taken
     * @throws IllegalArgumentException if its stream does not exist or it is larger than the send buffer
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @param message the message; its stream must be below {@link #outboundStreams()}
     */
    public void send(SctpMessage message) throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.send()", "sendAsync() or trySend()");
        awaitTaken(pipeline.submit(outgoing(message), false), -1);
    }

    /**
     * As {@link #send(SctpMessage)}, giving up after {@code timeout}.
     *
     * @throws SctpTimeoutException if there was no room in time; the message was not sent
     * @param message the message; its stream must be below {@link #outboundStreams()}
     * @param timeout how long to wait for room in the send buffer
     * @throws InterruptedIOException if the thread was interrupted before the message was taken
     */
    public void send(SctpMessage message, Duration timeout) throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.send()", "sendAsync() or trySend()");
        awaitTaken(pipeline.submit(outgoing(message), false), ReceiveQueue.nanos(timeout));
    }

    /**
     * Sends a message without blocking. The future completes when the send buffer took it; while
     * the buffer is full it waits in a bounded queue (the builders' {@code pendingSendLimit}),
     * beyond which it fails at once with {@link SctpSendBufferFullException}. It fails with
     * {@link SctpClosedException} or {@link SctpAbortedException} if the association ends first.
     * It may complete on the event loop: do not block in its callbacks.
     *
     * @throws IllegalArgumentException if its stream does not exist or it is larger than the send buffer
     * @param message the message; its stream must be below {@link #outboundStreams()}
     * @return completes when the send buffer took the message
     */
    public CompletableFuture<Void> sendAsync(SctpMessage message) {
        return pipeline.submit(outgoing(message), true).done;
    }

    /**
     * Sends a message if the send buffer has room for it now and no earlier message waits;
     * otherwise returns false at once and takes nothing.
     *
     * @throws SctpClosedException if the association is shutting down or closed
     * @throws SctpAbortedException if it was aborted or lost
     * @throws IllegalArgumentException if its stream does not exist or it is larger than the send buffer
     * @param message the message; its stream must be below {@link #outboundStreams()}
     * @return true if the send buffer took it, false if it did not (nothing was sent)
     */
    public boolean trySend(SctpMessage message) throws SctpException {
        return pipeline.trySubmit(outgoing(message));
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Waits for the next message. Returns null at the end of data: after a graceful shutdown by
     * either side, once every message was read.
     *
     * @throws SctpAbortedException once every message was read, if the association was aborted or lost
     * @throws InterruptedIOException if the thread was interrupted
     * @throws IllegalStateException in the one-to-many style (receive on the endpoint), with a
     *     listener set, or on the endpoint's event-loop thread
     * @return the next message, or null at the end of data
     */
    public SctpReceivedMessage receive() throws SctpException, InterruptedIOException {
        requireOneToOne("receive()");
        engine.guard().refuseBlocking("SctpAssociation.receive()", "receiveAsync() or poll()");
        return take(inbox.messages(), -1);
    }

    /**
     * As {@link #receive()}, giving up after {@code timeout}.
     *
     * @throws SctpTimeoutException if no message came in time
     * @param timeout how long to wait
     * @return the next message, or null at the end of data
     * @throws InterruptedIOException if the thread was interrupted
     */
    public SctpReceivedMessage receive(Duration timeout) throws SctpException, InterruptedIOException {
        requireOneToOne("receive()");
        engine.guard().refuseBlocking("SctpAssociation.receive()", "receiveAsync() or poll()");
        return take(inbox.messages(), ReceiveQueue.nanos(timeout));
    }

    /**
     * {@return the next message when it comes: completes with null at the end of data, exceptionally if
     * the association was aborted or lost} It may complete on the event loop: do not block in its
     * callbacks.
     *
     * @throws IllegalStateException in the one-to-many style
     */
    public CompletableFuture<SctpReceivedMessage> receiveAsync() {
        requireOneToOne("receiveAsync()");
        return inbox.messages().takeAsync();
    }

    /**
     * {@return the next message if one is waiting, otherwise null (also at the end of data: use
     * {@link #receive()} to tell)}
     *
     * @throws SctpAbortedException once every message was read, if the association was aborted or lost
     * @throws IllegalStateException in the one-to-many style
     */
    public SctpReceivedMessage poll() throws SctpException {
        requireOneToOne("poll()");
        return inbox.messages().poll();
    }

    /**
     * {@return the next notification of a subscribed kind if one is waiting (no listener set), otherwise null}
     *
     * @throws SctpAbortedException once every notification was taken, if the association was aborted or lost
     */
    public SctpNotification pollNotification() throws SctpException {
        requireOneToOne("pollNotification()");
        return inbox.notifications().poll();
    }

    /**
     * Waits up to {@code timeout} for the next notification of a subscribed kind (no listener
     * set); null once the association has closed and every notification was taken.
     *
     * @throws SctpTimeoutException if none came in time
     * @param timeout how long to wait
     * @return the next notification, or null once the association has closed and none is left
     * @throws InterruptedIOException if the thread was interrupted
     */
    public SctpNotification receiveNotification(Duration timeout) throws SctpException, InterruptedIOException {
        requireOneToOne("receiveNotification()");
        engine.guard().refuseBlocking("SctpAssociation.receiveNotification()", "pollNotification() or a listener");
        return take(inbox.notifications(), ReceiveQueue.nanos(timeout));
    }

    /**
     * Delivers this association's messages and notifications to {@code listener} (on the event
     * loop) instead of the receive queues; what already waits there goes to it first. Null goes
     * back to the queues. One-to-one style only: in the one-to-many style set it on the endpoint.
     *
     * @param listener the listener, or null to go back to the receive queues
     */
    public void setListener(SctpListener listener) {
        requireOneToOne("setListener()");
        SctpUdpAssociation t = transport;
        if (t == null || engine.guard().isEventLoop()) {
            inbox.setListener(listener);
        } else {
            t.call((core, now) -> {
                inbox.setListener(listener);
                return null;
            }).join();
        }
    }

    /**
     * Holds back delivery to the {@link #setListener listener}: what arrives from now on waits,
     * messages and notifications in their order, and the messages count against the receive
     * window (SO_RCVBUF) until delivered, so a peer sending faster than the application reads is
     * flow-controlled (RFC 9260 section 6.2) instead of being buffered without bound. Called in
     * a listener callback it takes effect before the next one; from another thread, as a task on
     * the event loop, in call order with {@link #resumeDelivery}.
     */
    public void pauseDelivery() {
        onInboxLoop(inbox::pause);
    }

    /**
     * Resumes delivery to the listener: what was held back goes to it first, in order, until a
     * callback pauses delivery again. The future completes on the event loop once that is done.
     *
     * @return completes once what was held back has been handed to the listener (or it paused again)
     */
    public CompletableFuture<Void> resumeDelivery() {
        return onInboxLoop(inbox::resume);
    }

    private CompletableFuture<Void> onInboxLoop(Runnable r) {
        requireOneToOne("pauseDelivery()/resumeDelivery()");
        SctpUdpAssociation t = transport;
        if (t == null || t.eventLoop().inEventLoop()) {
            r.run();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        try {
            t.eventLoop().execute(() -> {
                try {
                    r.run();
                    f.complete(null);
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    // ------------------------------------------------------------------ notifications

    /**
     * Adds notification kinds to those delivered (RFC 6458 section 6.2.1; none by default).
     *
     * @param kinds the kinds to add
     */
    public synchronized void subscribe(NotificationKind... kinds) {
        EnumSet<NotificationKind> s = events.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(events);
        s.addAll(Arrays.asList(kinds));
        events = OptionMapping.copyKinds(s);
    }

    /**
     * Removes notification kinds from those delivered.
     *
     * @param kinds the kinds to remove
     */
    public synchronized void unsubscribe(NotificationKind... kinds) {
        EnumSet<NotificationKind> s = events.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(events);
        Arrays.asList(kinds).forEach(s::remove);
        events = OptionMapping.copyKinds(s);
    }

    // ------------------------------------------------------------------ stream reconfiguration

    /**
     * Resets the sequence numbers of our outbound streams, all of them when none is named
     * (RFC 6525 section 5.1.2, SCTP_RESET_STREAMS with SCTP_STREAM_RESET_OUTGOING). Messages sent
     * on them meanwhile wait and go after the reset, from SSN 0.
     *
     * @param streams the outbound streams, or none for all
     * @return completes with the outcome (performed, or denied by the peer); fails with an
     *     {@link SctpReconfigException} when the peer lacks RE-CONFIG or a request is outstanding
     */
    public CompletableFuture<SctpNotification.StreamReset> resetStreams(int... streams) {
        return resetStreams(SctpStreamDirection.OUTGOING, streams);
    }

    /**
     * Resets streams of one direction, all of them when none is named (RFC 6525 sections 5.1.2
     * and 5.1.3, SCTP_RESET_STREAMS): ours, or the peer's (which it then resets with its own
     * request).
     *
     * @param direction whose streams
     * @param streams the streams, or none for all
     * @return completes with the outcome; fails with an {@link SctpReconfigException} when the
     *     request cannot be made
     */
    public CompletableFuture<SctpNotification.StreamReset> resetStreams(SctpStreamDirection direction, int... streams) {
        Objects.requireNonNull(direction, "direction");
        int[] copy = streams.clone();
        return reconfig.request(transport, SctpNotification.StreamReset.class, direction,
                (core, now) -> direction == SctpStreamDirection.OUTGOING ? core.resetStreams(copy, now)
                        : core.resetIncomingStreams(copy, now));
    }

    /**
     * Resets both directions' TSNs and every stream (RFC 6525 section 5.1.4, SCTP_RESET_ASSOC),
     * once all data we sent is acknowledged; new messages wait meanwhile.
     *
     * @return completes with the outcome; fails with an {@link SctpReconfigException} when the
     *     request cannot be made
     */
    public CompletableFuture<SctpNotification.AssociationReset> resetAssociation() {
        return reconfig.request(transport, SctpNotification.AssociationReset.class, null,
                (core, now) -> core.resetAssociation(now));
    }

    /**
     * Adds outbound streams and asks the peer for more inbound ones (RFC 6525 sections 5.1.5 and
     * 5.1.6, SCTP_ADD_STREAMS).
     *
     * @param outgoing outbound streams to add
     * @param incoming inbound streams to ask the peer for
     * @return completes with the outcome once the peer answered (inbound streams it adds may be
     *     reported by a later {@link SctpNotification.StreamChange}); fails with an
     *     {@link SctpReconfigException} when the request cannot be made
     */
    public CompletableFuture<SctpNotification.StreamChange> addStreams(int outgoing, int incoming) {
        return reconfig.request(transport, SctpNotification.StreamChange.class, null,
                (core, now) -> core.addStreams(outgoing, incoming, now));
    }

    // ------------------------------------------------------------------ ending

    /**
     * Shuts the association down gracefully (RFC 9260 section 9.2): what was sent is delivered,
     * then it closes. Returns once the shutdown completed.
     *
     * @throws SctpAbortedException if the association was lost or aborted instead
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public void shutdown() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.shutdown()", "shutdownAsync()");
        await(shutdownAsync(), -1);
    }

    /**
     * Starts a graceful shutdown; the future completes when it has completed (SHUTDOWN COMPLETE),
     * exceptionally if the association was lost or aborted instead.
     *
     * @return completes when SHUTDOWN COMPLETE was sent or received
     */
    public CompletableFuture<Void> shutdownAsync() {
        SctpUdpAssociation t = transport;
        if (t != null && !ended) {
            t.shutdown();
        }
        return shutdownDone;
    }

    /**
     * Aborts the association (RFC 9260 section 9.1): the peer gets an ABORT with a User-Initiated
     * Abort cause carrying {@code reason}; what was not delivered is dropped (and handed back in
     * {@link SctpNotification.SendFailed} notifications). Returns {@link #onClose()}.
     *
     * @param reason the text of the User-Initiated Abort cause (RFC 9260 section 3.3.10.12), may be empty, not null
     * @return {@link #onClose()}
     */
    public CompletableFuture<Void> abort(String reason) {
        Objects.requireNonNull(reason, "reason");
        SctpUdpAssociation t = transport;
        if (t != null && !ended) {
            t.abort(reason);
        }
        return closed;
    }

    /**
     * Completes when the association has closed, gracefully or not; it never fails.
     *
     * @return the future of the association's end; never completes exceptionally
     */
    public CompletableFuture<Void> onClose() {
        return closed;
    }

    // ------------------------------------------------------------------ status and options

    /**
     * {@return a snapshot of the association's state and counters, taken on the event loop; after the
     * association closed, the one taken as it closed}
     *
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @throws SctpException if there is no snapshot ({@link SctpClosedException}: the association was never set up)
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpStatistics statistics() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.statistics()", "statisticsAsync()");
        return await(statisticsAsync(), -1);
    }

    /** {@return a snapshot of the association's state and counters, taken on the event loop} */
    public CompletableFuture<SctpStatistics> statisticsAsync() {
        SctpUdpAssociation t = transport;
        SctpStatistics last = lastStatistics;
        if (t == null || (ended && last != null)) {
            return last != null ? CompletableFuture.completedFuture(last) : CompletableFuture.failedFuture(
                    new SctpClosedException(this + " has no statistics: it was never set up", this, List.of()));
        }
        return t.call((core, now) -> CoreTypes.statistics(this, core.state(), core.outboundStreams(),
                core.inboundStreams(), core.statistics())).exceptionallyCompose(e -> last != null
                ? CompletableFuture.completedFuture(last) : CompletableFuture.failedFuture(e));
    }

    /**
     * Whether the association uses user message interleaving, I-DATA and I-FORWARD-TSN chunks
     * (RFC 8260 section 2.2: both sides offered it, see {@link SctpOptions#INTERLEAVING_SUPPORTED}),
     * rather than DATA and FORWARD TSN.
     *
     * @return true when I-DATA is in use; false also before the association is set up
     * @throws SctpException if the association closed before saying
     * @throws InterruptedIOException if interrupted while waiting for the event loop
     * @throws IllegalStateException on the endpoint's event-loop thread
     */
    public boolean isInterleaving() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.isInterleaving()", "isInterleavingAsync()");
        return await(isInterleavingAsync(), -1);
    }

    /**
     * As {@link #isInterleaving()}, without blocking.
     *
     * @return a future of whether I-DATA is in use
     */
    public CompletableFuture<Boolean> isInterleavingAsync() {
        SctpUdpAssociation t = transport;
        if (t == null) {
            return CompletableFuture.completedFuture(false);
        }
        return t.call((core, now) -> core.capabilities().interleaving());
    }

    /**
     * The extensions the association uses, as both sides negotiated them at setup.
     *
     * @return what is in use; {@link SctpNegotiatedExtensions#NONE} before the association is set up
     * @throws SctpException if the association closed before saying
     * @throws InterruptedIOException if interrupted while waiting for the event loop
     * @throws IllegalStateException on the endpoint's event-loop thread
     */
    public SctpNegotiatedExtensions negotiatedExtensions() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpAssociation.negotiatedExtensions()", "negotiatedExtensionsAsync()");
        return await(negotiatedExtensionsAsync(), -1);
    }

    /**
     * As {@link #negotiatedExtensions()}, without blocking.
     *
     * @return a future of the extensions in use
     */
    public CompletableFuture<SctpNegotiatedExtensions> negotiatedExtensionsAsync() {
        SctpUdpAssociation t = transport;
        if (t == null) {
            return CompletableFuture.completedFuture(SctpNegotiatedExtensions.NONE);
        }
        return t.call((core, now) -> SctpNegotiatedExtensions.of(core.capabilities(), core.config().cmtEnabled()));
    }

    /**
     * Whether AUTH (RFC 4895) is in use: both sides offered it ({@link SctpOptions#AUTH_SUPPORTED}).
     *
     * @return a future of whether AUTH chunks are exchanged
     */
    public CompletableFuture<Boolean> isAuthenticatedAsync() {
        return authCall(auth -> auth.statistics().inUse());
    }

    /**
     * Adds or replaces this association's endpoint-pair shared key {@code keyId} (SCTP_AUTH_KEY,
     * RFC 6458 section 8.3.2).
     *
     * @param keyId the Shared Key Identifier, 0..65535
     * @param key the key bytes (copied)
     * @return a future done once the key is in place; failed with IllegalArgumentException if invalid
     */
    public CompletableFuture<Void> setAuthKey(int keyId, byte[] key) {
        org.jsctp.core.packet.Bytes copy = org.jsctp.core.packet.Bytes.copyOf(key);
        return authCall(auth -> {
            auth.setKey(keyId, copy);
            return null;
        });
    }

    /**
     * Sends with key {@code keyId} from now on (SCTP_AUTH_ACTIVE_KEY, RFC 6458 section 8.3.3).
     *
     * @param keyId a key of this association that is not deactivated
     * @return a future done once it is active; failed with IllegalArgumentException otherwise
     */
    public CompletableFuture<Void> activateAuthKey(int keyId) {
        return authCall(auth -> {
            auth.activateKey(keyId);
            return null;
        });
    }

    /**
     * Stops sending with key {@code keyId} (SCTP_AUTH_DEACTIVATE_KEY, RFC 6458 section 8.3.4); an
     * {@link SctpNotification.Authentication} with {@code FREE_KEY} follows.
     *
     * @param keyId a key that is not the active one
     * @return a future done once it is deactivated; failed with IllegalArgumentException otherwise
     */
    public CompletableFuture<Void> deactivateAuthKey(int keyId) {
        return authCall(auth -> {
            auth.deactivateKey(keyId);
            return null;
        });
    }

    /**
     * Deletes key {@code keyId} (SCTP_AUTH_DELETE_KEY, RFC 6458 section 8.3.5); the active key
     * cannot be deleted.
     *
     * @param keyId a key that is not the active one
     * @return a future done once it is deleted; failed with IllegalArgumentException otherwise
     */
    public CompletableFuture<Void> deleteAuthKey(int keyId) {
        return authCall(auth -> {
            auth.deleteKey(keyId);
            return null;
        });
    }

    private <T> CompletableFuture<T> authCall(java.util.function.Function<org.jsctp.core.auth.AuthControl, T> f) {
        SctpUdpAssociation t = transport;
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(this + " is not set up yet"));
        }
        return t.call((core, now) -> f.apply(core.auth()));
    }

    /**
     * {@return the option's current value on this association}
     *
     * @param <T> the option's value type
     * @param option one of {@link SctpOptions}
     */
    @SuppressWarnings("unchecked")
    public <T> T getOption(SctpOption<T> option) {
        Objects.requireNonNull(option, "option");
        Object v;
        if (option == SctpOptions.EVENTS) {
            v = events;
        } else if (option == SctpOptions.DEFAULT_SEND_PARAM) {
            v = defaultSend;
        } else if (option == SctpOptions.DEFAULT_PRINFO) {
            v = defaultPrPolicy;
        } else if (option == SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD) {
            v = bufferedAmountLowThreshold;
        } else if (option == SctpOptions.NODELAY) {
            v = noDelay;
        } else if (option == SctpOptions.ENABLE_STREAM_RESET) {
            v = streamResetEnabled;
        } else if (option == SctpOptions.PEER_ADDR_PARAMS) {
            v = new PeerAddressParameters(heartbeatInterval, config.pathMaxRetransmits());
        } else if (option == SctpOptions.PEER_ADDR_THLDS) {
            v = potentiallyFailedThreshold;
        } else {
            v = OptionMapping.read(option, config);
        }
        return (T) v;
    }

    /**
     * Changes an option on this association. Live options take effect at once (on the event loop,
     * before any later send); the others are fixed once the association exists.
     *
     * @throws IllegalArgumentException if the value is out of the option's range
     * @throws IllegalStateException if the option cannot be changed on a live association
     * @param <T> the option's value type
     * @param option one of {@link SctpOptions}
     * @param value the new value, within the option's range
     */
    public <T> void setOption(SctpOption<T> option, T value) {
        option.validate(value);
        if (!option.isLive()) {
            throw new IllegalStateException(option + " cannot be changed on a live association; set it for new "
                    + "associations with the endpoint builder's option(" + option + ", ...)");
        }
        if (option == SctpOptions.EVENTS) {
            @SuppressWarnings("unchecked")
            Set<NotificationKind> kinds = (Set<NotificationKind>) value;
            events = OptionMapping.copyKinds(kinds);
        } else if (option == SctpOptions.DEFAULT_SEND_PARAM) {
            defaultSend = (DefaultSendParameters) value;
        } else if (option == SctpOptions.DEFAULT_PRINFO) {
            defaultPrPolicy = (SctpPrPolicy) value;
        } else if (option == SctpOptions.NODELAY) {
            boolean on = (Boolean) value;
            noDelay = on;
            onCore(core -> core.setNoDelay(on));
        } else if (option == SctpOptions.ENABLE_STREAM_RESET) {
            boolean on = (Boolean) value;
            streamResetEnabled = on;
            onCore(core -> core.setAcceptStreamReconfig(on));
        } else if (option == SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD) {
            long threshold = (Long) value;
            bufferedAmountLowThreshold = threshold;
            onCore(core -> core.setBufferedAmountLowThreshold(threshold));
        } else if (option == SctpOptions.PEER_ADDR_THLDS) {
            int threshold = (Integer) value;
            potentiallyFailedThreshold = threshold;
            onCore(core -> core.setPotentiallyFailedThreshold(threshold)); // RFC 7829 section 6.1
        } else if (option == SctpOptions.PEER_ADDR_PARAMS) {
            PeerAddressParameters p = (PeerAddressParameters) value;
            if (p.pathMaxRetransmits() != config.pathMaxRetransmits()) {
                throw new IllegalStateException(option + " pathMaxRetransmits cannot be changed on a live association "
                        + "(it is " + config.pathMaxRetransmits() + "); only heartbeatInterval can");
            }
            heartbeatInterval = p.heartbeatInterval();
            long nanos = p.heartbeatInterval().toNanos();
            onCore(core -> core.setHeartbeatInterval(nanos));
        }
    }

    /**
     * Sets one outbound stream's scheduler parameter (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260 section
     * 4.3.2): its priority with {@link SctpStreamScheduler#PRIO} (lower first, 0 the default and
     * highest), its weight with {@link SctpStreamScheduler#WFQ} (1..65535, default 1). Other
     * schedulers keep it without using it. Live: it applies from the next scheduling decision on;
     * set before the association is up, it applies from the start.
     *
     * @param stream the outbound stream, 0..65535 (below {@link #outboundStreams()} once up)
     * @param value the priority or weight, 0..65535
     * @throws IllegalArgumentException if the stream or value is out of range for the scheduler
     */
    public void setStreamSchedulerValue(int stream, int value) {
        int limit = up ? outboundStreams - 1 : 65535;
        if (stream < 0 || stream > limit) {
            throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER_VALUE stream must be in 0.." + limit + ": "
                    + stream);
        }
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER_VALUE value must be in 0..65535: " + value);
        }
        if (value == 0 && config.streamScheduler() == org.jsctp.core.tx.StreamSchedulerKind.WFQ) {
            throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER_VALUE: a WFQ weight must be in 1..65535: 0");
        }
        streamSchedulerValues.put(stream, value);
        onCore(core -> core.setStreamSchedulerValue(stream, value));
    }

    /**
     * One outbound stream's scheduler parameter (SCTP_STREAM_SCHEDULER_VALUE, RFC 8260 section 4.3.2).
     *
     * @param stream the outbound stream
     * @return the value last set, or the scheduler's default (1 for WFQ, 0 otherwise)
     */
    public int getStreamSchedulerValue(int stream) {
        return streamSchedulerValues.getOrDefault(stream, config.streamScheduler().defaultStreamValue());
    }

    @Override
    public String toString() {
        return "association " + id + " to " + FailureText.peer(remoteAddress(), remoteSctpPort);
    }

    // ------------------------------------------------------------------ event loop side

    CompletableFuture<SctpAssociation> connected() {
        return connected;
    }

    boolean isUp() {
        return up && !ended;
    }

    Inbox inbox() {
        return inbox;
    }

    /** The transport handle, known from the association's first event on (on the event loop). */
    void bind(SctpUdpAssociation t) {
        if (transport == null) {
            transport = t;
        }
    }

    /** The application took {@code bytes} of received messages: the window may open (RFC 9260 section 6.2). */
    void creditRead(int bytes) {
        SctpUdpAssociation t = transport;
        if (t != null && !ended) {
            t.onUserRead(bytes);
        }
    }

    /** The association's part of the after-input hook, on the event loop. */
    void onInputProcessed() {
        pipeline.onInputProcessed();
    }

    /** The connect attempt failed before the association's first event (e.g. the endpoint is closing). */
    void connectFailed(SctpException e) {
        if (!up && !ended) {
            ended = true;
            pipeline.close(e);
            connected.completeExceptionally(e);
            shutdownDone.completeExceptionally(e);
            inbox.messages().fail(e);
            closed.complete(null);
        }
    }

    /** One event of the core, on the event loop, in order. */
    void onEvent(AssociationEvent e) {
        if (e instanceof AssociationEvent.MessageReceived m) {
            inbox.deliver(CoreTypes.message(this, m.message()));
        } else if (e instanceof AssociationEvent.CommunicationUp c) {
            onUp(c);
        } else if (e instanceof AssociationEvent.CommunicationLost lost) {
            onLost(lost);
        } else if (e instanceof AssociationEvent.ShutdownComplete) {
            onShutdownComplete();
        } else if (e instanceof AssociationEvent.PeerShutdown) {
            // RFC 9260 section 9.2: the peer sent SHUTDOWN only once all its data was acknowledged,
            // so nothing more will arrive: the end of data, once what is queued was read.
            inbox.messages().end();
            pipeline.close(new SctpClosedException(this + " is shutting down: the peer started a graceful shutdown "
                    + "and accepts no new data (RFC 9260 section 9.2)", this, List.of()));
            notify(new SctpNotification.Shutdown(this));
        } else if (e instanceof AssociationEvent.Restarted r) {
            outboundStreams = r.outboundStreams();
            inboundStreams = r.inboundStreams();
            notify(new SctpNotification.AssociationChange(this, SctpNotification.AssociationChange.Change.RESTART,
                    "the peer restarted; " + r.droppedMessages() + " queued messages were dropped", List.of(),
                    r.outboundStreams(), r.inboundStreams()));
        } else if (e instanceof AssociationEvent.RemoteError r) {
            notify(new SctpNotification.RemoteError(this, CoreTypes.causes(r.causes())));
        } else if (e instanceof AssociationEvent.PeerAddressChange p) {
            SctpUdpAssociation t = transport;
            InetSocketAddress where = p.address() == null || t == null ? remoteAddress() : t.remoteAddress(p.address());
            notify(new SctpNotification.PeerAddressChange(this, where, p.available(),
                    SctpPeerAddressState.valueOf(p.state().name())));
        } else if (e instanceof AssociationEvent.LocalAddressChange c) {
            addressRequests.onResult(c); // RFC 5061 section 5.1: the peer's answer to bindx / set peer primary
        } else if (e instanceof AssociationEvent.SendFailed f) {
            Object original = f.message().context();
            SctpMessage m = original instanceof SctpMessage sm ? sm
                    : SctpMessage.of(f.message().payload().toByteArray()).withStream(f.message().streamId());
            notify(new SctpNotification.SendFailed(this, m, f.sent(), f.reason()));
        } else if (e instanceof AssociationEvent.PartialDeliveryAborted p) {
            // RFC 6458 section 6.1.7: the message in pieces will never be completed
            notify(new SctpNotification.PartialDeliveryAborted(this, p.streamId(), p.unordered(), p.sequenceNumber()));
        } else if (e instanceof AssociationEvent.SenderDry) {
            notify(new SctpNotification.SenderDry(this));
        } else if (e instanceof AssociationEvent.AdaptationIndication a) {
            notify(new SctpNotification.AdaptationIndication(this, a.codePoint())); // RFC 6458 section 6.1.6
        } else if (e instanceof AssociationEvent.Authentication auth) {
            notify(new SctpNotification.Authentication(this, auth.keyId(),
                    SctpNotification.Authentication.Indication.valueOf(auth.indication().name())));
        } else if (e instanceof AssociationEvent.BufferedAmountLow low) {
            notify(new SctpNotification.BufferedAmountLow(this, low.bufferedAmount(), bufferedAmountLowThreshold));
        } else {
            SctpNotification n = reconfig.toNotification(e); // RFC 6525 sections 6.1.1-6.1.3
            if (n instanceof SctpNotification.StreamChange c && c.result() == SctpReconfigResult.PERFORMED) {
                outboundStreams = c.outboundStreams();
                inboundStreams = c.inboundStreams();
            }
            if (n != null) {
                notify(n);
                reconfig.complete(n); // after the counts, so the caller sees them
            }
        }
    }

    private void onUp(AssociationEvent.CommunicationUp c) {
        if (up) {
            return;
        }
        outboundStreams = c.outboundStreams();
        inboundStreams = c.inboundStreams();
        up = true;
        long threshold = bufferedAmountLowThreshold;
        boolean nagleOff = noDelay;
        java.util.Map<Integer, Integer> schedulerValues = java.util.Map.copyOf(streamSchedulerValues);
        onCore(core -> {
            core.setBufferedAmountLowThreshold(threshold);
            core.setNoDelay(nagleOff);
            schedulerValues.forEach((stream, value) -> {
                if (stream < core.outboundStreams()) {
                    core.setStreamSchedulerValue(stream, value);
                }
            });
        });
        pipeline.open(transport, notAccepting -> new SctpClosedException(this + " is shutting down and accepts no "
                + "new data (RFC 9260 section 9.2)", this, notAccepting));
        engine.opened(this);
        notify(new SctpNotification.AssociationChange(this, SctpNotification.AssociationChange.Change.COMM_UP, "",
                List.of(), c.outboundStreams(), c.inboundStreams()));
        connected.complete(this);
    }

    private void onLost(AssociationEvent.CommunicationLost lost) {
        List<SctpErrorCause> causes = CoreTypes.causes(lost.causes());
        boolean wasUp = up;
        SctpException failure = wasUp
                ? new SctpAbortedException(FailureText.lost(remoteAddress(), remoteSctpPort, lost.reason(), causes), this,
                        causes)
                : new SctpConnectException(FailureText.connect(remoteAddress(), remoteSctpPort, lost.reason(), causes),
                        this, causes);
        notify(new SctpNotification.AssociationChange(this, wasUp ? SctpNotification.AssociationChange.Change.COMM_LOST
                : SctpNotification.AssociationChange.Change.CANT_STR_ASSOC, failure.getMessage(), causes, 0, 0));
        end(failure, failure);
    }

    private void onShutdownComplete() {
        notify(new SctpNotification.AssociationChange(this, SctpNotification.AssociationChange.Change.SHUTDOWN_COMP,
                "", List.of(), 0, 0));
        end(new SctpClosedException(this + " was shut down", this, List.of()), null);
    }

    /** Closing, for either reason: fail or end everything waiting, keep the last statistics. */
    private void end(SctpException forSenders, SctpException failure) {
        ended = true;
        pipeline.close(forSenders);
        reconfig.fail(forSenders);
        addressRequests.fail(forSenders);
        if (failure == null) {
            inbox.messages().end();
            shutdownDone.complete(null);
        } else {
            inbox.messages().fail(failure);
            shutdownDone.completeExceptionally(failure);
            connected.completeExceptionally(failure);
        }
        inbox.notifications().end();
        engine.closed(this);
        SctpUdpAssociation t = transport;
        if (t == null) {
            closed.complete(null);
            return;
        }
        t.call((core, now) -> CoreTypes.statistics(this, core.state(), outboundStreams, inboundStreams,
                core.statistics())).whenComplete((s, ex) -> {
                    lastStatistics = s;
                    closed.complete(null);
                });
    }

    private void notify(SctpNotification n) {
        if (events.contains(n.kind())) {
            inbox.deliver(n);
        }
    }

    private void onCore(java.util.function.Consumer<org.jsctp.core.assoc.Association> change) {
        SctpUdpAssociation t = transport;
        if (t != null) {
            t.call((core, now) -> {
                if (core.state() != AssociationState.CLOSED) {
                    change.accept(core);
                }
                return null;
            });
        }
    }

    private void requireOneToOne(String call) {
        if (engine.isOneToMany()) {
            throw new IllegalStateException("SctpAssociation." + call + " is for one-to-one associations; in the "
                    + "one-to-many style receive on the SctpMultiEndpoint, which delivers every association's messages");
        }
    }

    /** Checks a message against what the association can send and gives it its defaults. */
    private OutgoingMessage outgoing(SctpMessage m) {
        Objects.requireNonNull(m, "message");
        DefaultSendParameters d = defaultSend;
        int stream = m.hasStream() ? m.stream() : d.stream();
        int ppid = m.hasPpid() ? m.ppid() : d.ppid();
        boolean unordered = m.hasUnordered() ? m.isUnordered() : d.unordered();
        int streams = outboundStreams;
        if (up && stream >= streams) {
            throw new IllegalArgumentException("stream " + stream + " does not exist: " + this + " has " + streams
                    + " outbound streams (0.." + (streams - 1) + ")");
        }
        long largest = Math.min(config.maxMessageBytes(), config.sendBufferBytes());
        if (m.length() > largest) {
            throw new IllegalArgumentException("a message of " + m.length() + " bytes is larger than " + this
                    + " sends: at most " + largest + " bytes (the send buffer, SO_SNDBUF, and MAX_MESSAGE_SIZE)");
        }
        SctpMessage withContext = m.context() == null && d.context() != null ? m.withContext(d.context()) : m;
        SctpPrPolicy pr = m.prPolicy() != null ? m.prPolicy() : defaultPrPolicy;
        OutgoingMessage out = new OutgoingMessage(stream, ppid, unordered, Bytes.wrap(m.array(), m.offset(),
                m.length()), OutgoingMessage.NEVER, OutgoingMessage.UNLIMITED, withContext);
        // RFC 7496 section 4.3: the default applies to messages without their own policy; the
        // lifetime of timed reliability counts from this send call.
        return pr.policy() == SctpPrPolicy.Policy.NONE ? out : out.withPolicy(CoreTypes.prPolicy(pr), System.nanoTime());
    }

    private void awaitTaken(SendPipeline.Entry e, long timeoutNanos) throws SctpException, InterruptedIOException {
        try {
            if (timeoutNanos < 0) {
                e.done.get();
            } else {
                e.done.get(timeoutNanos, TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException t) {
            pipeline.withdraw(e, new SctpTimeoutException("no room in the send buffer of " + this + " within "
                    + Duration.ofNanos(timeoutNanos) + "; the message was not sent", this, List.of()));
            awaitUninterruptibly(e);
        } catch (InterruptedException i) {
            pipeline.withdraw(e, new SctpClosedException("interrupted while waiting to send on " + this, this, i));
            try {
                awaitUninterruptibly(e);
            } catch (SctpClosedException closedByInterrupt) {
                Thread.currentThread().interrupt();
                InterruptedIOException io = new InterruptedIOException("interrupted while waiting to send on " + this
                        + "; the message was not sent");
                io.initCause(i);
                throw io;
            }
            Thread.currentThread().interrupt(); // it was taken anyway
        } catch (ExecutionException x) {
            throw unwrap(x);
        }
    }

    private static void awaitUninterruptibly(SendPipeline.Entry e) throws SctpException {
        try {
            e.done.join();
        } catch (java.util.concurrent.CompletionException x) {
            throw unwrap(x);
        }
    }

    private <T> T take(ReceiveQueue<T> q, long timeoutNanos) throws SctpException, InterruptedIOException {
        try {
            return q.take(timeoutNanos, () -> new SctpTimeoutException("nothing received on " + this + " within "
                    + Duration.ofNanos(timeoutNanos), this, List.of()));
        } catch (InterruptedException i) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while receiving on " + this);
            io.initCause(i);
            throw io;
        }
    }

    static <T> T await(CompletableFuture<T> f, long timeoutNanos) throws SctpException, InterruptedIOException {
        try {
            return timeoutNanos < 0 ? f.get() : f.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException i) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting");
            io.initCause(i);
            throw io;
        } catch (ExecutionException x) {
            throw unwrap(x);
        } catch (TimeoutException t) {
            throw new SctpTimeoutException("timed out after " + Duration.ofNanos(timeoutNanos), null, t);
        }
    }

    /** The message of what is behind a failed future. */
    static String unwrapMessage(Throwable x) {
        Throwable c = x;
        while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage());
    }

    /** The SctpException (or unchecked exception) behind a failed future. */
    static SctpException unwrap(Throwable x) {
        Throwable c = x;
        while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof SctpException s) {
            return s;
        }
        if (c instanceof RuntimeException r) {
            throw r;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new SctpException(String.valueOf(c.getMessage()), null, c);
    }
}
