package org.jsctp.api;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An SCTP endpoint in the one-to-one style (RFC 6458 section 4, like a TCP socket): one UDP
 * socket (RFC 6951) and one SCTP port, from which associations are set up with
 * {@link #connect(InetSocketAddress, int)} or taken from peers with {@link #listen()} and
 * {@link #accept()}. Each {@link SctpAssociation} is sent and received on by itself.
 *
 * <p>Until {@link #listen()} is called, peers that try to set up an association are refused with
 * an ABORT saying so; while the accept backlog is full, likewise. Every method may be called from
 * any thread; the blocking ones refuse to run on the endpoint's event-loop thread.
 */
public final class SctpEndpoint implements AutoCloseable {

    private final EndpointEngine engine;
    private final ReceiveQueue<SctpAssociation> accepted;
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private volatile boolean listening;
    private volatile int backlog;
    private CompletableFuture<Void> closing;

    private SctpEndpoint(Builder b, ReceiveQueue<SctpAssociation> accepted, Styles styles) {
        this.accepted = accepted;
        this.engine = new EndpointEngine(styles, b.options, b.pendingSendLimit, false, b.remoteUdpPort);
        styles.endpoint = this;
        styles.listener = b.listener;
    }

    /** {@return a builder with the defaults: wildcard address, UDP port 9899, an ephemeral SCTP port} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets up an association and waits until it is up.
     *
     * @param remoteUdp the peer's UDP address; port 0 means the builder's remote UDP port
     * @param sctpPort the peer's SCTP port
     * @throws SctpConnectException if it could not be set up, saying why (no answer, refused)
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @return the association, up
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpAssociation connect(InetSocketAddress remoteUdp, int sctpPort) throws SctpException,
            InterruptedIOException {
        engine.guard().refuseBlocking("SctpEndpoint.connect()", "connectAsync()");
        return SctpAssociation.await(connectAsync(remoteUdp, sctpPort), -1);
    }

    /**
     * Sets up an association; the future completes when it is up, or fails with a
     * {@link SctpConnectException} saying why it could not be set up.
     *
     * @param remoteUdp the peer's UDP address; port 0 means the builder's remote UDP port
     * @param sctpPort the peer's SCTP port
     * @return completes with the association once it is up
     */
    public CompletableFuture<SctpAssociation> connectAsync(InetSocketAddress remoteUdp, int sctpPort) {
        return engine.connect(remoteUdp, sctpPort).connected();
    }

    /**
     * Sets up an association with a multi-homed peer (sctp_connectx, RFC 6458 section 9.9; RFC
     * 9260 section 6.4) and waits until it is up: {@code remoteUdp} are the peer's addresses, each
     * with its UDP port (0: the builder's remote UDP port), the first the initial primary.
     *
     * @throws SctpConnectException if it could not be set up, saying why
     * @throws IllegalArgumentException for an empty list or a duplicate address
     * @throws IllegalStateException on the endpoint's event-loop thread
     * @param remoteUdp the peer's addresses, the first the initial primary
     * @param sctpPort the peer's SCTP port
     * @return the association, up
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpAssociation connect(java.util.List<InetSocketAddress> remoteUdp, int sctpPort) throws SctpException,
            InterruptedIOException {
        engine.guard().refuseBlocking("SctpEndpoint.connect()", "connectAsync()");
        return SctpAssociation.await(connectAsync(remoteUdp, sctpPort), -1);
    }

    /**
     * As {@link #connect(java.util.List, int)}, without blocking.
     *
     * @param remoteUdp the peer's addresses, the first the initial primary
     * @param sctpPort the peer's SCTP port
     * @return completes with the association once it is up
     */
    public CompletableFuture<SctpAssociation> connectAsync(java.util.List<InetSocketAddress> remoteUdp, int sctpPort) {
        return engine.connect(remoteUdp, sctpPort).connected();
    }

    /** Accepts associations from peers from now on, with a backlog of 128. */
    public void listen() {
        listen(128);
    }

    /**
     * Accepts associations from peers from now on (RFC 6458 section 4.1.3). At most
     * {@code backlog} set-up associations wait for {@link #accept()}; more are refused with an
     * ABORT until some are accepted. One that closes before it is accepted leaves the backlog when
     * nothing of it is left to read (its messages went to a listener, or there were none); one
     * with messages still to read stays until accepted.
     *
     * @param backlog how many set-up associations may wait for {@link #accept()}, at least 1
     */
    public void listen(int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        this.backlog = backlog;
        this.listening = true;
    }

    /**
     * Waits for the next association a peer set up.
     *
     * @throws SctpClosedException if the endpoint is closed
     * @throws IllegalStateException before {@link #listen()}, or on the endpoint's event-loop thread
     * @return the association, up
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpAssociation accept() throws SctpException, InterruptedIOException {
        return accept(-1);
    }

    /**
     * As {@link #accept()}, giving up after {@code timeout}.
     *
     * @throws SctpTimeoutException if none came in time
     * @param timeout how long to wait
     * @return the association, up
     * @throws InterruptedIOException if the thread was interrupted while waiting
     */
    public SctpAssociation accept(Duration timeout) throws SctpException, InterruptedIOException {
        return accept(ReceiveQueue.nanos(timeout));
    }

    /** {@return the next association a peer sets up; fails with {@link SctpClosedException} once the endpoint is closed} */
    public CompletableFuture<SctpAssociation> acceptAsync() {
        requireListening();
        return accepted.takeAsync();
    }

    /** {@return the open associations (set up and not closed), accepted or not, oldest first} */
    public List<SctpAssociation> associations() {
        return engine.associations();
    }

    /** {@return the bound UDP address; its port is the one picked when the builder asked for 0} */
    public InetSocketAddress localAddress() {
        return engine.transport().localAddress();
    }

    /** {@return every bound socket address: one per address of the builder's {@code localAddresses}, or the one of {@link #localAddress()}} */
    public java.util.List<InetSocketAddress> localAddresses() {
        return engine.transport().localAddresses();
    }

    /** {@return our SCTP port} */
    public int sctpPort() {
        return engine.sctpPort();
    }

    /** {@return the transport in use} */
    public SctpTransportType transportType() {
        return CoreTypes.transportType(engine.transport().transportType());
    }

    /** Associations waiting to be accepted; for tests of this package. */
    int waitingToBeAccepted() {
        return accepted.size();
    }

    /** The transport endpoint underneath; for tests of this package. */
    org.jsctp.transport.UdpSctpEndpoint transport() {
        return engine.transport();
    }

    /**
     * Closes the endpoint: shuts every association down gracefully (on both sides), aborts those
     * not closed within the close timeout, and releases the UDP port. Idempotent.
     *
     * @throws IllegalStateException on the endpoint's event-loop thread (use {@link #closeAsync()})
     */
    @Override
    public void close() throws SctpException, InterruptedIOException {
        engine.guard().refuseBlocking("SctpEndpoint.close()", "closeAsync()");
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
            closing = engine.close().whenComplete((v, e) -> accepted.fail(
                    new SctpClosedException("the endpoint on SCTP port " + sctpPort() + " is closed", null, List.of())));
        }
        return closing;
    }

    @Override
    public String toString() {
        return "SctpEndpoint[" + localAddress() + ", SCTP port " + sctpPort() + "]";
    }

    private SctpAssociation accept(long timeoutNanos) throws SctpException, InterruptedIOException {
        requireListening();
        engine.guard().refuseBlocking("SctpEndpoint.accept()", "acceptAsync()");
        try {
            SctpAssociation a = accepted.take(timeoutNanos, () -> new SctpTimeoutException("no association set up "
                    + "with SCTP port " + sctpPort() + " within " + Duration.ofNanos(timeoutNanos), null, List.of()));
            if (a == null) {
                throw new SctpClosedException("the endpoint on SCTP port " + sctpPort() + " is closed", null, List.of());
            }
            return a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while accepting on SCTP port " + sctpPort());
        }
    }

    private void requireListening() {
        if (!listening && !closeStarted.get()) {
            throw new IllegalStateException("call listen() before accepting associations");
        }
    }

    /** Admission and delivery of the one-to-one style. */
    private static final class Styles implements EndpointEngine.Style {
        private SctpEndpoint endpoint;
        private SctpListener listener;

        @Override
        public String refusal(InetSocketAddress remote, int remoteSctpPort) {
            SctpEndpoint e = endpoint;
            if (!e.listening) {
                return "SCTP port " + e.sctpPort() + " is not accepting associations (not listening)";
            }
            if (e.accepted.size() >= e.backlog) {
                return "SCTP port " + e.sctpPort() + " has " + e.backlog + " associations waiting to be accepted "
                        + "(backlog full)";
            }
            return null;
        }

        @Override
        public Inbox inboxForNew() {
            return new Inbox(listener);
        }

        @Override
        public void accepted(SctpAssociation a) {
            ReceiveQueue<SctpAssociation> queue = endpoint.accepted;
            queue.add(a);
            // One that closes before it is accepted, with nothing left to read (a listener took
            // its messages), would only hold a place in the backlog: it leaves the queue.
            a.onClose().thenRun(() -> {
                if (a.inbox().isEmpty()) {
                    queue.remove(a);
                }
            });
        }
    }

    /** Settings of a one-to-one endpoint; {@link #build()} binds it. */
    public static final class Builder extends SctpEndpointBuilder<Builder, SctpEndpoint> {

        private int eventLoops = 1;

        private Builder() {
        }

        /**
         * How many event loops serve the endpoint's UDP port, each with a socket of its own bound
         * to it with SO_REUSEPORT, so that the kernel spreads the peers over the loops and
         * associations with different peers run in parallel. Each association stays on one loop,
         * where its listener is called. Native epoll only (with NIO one loop serves). The
         * endpoint's own group gets at least this many threads; a group given with
         * {@link #eventLoopGroup} lends this many of its loops. Default 1.
         *
         * @param loops how many loops, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder eventLoops(int loops) {
            if (loops < 1) {
                throw new IllegalArgumentException("event loops must be at least 1: " + loops);
            }
            this.eventLoops = loops;
            return this;
        }

        @Override
        public CompletableFuture<SctpEndpoint> buildAsync() {
            SctpEndpoint e = new SctpEndpoint(this, new ReceiveQueue<>(a -> {
            }), new Styles());
            return e.engine.start(transportBuilder().eventLoops(eventLoops)).thenApply(engine -> e);
        }
    }
}
