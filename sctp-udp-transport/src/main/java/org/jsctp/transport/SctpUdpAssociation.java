package org.jsctp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;

/**
 * The handle of one association of a {@link UdpSctpEndpoint}. Its methods may be called from any
 * thread: user calls run as tasks on the endpoint's event loop, and {@link #state()} and
 * {@link #remoteAddress()} read values the event loop publishes after every input.
 */
public final class SctpUdpAssociation {

    private final EndpointDriver driver;
    private final Association core;
    private final AssociationTimer timer;
    private final AssociationTable.PeerKey peerKey;
    private final CompletableFuture<SctpUdpAssociation> established = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile InetSocketAddress remoteAddress;
    /** Where each peer address is sent to (RFC 6951 section 5.4); see {@link PeerDestinations}. */
    private final PeerDestinations destinations;
    private volatile List<InetAddress> peerAddresses = List.of();
    private volatile InetAddress primaryAddress;
    private final List<AssociationTable.PeerKey> extraPeerKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile AssociationState state;
    private volatile long sendBufferAvailable;
    private volatile Object attachment;
    private final AtomicLong unreportedReads = new AtomicLong();
    /** Calls waiting in the event loop's task queue: while there are any, later calls queue behind them. */
    private final AtomicInteger queuedCalls = new AtomicInteger();

    SctpUdpAssociation(EndpointDriver driver, Association core, InetSocketAddress remoteAddress, Object attachment) {
        this.driver = driver;
        this.attachment = attachment;
        this.core = core;
        this.remoteAddress = remoteAddress;
        this.destinations = new PeerDestinations(remoteAddress.getPort());
        this.peerKey = AssociationTable.PeerKey.of(remoteAddress.getAddress(), core.peerPort());
        this.state = core.state();
        this.timer = new AssociationTimer(driver.eventLoop(), () -> driver.onTimer(this));
    }

    /**
     * Queues a message for sending (RFC 9260 section 10.1 SEND). The future completes on the event
     * loop with what the send queue made of it: {@code ACCEPTED}, or why it was refused (for
     * back-pressure, {@code REFUSED_BUFFER_FULL}). It fails with {@link IllegalStateException}
     * when the association is not in a state that accepts data (e.g. shutting down or closed).
     *
     * <p>The payload is not copied: the caller must not change its bytes afterwards.
     *
     * @param message the message, its payload not copied
     * @return completes on the event loop with the send queue's verdict
     */
    public CompletableFuture<SendQueue.OfferResult> send(OutgoingMessage message) {
        return driver.call(this, now -> core.send(message, now));
    }

    /**
     * Starts a graceful shutdown (RFC 9260 section 9.2): queued and in-flight data is delivered,
     * then the association closes. Returns {@link #closeFuture()}.
     *
     * @return {@link #closeFuture()}
     */
    public CompletableFuture<Void> shutdown() {
        driver.call(this, now -> {
            core.shutdown(now);
            return null;
        });
        return closed;
    }

    /**
     * Aborts the association (RFC 9260 section 9.1): the peer gets an ABORT with a User-Initiated
     * Abort cause carrying {@code reason}. Returns {@link #closeFuture()}.
     *
     * @param reason the text of the User-Initiated Abort cause, not null
     * @return {@link #closeFuture()}
     */
    public CompletableFuture<Void> abort(String reason) {
        driver.call(this, now -> {
            core.abort(reason);
            return null;
        });
        return closed;
    }

    /**
     * Runs {@code call} with the core on the event loop, then sends what it queued and delivers
     * its events; the future completes after that with the call's result, or with what it threw.
     * For layers built on the transport; callable from any thread, where it becomes a task of the
     * event loop. On the event loop it runs at once, unless an earlier call of this association
     * still waits as a task (calls keep their order), and its future is then complete on return:
     * called by the listener while it is handed this association's events, what it queued goes
     * out with the rest of that input's output (so an answer leaves in the same flush as the SACK
     * it carries); called from any other task or callback of the loop outside a drain, it is sent
     * at once. The listener of another association still gets a task. The same holds for
     * {@link #send}, {@link #shutdown} and {@link #abort}.
     *
     * @param <T> the call's result type
     * @param call what to run with the core
     * @return completes with the call's result once its output is sent and its events delivered
     */
    public <T> CompletableFuture<T> call(CoreCall<T> call) {
        return driver.call(this, now -> call.apply(core, now));
    }

