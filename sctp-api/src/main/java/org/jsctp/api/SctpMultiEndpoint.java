package org.jsctp.api;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An SCTP endpoint in the one-to-many style (RFC 6458 section 3, like a UDP socket): one UDP
 * socket (RFC 6951) and one SCTP port carrying any number of associations, whose messages are all
 * received here, each naming its {@link SctpReceivedMessage#association() association}.
 *
 * <p>Sending to a peer with no association sets one up implicitly ({@link
 * #send(InetSocketAddress, int, SctpMessage)}, RFC 6458 section 3.1.4); after {@link #listen()},
 * associations peers set up are accepted automatically. Notifications of the
 * {@link #subscribe subscribed} kinds of every association come here too. Every method may be
 * called from any thread; the blocking ones refuse to run on the endpoint's event-loop thread.
 */
public final class SctpMultiEndpoint implements AutoCloseable {

    /** A peer as implicit setup identifies it: its UDP address and SCTP port. */
    private record Peer(InetSocketAddress address, int sctpPort) {
    }

    private final EndpointEngine engine;
    private final Inbox inbox;
    private final Map<Peer, SctpAssociation> byPeer = new ConcurrentHashMap<>();
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final int remoteUdpPort;
    private volatile boolean listening;
    private volatile Set<NotificationKind> events;
    private CompletableFuture<Void> closing;

    private SctpMultiEndpoint(Builder b) {
        this.inbox = new Inbox(b.listener);
        this.remoteUdpPort = b.remoteUdpPort;
        this.events = b.options.events();
        this.engine = new EndpointEngine(new EndpointEngine.Style() {
            @Override
            public String refusal(InetSocketAddress remote, int remoteSctpPort) {
                return listening ? null : "SCTP port " + sctpPort() + " is not accepting associations (not listening)";
            }

            @Override
            public Inbox inboxForNew() {
                return inbox;
            }

            @Override
            public void accepted(SctpAssociation a) {
                byPeer.putIfAbsent(new Peer(a.remoteAddress(), a.remoteSctpPort()), a);
                a.onClose().thenRun(() -> byPeer.remove(new Peer(a.remoteAddress(), a.remoteSctpPort()), a));
            }
        }, b.options, b.pendingSendLimit, true, b.remoteUdpPort);
    }

    /** {@return a builder with the defaults: wildcard address, UDP port 9899, an ephemeral SCTP port} */
    public static Builder builder() {
        return new Builder();
    }

    /** Accepts associations peers set up from now on, automatically (RFC 6458 section 3.1.3). */
    public void listen() {
        listening = true;
    }

    /**
     * Sends a message on an association of this endpoint, waiting for room in its send buffer
     * (see {@link SctpAssociation#send(SctpMessage)}).
     *
     * @param association an open association of this endpoint
     * @param message the message
     * @throws SctpException as {@link SctpAssociation#send(SctpMessage)} throws it
     * @throws InterruptedIOException if the thread was interrupted before the message was taken
     */
    public void send(SctpAssociation association, SctpMessage message) throws SctpException, InterruptedIOException {
        own(association).send(message);
    }

    /**
     * Sends a message on an association of this endpoint without blocking (see {@link SctpAssociation#sendAsync}).
     *
     * @param association an open association of this endpoint
     * @param message the message
     * @return completes when the send buffer took the message
     */
    public CompletableFuture<Void> sendAsync(SctpAssociation association, SctpMessage message) {
        return own(association).sendAsync(message);
    }

    /**
     * Sends a message to a peer, setting up an association first when there is none with it
     * (implicit setup, RFC 6458 section 3.1.4). Waits until the association is up and the message
     * is in its send buffer; returns the association.
     *
     * @param remoteUdp the peer's UDP address; port 0 means the builder's remote UDP port
     * @throws SctpConnectException if the association could not be set up
     * @param sctpPort the peer's SCTP port
     * @param message the message
     * @return the association the message went on
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpAssociation send(InetSocketAddress remoteUdp, int sctpPort, SctpMessage message) throws SctpException,
            InterruptedIOException {
        engine.guard().refuseBlocking("SctpMultiEndpoint.send()", "sendAsync()");
        SctpAssociation a = associationTo(remoteUdp, sctpPort);
        SctpAssociation.await(a.connected(), -1);
        a.send(message);
        return a;
    }

    /**
     * As {@link #send(InetSocketAddress, int, SctpMessage)} without blocking: the future completes
     * with the association once the message is in its send buffer.
     *
     * @param remoteUdp the peer's UDP address; port 0 means the builder's remote UDP port
     * @param sctpPort the peer's SCTP port
     * @param message the message
     * @return completes with the association once the message is in its send buffer
     */
    public CompletableFuture<SctpAssociation> sendAsync(InetSocketAddress remoteUdp, int sctpPort,
                                                        SctpMessage message) {
        SctpAssociation a = associationTo(remoteUdp, sctpPort);
        return a.connected().thenCompose(up -> up.sendAsync(message)).thenApply(v -> a);
    }

    /**
     * Waits for the next message of any association.
     *
     * @throws SctpClosedException once the endpoint is closed and every message was read
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @return the next message
     * @throws InterruptedIOException if the thread was interrupted
     */
    public SctpReceivedMessage receive() throws SctpException, InterruptedIOException {
        return receive(-1);
    }

    /**
     * As {@link #receive()}, giving up after {@code timeout}.
     *
     * @throws SctpTimeoutException if none came in time
     * @param timeout how long to wait
     * @return the next message
     * @throws InterruptedIOException if the thread was interrupted
     */
    public SctpReceivedMessage receive(Duration timeout) throws SctpException, InterruptedIOException {
        return receive(ReceiveQueue.nanos(timeout));
    }

    /** {@return the next message of any association when it comes; fails once the endpoint is closed} */
    public CompletableFuture<SctpReceivedMessage> receiveAsync() {
        return inbox.messages().takeAsync();
    }

    /**
     * {@return the next message of any association if one is waiting, otherwise null}
     *
     * @throws SctpClosedException once the endpoint is closed and every message was read
     */
    public SctpReceivedMessage poll() throws SctpException {
        return inbox.messages().poll();
    }

    /**
     * {@return the next notification of a subscribed kind if one is waiting (no listener set), otherwise null}
     *
     * @throws SctpClosedException once the endpoint is closed and every notification was taken
     */
    public SctpNotification pollNotification() throws SctpException {
        return inbox.notifications().poll();
    }

    /**
     * Waits up to {@code timeout} for the next notification of a subscribed kind (no listener set).
     *
     * @throws SctpTimeoutException if none came in time
     * @param timeout how long to wait
     * @return the next notification
     * @throws InterruptedIOException if the thread was interrupted
     */
    public SctpNotification receiveNotification(Duration timeout) throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpMultiEndpoint.receiveNotification()", "pollNotification() or a listener");
        try {
            long nanos = ReceiveQueue.nanos(timeout);
            return inbox.notifications().take(nanos, () -> new SctpTimeoutException("no notification within "
                    + timeout, null, List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a notification");
        }
    }

    /**
     * Delivers every association's messages and notifications to {@code listener} (on the event
     * loop) instead of the receive queues; what already waits there goes to it first.
     *
     * @param listener the listener, or null to go back to the receive queues
     */
    public void setListener(SctpListener listener) {
        if (engine.guard().isEventLoop()) {
            inbox.setListener(listener);
        } else {
            engine.transport().eventLoop().submit(() -> inbox.setListener(listener)).syncUninterruptibly();
        }
    }

    /**
     * Adds notification kinds delivered for every association, present and future (RFC 6458
     * section 6.2.1; none by default).
     *
     * @param kinds the kinds to add
     */
    public synchronized void subscribe(NotificationKind... kinds) {
        EnumSet<NotificationKind> s = events.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(events);
        s.addAll(Arrays.asList(kinds));
        events = OptionMapping.copyKinds(s);
        for (SctpAssociation a : engine.associations()) {
            a.subscribe(kinds);
        }
        engine.defaults().set(SctpOptions.EVENTS, events);
    }

    /** {@return the open associations, oldest first} */
    public List<SctpAssociation> associations() {
        return engine.associations();
    }

    /**
     * {@return the open association with this id, or null}
     *
     * @param id an association's {@link SctpAssociation#id()}
     */
    public SctpAssociation association(int id) {
        return engine.association(id);
    }

    /** {@return the bound UDP address; its port is the one picked when the builder asked for 0} */
    public InetSocketAddress localAddress() {
        return engine.transport().localAddress();
    }

    /** {@return our SCTP port} */
    public int sctpPort() {
        return engine.sctpPort();
    }

    /**
     * Closes the endpoint: shuts every association down gracefully, aborts those not closed
     * within the close timeout, releases the UDP port. Idempotent.
     *
     * @throws IllegalStateException on the endpoint's event-loop thread (use {@link #closeAsync()})
     */
    @Override
    public void close() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpMultiEndpoint.close()", "closeAsync()");
        SctpAssociation.await(closeAsync(), -1);
    }

    /**
     * Starts closing as {@link #close()} does; the future completes when it is done.
     *
     * @return completes when every association and the socket are closed
     */
    public synchronized CompletableFuture<Void> closeAsync() {
        if (closeStarted.compareAndSet(false, true)) {
            listening = false;
            closing = engine.close().whenComplete((v, e) -> {
                SctpClosedException c = new SctpClosedException("the endpoint on SCTP port " + sctpPort() + " is closed",
                        null, List.of());
                inbox.messages().fail(c);
                inbox.notifications().end();
            });
        }
        return closing;
    }

    @Override
    public String toString() {
        return "SctpMultiEndpoint[" + localAddress() + ", SCTP port " + sctpPort() + "]";
    }

    private SctpReceivedMessage receive(long timeoutNanos) throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpMultiEndpoint.receive()", "receiveAsync() or poll()");
        try {
            return inbox.messages().take(timeoutNanos, () -> new SctpTimeoutException("nothing received on SCTP port "
                    + sctpPort() + " within " + Duration.ofNanos(timeoutNanos), null, List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving on SCTP port " + sctpPort());
        }
    }

    /** The association with the peer, set up now if there is none (or only a closed one). */
    private SctpAssociation associationTo(InetSocketAddress remoteUdp, int sctpPort) {
        Objects.requireNonNull(remoteUdp, "remoteUdp");
        InetSocketAddress to = remoteUdp.getPort() != 0 ? remoteUdp
                : new InetSocketAddress(remoteUdp.getAddress(), remoteUdpPort);
        Peer peer = new Peer(to, sctpPort);
        SctpAssociation a = byPeer.compute(peer, (p, old) -> old != null && old.state() != SctpAssociationState.CLOSED
                ? old : engine.connect(to, sctpPort));
        a.onClose().thenRun(() -> byPeer.remove(peer, a));
        return a;
    }

    private SctpAssociation own(SctpAssociation a) {
        Objects.requireNonNull(a, "association");
        if (engine.association(a.id()) != a && a.state() != SctpAssociationState.CLOSED) {
            throw new IllegalArgumentException(a + " does not belong to " + this);
        }
        return a;
    }

    /** Settings of a one-to-many endpoint; {@link #build()} binds it. */
    public static final class Builder extends SctpEndpointBuilder<Builder, SctpMultiEndpoint> {

        private Builder() {
        }

        @Override
        public CompletableFuture<SctpMultiEndpoint> buildAsync() {
            SctpMultiEndpoint e = new SctpMultiEndpoint(this);
            return e.engine.start(transportBuilder()).thenApply(engine -> e);
        }
    }
}