    /**
     * With {@link UdpSctpEndpoint.Builder#manualReadCredit manual read credit}: the application
     * has read {@code bytes} of the messages delivered to the listener, so the receive window may
     * open by as much (RFC 9260 section 6.2). Callable from any thread; reads reported while an
     * earlier report waits for the event loop join it, so a receive loop costs one event-loop task
     * per batch, not per message.
     *
     * @param bytes how many payload bytes were read, 0 or more
     */
    public void onUserRead(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count: " + bytes);
        }
        if (bytes == 0 || unreportedReads.getAndAdd(bytes) != 0) {
            return; // a task is already on its way and will take these bytes too
        }
        driver.call(this, now -> {
            long total = unreportedReads.getAndSet(0);
            if (core.isManualReadCredit() && core.state() != AssociationState.CLOSED) {
                core.onUserRead(total, now);
            }
            return null;
        });
    }

    /**
     * {@return bytes the send buffer accepted after the last input the event loop processed, before
     * {@link #send} refuses with {@code REFUSED_BUFFER_FULL}; 0 before the association is up}
     */
    public long sendBufferAvailable() {
        return sendBufferAvailable;
    }

    /** {@return the object given to {@link UdpSctpEndpoint#connect(InetSocketAddress, int, Object)} or set with {@link #attach}; may be null} */
    public Object attachment() {
        return attachment;
    }

    /**
     * Attaches an object of the caller's (e.g. its own handle of the association), replacing any earlier one.
     *
     * @param attachment any object, or null
     */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * {@return the peer's UDP address: the one given to connect (or the sender of the COOKIE ECHO), with
     * the port updated from packets that passed the verification tag check (RFC 6951 section 5.4)}
     */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * {@return the peer's addresses (RFC 9260 section 6.4; sctp_getpaddrs of RFC 6458 section 9.3): those
     * given to connect and those the peer listed in its INIT or INIT ACK, as of the last change
     * the event loop saw; the peer's one address for an association without multi-homing}
     */
    public List<InetAddress> peerAddresses() {
        List<InetAddress> known = peerAddresses;
        return known.isEmpty() ? List.of(remoteAddress.getAddress()) : known;
    }

    /** {@return the peer address we send new data to (RFC 9260 section 6.4), as of the last input the event loop processed} */
    public InetAddress primaryAddress() {
        InetAddress p = primaryAddress;
        return p != null ? p : remoteAddress.getAddress();
    }

    /**
     * {@return our addresses (sctp_getladdrs of RFC 6458 section 9.5): the endpoint's bound addresses, or
     * the one it is bound to}
     */
    public List<InetAddress> localAddresses() {
        return driver.localAddresses();
    }

    /**
     * Makes {@code address} the primary path (SCTP_PRIMARY_ADDR, RFC 6458 section 8.3; RFC 9260
     * section 6.4): new data goes there while it is active. The future fails with
     * {@link IllegalArgumentException} if it is not one of {@link #peerAddresses()}.
     *
     * @param address one of the peer's addresses
     * @return completes once the event loop made it the primary path
     */
    public CompletableFuture<Void> setPrimary(InetAddress address) {
        java.util.Objects.requireNonNull(address, "address");
        return driver.call(this, now -> {
            core.setPrimary(address);
            return null;
        });
    }

    /**
     * {@return a snapshot of every path (SCTP_GET_PEER_ADDR_INFO, RFC 6458 section 8.2.2): state, srtt, RTO,
     * cwnd, MTU and its peer address} Runs on the event loop.
     */
    public CompletableFuture<List<org.jsctp.core.assoc.PathStatistics>> pathStatistics() {
        return driver.call(this, now -> core.pathStatistics());
    }

    /**
     * {@return the UDP address datagrams to the peer's {@code address} go to: the address with the UDP
     * port learnt for it (RFC 6951 section 5.4), or the association's initial one}
     *
     * @param address one of {@link #peerAddresses()}
     */
    public InetSocketAddress remoteAddress(InetAddress address) {
        return destinationOf(address);
    }

    /** {@return the association's state after the last input the event loop processed} */
    public AssociationState state() {
        return state;
    }

    /**
     * {@return the event loop the association runs on: its events are delivered there and its calls run
     * there} With one event loop per endpoint (the default) it is the endpoint's.
     */
    public io.netty.channel.EventLoop eventLoop() {
        return driver.eventLoop();
    }

    /** {@return the peer's SCTP port} */
    public int remoteSctpPort() {
        return core.peerPort();
    }

    /** {@return our SCTP port} */
    public int localSctpPort() {
        return core.localPort();
    }

    /**
     * Completes when the association has closed, gracefully or not, and has been removed from the
     * endpoint's table. It never fails.
     *
     * @return completes when the association is closed and removed; never fails
     */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    @Override
    public String toString() {
        return "SctpUdpAssociation[" + remoteAddress + " SCTP " + core.localPort() + "->" + core.peerPort()
                + ", vtag=0x" + Integer.toHexString(core.localTag()) + ", " + state + "]";
    }

    Association core() {
        return core;
    }

    /** The driver that owns the association: all its work runs on that driver's event loop. */
    EndpointDriver driver() {
        return driver;
    }

    /** How many of this association's calls wait as tasks on the event loop (see {@link EndpointDriver#call}). */
    AtomicInteger queuedCalls() {
        return queuedCalls;
    }

    /** The peer's IP address and SCTP port, which identify the association at the endpoint. */
    AssociationTable.PeerKey peerKey() {
        return peerKey;
    }

    /** The peer keys beyond {@link #peerKey()} the table holds the association under (event loop only). */
    List<AssociationTable.PeerKey> extraPeerKeys() {
        return extraPeerKeys;
    }

    AssociationTimer timer() {
        return timer;
    }

    /** Completes on CommunicationUp, fails on CommunicationLost or when closed before being up. */
    CompletableFuture<SctpUdpAssociation> established() {
        return established;
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    void remoteAddress(InetSocketAddress address) {
        this.remoteAddress = address;
    }

    /** The UDP address for an outgoing packet's destination (null: the remote address). On the event loop. */
    InetSocketAddress destinationOf(InetAddress destination) {
        InetSocketAddress remote = remoteAddress;
        if (destination == null || AssociationTable.sameHost(remote.getAddress(), destination)) {
            return remote;
        }
        return destinations.of(destination);
    }

    /**
     * RFC 6951 section 5.4: a packet that passed the tag check came from {@code sender}; if it is
     * one of the peer's addresses, its UDP port is the one to send that address from now on.
     * Returns false if the address is none of the peer's. On the event loop.
     */
    boolean learnUdpPort(InetSocketAddress sender) {
        return destinations.learn(sender);
    }

    /** Sets the UDP address of one of the peer's addresses (as given to connect). */
    void destinationPort(InetSocketAddress address) {
        destinations.set(address);
    }

    /**
     * Takes the core's peer addresses and primary (after the handshake or a change of them):
     * publishes them and makes each a known destination. On the event loop; returns the addresses.
     */
    List<InetAddress> refreshPeerAddresses() {
        List<InetAddress> addresses = List.copyOf(core.peerAddresses());
        destinations.know(addresses);
        this.peerAddresses = addresses;
        this.primaryAddress = core.primaryAddress();
        return addresses;
    }

    /** Whether the peer has more than one address, so its packets may come from any (RFC 9260 section 6.4). */
    boolean multihomed() {
        return peerAddresses.size() > 1;
    }

    /** Whether {@code address} is one of the peer's known addresses. */
    boolean isPeerAddress(InetAddress address) {
        for (InetAddress a : peerAddresses) {
            if (AssociationTable.sameHost(a, address)) {
                return true;
            }
        }
        return false;
    }

    void publishState() {
        this.state = core.state();
        this.sendBufferAvailable = core.sendBufferAvailable();
    }
}
