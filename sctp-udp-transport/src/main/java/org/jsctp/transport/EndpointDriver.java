package org.jsctp.transport;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.jsctp.core.asconf.AsconfLookup;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.OutgoingPacket;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.UserInitiatedAbortCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sans-IO core on the event loop: feeds it datagrams, timer expiries and user calls with
 * {@code System.nanoTime()}, and after each input drains the touched associations' packets and
 * events, re-arms their timers and removes the closed ones. Every method except {@link #call}
 * runs on the event loop.
 *
 * <p>Routing follows RFC 9260 section 8 as the core's {@link Endpoint} expects: INIT and COOKIE
 * ECHO go to the endpoint; every other packet goes to the association our verification tag (and
 * the sender's IP address) selects, or, for ABORT and SHUTDOWN COMPLETE with the T bit, the
 * association with the sender's tag; what no association claims goes to the endpoint's
 * out-of-the-blue handling.
 *
 * <p>Several event loops ({@link UdpSctpEndpoint.Builder#eventLoops}): one driver per loop, each
 * with its own socket on the shared UDP port, all sharing the table and the core's endpoint. An
 * association is owned by the driver that created it and is only touched on that driver's loop;
 * a packet that reaches another loop (the kernel spreads datagrams by their addresses and ports)
 * is handed to the owner's loop. The core's endpoint, which only makes and checks cookies and
 * builds new associations, is used under its lock.
 */
final class EndpointDriver {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointDriver.class);
    private static final String CLOSING = "endpoint closing";

    private final Endpoint endpoint;
    private final EventLoop loop;
    private final SocketRouter writer;
    private final TransportCounters counters;
    private final AssociationListener listener;
    private final AdmissionControl admission;
    private final boolean manualReadCredit;
    private final AssociationTable table;
    /** Accepts zero checksums only when the endpoint announces them (RFC 9653 section 5.3). */
    private final PacketDecoder decoder;
    private volatile boolean closing;
    /** The association whose packets and events are being handed out, or null; event loop only. */
    private SctpUdpAssociation draining;
    /** Writes the associations' packets without an object per packet; event loop only. */
    private final TransmitDrain transmits;
    /** Bound on the extra hand-out rounds that a listener's inline calls cause in one drain. */
    private static final int MAX_INLINE_ROUNDS = 64;

    EndpointDriver(Endpoint endpoint, EventLoop loop, SocketRouter writer, TransportCounters counters,
                   AssociationListener listener, AdmissionControl admission, boolean manualReadCredit) {
        this(endpoint, new AssociationTable(), loop, writer, counters, listener, admission, manualReadCredit);
    }

    /** A driver sharing {@code table} and {@code endpoint} with the drivers of the endpoint's other loops. */
    EndpointDriver(Endpoint endpoint, AssociationTable table, EventLoop loop, SocketRouter writer,
                   TransportCounters counters, AssociationListener listener, AdmissionControl admission,
                   boolean manualReadCredit) {
        this.table = table;
        this.admission = admission;
        this.manualReadCredit = manualReadCredit;
        this.endpoint = endpoint;
        this.decoder = new PacketDecoder(endpoint.decoderOptions());
        this.loop = loop;
        this.writer = writer;
        this.counters = counters;
        this.listener = listener;
        this.transmits = new TransmitDrain(writer);
    }

    EventLoop eventLoop() {
        return loop;
    }

    AssociationTable table() {
        return table;
    }

    /** A datagram arrived from {@code sender}; the array is ours and stays unchanged. */
    void onDatagram(byte[] bytes, InetSocketAddress sender) {
        onDatagram(bytes, bytes.length, sender);
    }

    /**
     * A datagram of {@code length} bytes at the start of {@code bytes} arrived from {@code sender};
     * the bytes stay unchanged until this returns, and after it only if the decoded packet can
     * view them (the caller reuses the array only for packets that cannot, see
     * {@link ViewFreeDatagram}).
     */
    void onDatagram(byte[] bytes, int length, InetSocketAddress sender) {
        counters.onReceived();
        SctpPacket packet;
        try {
            packet = decoder.decode(bytes, 0, length);
        } catch (DecodeException e) {
            counters.onUndecodable();
            LOG.debug("dropped undecodable datagram of {} bytes from {}: {}", length, sender, e.getMessage());
            return;
        }
        if (packet.zeroChecksum()) {
            counters.onZeroChecksumReceived();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("received {} bytes from {}: {} {}", length, sender, packet.header(),
                    ChunkNames.of(packet.chunks()));
        }
        onPacket(packet, sender, false);
    }

    /**
     * Routes a decoded packet. One that belongs to an association of another loop's driver, or
     * comes from the peer of one, goes to that driver's loop ({@code handedOver} then, so it is
     * never handed on twice).
     */
    private void onPacket(SctpPacket packet, InetSocketAddress sender, boolean handedOver) {
        long now = System.nanoTime();
        int tag = packet.verificationTag(); // the packet's own accessors: no header or list per packet (issue 6)
        Chunk first = packet.firstChunk();
        if (!(first instanceof InitChunk) && !(first instanceof CookieEchoChunk)) {
            SctpUdpAssociation target = table.byLocalTag(tag, sender.getAddress());
            if (target != null && handOver(target, packet, sender, handedOver)) {
                return;
            }
            if (target != null && matchesPorts(target, packet)) {
                if (!isReflected(first)) {
                    learnRemotePort(target, sender);
                }
                target.core().handlePacket(packet, sender.getAddress(), now); // the source selects the path
                drain(target);
                return;
            }
            if (target == null && byAsconfAddress(packet, sender, now, handedOver)) {
                return;
            }
            if (isReflected(first)) {
                target = table.byPeer(sender.getAddress(), packet.sourcePort());
                if (target != null && handOver(target, packet, sender, handedOver)) {
                    return;
                }
                if (target != null && tag != 0 && target.core().peerTag() == tag
                        && matchesPorts(target, packet)) {
                    target.core().handlePacket(packet, sender.getAddress(), now);
                    drain(target);
                    return;
                }
            }
        }
        SctpUdpAssociation peer = table.byPeer(sender.getAddress(), packet.sourcePort());
        if (peer != null && handOver(peer, packet, sender, handedOver)) {
            return; // the owner's endpoint handling sees the association (RFC 9260 section 5.2)
        }
        toEndpoint(packet, first, sender, now);
    }

    /**
     * RFC 5061 section 5.2: a packet with an ASCONF that the normal lookup (rule L1) placed nowhere,
     * e.g. sent from the address the peer is adding, belongs to the association with the peer at
     * the address of the ASCONF's Address Parameter and the packet's ports (rule L2), if it carries
     * that association's tag (rule L4, RFC 9260 section 8.5: silently discarded otherwise). The
     * association takes it from its real source, so the ASCONF-ACK goes back there (rule C5), at the
     * packet's UDP port if the ASCONF added that address. False if rule L2 finds no association:
     * the packet is out of the blue then (rule L3).
     */
    private boolean byAsconfAddress(SctpPacket packet, InetSocketAddress sender, long now, boolean handedOver) {
        InetAddress lookup = AsconfLookup.lookupAddress(packet);
        SctpUdpAssociation target = lookup == null ? null : table.byPeer(lookup, packet.sourcePort());
        if (target == null || !matchesPorts(target, packet)) {
            return false;
        }
        if (handOver(target, packet, sender, handedOver)) {
            return true;
        }
        if (packet.verificationTag() != target.core().localTag()) {
            counters.onDiscarded();
            LOG.debug("discarded ASCONF from {} for the association with {}: verification tag {} is not its own",
                    sender, lookup, Integer.toHexString(packet.verificationTag()));
            return true;
        }
        target.core().handlePacket(packet, sender.getAddress(), now);
        for (InetAddress a : target.core().peerAddresses()) {
            if (AssociationTable.sameHost(a, sender.getAddress())) {
                // The ASCONF added its source: RFC 6951 section 5.4, the packet passed the tag check,
                // so its UDP port is that address's (before the ASCONF-ACK goes there).
                target.destinationPort(sender);
                break;
            }
        }
        drain(target);
        return true;
    }

    /** Hands the packet to the loop of {@code owner}'s driver if that is not this one; true if it did. */
    private boolean handOver(SctpUdpAssociation owner, SctpPacket packet, InetSocketAddress sender, boolean handedOver) {
        EndpointDriver driver = owner.driver();
        if (driver == this || handedOver) {
            return false;
        }
        counters.onHandedOver();
        try {
            driver.loop.execute(() -> {
                driver.onPacket(packet, sender, true);
                driver.writer.endInput();
            });
        } catch (RuntimeException e) { // that loop is shutting down
            counters.onDiscarded();
        }
        return true;
    }

    /** The core's timer of {@code a} is due. */
    void onTimer(SctpUdpAssociation a) {
        if (a.core().state() == AssociationState.CLOSED) {
            return;
        }
        a.core().handleTimeout(System.nanoTime());
        drain(a);
        writer.endInput();
    }

    /**
     * Runs a user call with the core, then drains the association; the future completes after the
     * drain with the call's result, or with what it threw. Callable from any thread.
     *
     * <p>On the event loop, when no earlier call of this association still waits in the loop's
     * task queue (so calls keep their order), the call runs at once and its future is complete on
     * return:
     * <ul>
     * <li>from the association's listener while that association's events are handed out (an
     *     echo, say), the drain in progress sends what it produced with this input's packets;</li>
     * <li>from a plain task or callback of the loop, outside any drain, it is drained and flushed
     *     at once, as its own input, without a second task (issue 6: one task less on a
     *     request's path).</li>
     * </ul>
     * Anywhere else (another thread, or the listener of another association) it becomes a task
     * of its own.
     */
    <T> CompletableFuture<T> call(SctpUdpAssociation a, LongFunction<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (loop.inEventLoop() && a.queuedCalls().get() == 0) {
            if (draining == a) {
                // The drain in progress sends what the call produced with this input's packets.
                T value = apply(action, result);
                if (!result.isDone()) {
                    result.complete(value);
                }
                return result;
            }
            if (draining == null) {
                runAsInput(a, action, result);
                return result;
            }
        }
        a.queuedCalls().incrementAndGet();
        try {
            loop.execute(() -> {
                a.queuedCalls().decrementAndGet();
                runAsInput(a, action, result);
            });
        } catch (RuntimeException e) { // the event loop is shut down
            a.queuedCalls().decrementAndGet();
            result.completeExceptionally(new IllegalStateException("the endpoint's event loop is shut down", e));
        }
        return result;
    }

    /** Runs the call as an input of its own: the call, the drain, the flush, then its future. */
    private <T> void runAsInput(SctpUdpAssociation a, LongFunction<T> action, CompletableFuture<T> result) {
        T value = apply(action, result);
        if (result.isDone()) {
            return; // it threw: nothing to drain, as before the call
        }
        drain(a);
        writer.endInput();
        result.complete(value);
    }

    /**
     * Applies the call; if it throws, completes {@code result} with that (an {@link Error} is
     * rethrown as well, so that no caller waits forever and the loop still logs it).
     */
    private static <T> T apply(LongFunction<T> action, CompletableFuture<T> result) {
        try {
            return action.apply(System.nanoTime());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return null;
        } catch (Error e) {
            result.completeExceptionally(e);
            throw e;
        }
    }

    /** Starts an association; on the event loop. */
    SctpUdpAssociation connect(InetSocketAddress remote, int remoteSctpPort, Object attachment) {
        return connect(List.of(remote), remoteSctpPort, attachment);
    }

    /**
     * Starts an association to a peer at several addresses (RFC 9260 section 5.1 with the
     * addresses of section 6.4, confirmed as the user gave them, section 5.4); the first is the
     * primary, and each keeps its UDP port; the INIT ACK may add more (section 5.1.2). On the event
     * loop.
     */
    SctpUdpAssociation connect(List<InetSocketAddress> remotes, int remoteSctpPort, Object attachment) {
        if (closing) {
            throw new IllegalStateException("the endpoint is closing");
        }
        for (InetSocketAddress remote : remotes) {
            if (table.byPeer(remote.getAddress(), remoteSctpPort) != null) {
                // RFC 9260 section 1.3: two SCTP endpoints have at most one association between them.
                throw new IllegalStateException("an association with " + remote.getAddress().getHostAddress()
                        + " SCTP port " + remoteSctpPort + " exists already");
            }
        }
        InetSocketAddress remote = remotes.get(0);
        // RFC 9260 section 5.1.2: the addresses the INIT ACK lists become paths too, so even one
        // address is given to the core as a peer address (an association without any keeps one
        // anonymous path and learns none).
        List<InetAddress> peerAddresses = remotes.stream().map(InetSocketAddress::getAddress).toList();
        for (int attempt = 0; ; attempt++) {
            Association core;
            synchronized (endpoint) {
                core = endpoint.connect(remoteSctpPort, peerAddresses, System.nanoTime());
            }
            core.setManualReadCredit(manualReadCredit);
            SctpUdpAssociation a = new SctpUdpAssociation(this, core, remote, attachment);
            for (InetSocketAddress other : remotes) {
                a.destinationPort(other); // each address's own UDP port until the peer's packets say otherwise
            }
            if (table.add(a)) {
                refreshPeers(a);
                LOG.debug("connecting to {} SCTP port {}", remote, remoteSctpPort);
                drain(a);
                writer.endInput();
                return a;
            }
            // Our random tag is taken by another association: this one has sent nothing; drop it.
            if (attempt == 10) {
                throw new IllegalStateException("no free verification tag after " + attempt + " attempts");
            }
        }
    }

    /**
     * Shuts every association down gracefully, aborts those still open after {@code wait} (at
     * once, without trying a shutdown, when it is zero), and completes when all have closed. New
     * INITs are ignored from now on.
     */
    CompletableFuture<Void> closeAll(Duration wait) {
        closing = true;
        List<SctpUdpAssociation> all = owned();
        CompletableFuture<Void> done = CompletableFuture.allOf(
                all.stream().map(SctpUdpAssociation::closed).toArray(CompletableFuture[]::new));
        if (wait.isZero()) {
            abortAll();
            return done;
        }
        long now = System.nanoTime();
        for (SctpUdpAssociation a : all) {
            a.core().shutdown(now);
            drain(a);
        }
        writer.endInput();
        if (!done.isDone()) {
            var deadline = loop.schedule(this::abortAll, wait.toNanos(), TimeUnit.NANOSECONDS);
            done.whenComplete((v, e) -> deadline.cancel(false));
        }
        return done;
    }

    private void abortAll() {
        for (SctpUdpAssociation a : owned()) {
            LOG.debug("aborting {}: not shut down in time", a);
            a.core().abort(CLOSING);
            drain(a);
        }
        writer.endInput();
    }

    /** The associations this driver owns. */
    private List<SctpUdpAssociation> owned() {
        List<SctpUdpAssociation> out = new ArrayList<>();
        for (SctpUdpAssociation a : table.snapshot()) {
            if (a.driver() == this) {
                out.add(a);
            }
        }
        return out;
    }

    private void toEndpoint(SctpPacket packet, Chunk first, InetSocketAddress sender, long now) {
        if (closing && first instanceof InitChunk) {
            counters.onDiscarded();
            LOG.debug("ignored INIT from {}: {}", sender, CLOSING);
            return;
        }
        List<SctpUdpAssociation> touched = new ArrayList<>(1);
        if (first instanceof InitChunk init && refuseInit(packet, init, sender)) {
            return;
        }
        Endpoint.Outcome outcome;
        synchronized (endpoint) {
            // The source goes into the cookie, so the association's paths include it (RFC 9260 section 5.1.2).
            outcome = endpoint.handlePacket(packet, sender.getAddress(), now,
                    table.directoryFor(sender.getAddress(), touched));
        }
        if (outcome instanceof Endpoint.Outcome.Reply reply) {
            writer.write(reply.packet(), sender);
        } else if (outcome instanceof Endpoint.Outcome.Accepted accepted) {
            accept(accepted.association(), packet, sender, now);
        } else if (outcome instanceof Endpoint.Outcome.Restarted restarted) {
            for (SctpUdpAssociation a : touched) {
                if (a.core() == restarted.association()) {
                    table.rekey(a, restarted.previousLocalTag());
                    LOG.debug("peer {} restarted; association continues under a new tag", sender);
                }
            }
        } else if (outcome instanceof Endpoint.Outcome.Discarded discarded) {
            counters.onDiscarded();
            LOG.debug("endpoint discarded packet from {}: {}", sender, discarded.why());
        }
        for (SctpUdpAssociation a : touched) {
            drain(a);
        }
    }

    /**
     * An INIT that would start a new association, from a peer the admission control refuses: it is
     * answered with an ABORT addressed with the INIT's Initiate Tag (RFC 9260 section 8.4 rule 3)
     * carrying the reason, and goes no further. INITs of a peer with an association (a restart or
     * collision, section 5.2) go to the endpoint as always.
     */
    private boolean refuseInit(SctpPacket packet, InitChunk init, InetSocketAddress sender) {
        CommonHeader h = packet.header();
        if (h.destinationPort() != endpoint.config().localPort() || h.verificationTag() != 0
                || table.byPeer(sender.getAddress(), h.sourcePort()) != null) {
            return false;
        }
        String refusal = admission.refusal(sender, h.sourcePort());
        if (refusal == null) {
            return false;
        }
        counters.onDiscarded();
        LOG.debug("refused INIT from {} SCTP port {}: {}", sender, h.sourcePort(), refusal);
        writer.write(new OutgoingPacket(h.destinationPort(), h.sourcePort(), init.initiateTag(),
                List.of(AbortChunk.of(UserInitiatedAbortCause.of(refusal)))), sender);
        return true;
    }

    private void accept(Association core, SctpPacket packet, InetSocketAddress sender, long now) {
        core.setManualReadCredit(manualReadCredit);
        String refusal = admission.refusal(sender, core.peerPort());
        if (refusal != null) {
            // Admitted at its INIT but no longer (e.g. the accept backlog filled meanwhile).
            LOG.debug("refused association from {} SCTP port {}: {}", sender, core.peerPort(), refusal);
            core.abort(refusal);
            transmits.drainTo(core, sender); // not in the table: to the COOKIE ECHO's sender
            return;
        }
        SctpUdpAssociation a = new SctpUdpAssociation(this, core, sender, null);
        if (!table.add(a)) {
            LOG.warn("new association from {} has the verification tag or the peer of an existing one; aborting it",
                    sender);
            core.abort("verification tag collision");
            drainTransmits(a);
            return;
        }
        refreshPeers(a);
        LOG.debug("accepted association from {} SCTP port {}", sender, core.peerPort());
        if (packet.chunkCount() > 1) {
            // RFC 9260 section 5.1: chunks bundled after the COOKIE ECHO belong to the new association.
            // RFC 4895 section 6.3: the rest keeps the received AUTH bytes, for an AUTH chunk after the COOKIE ECHO.
            core.handlePacket(packet.afterFirstChunk(), sender.getAddress(), now);
        }
        if (closing) {
            core.abort(CLOSING);
        }
        drain(a);
    }

    /**
     * After an input: sends the association's packets, publishes its state, removes it if closed,
     * delivers its events, and re-arms its timer.
     */
    private void drain(SctpUdpAssociation a) {
        Association core = a.core();
        SctpUdpAssociation outer = draining;
        draining = a;
        boolean closed;
        try {
            closed = handOut(a);
            // What the listener's inline calls (see call) produced goes in the same drain.
            for (int round = 0; !closed && round < MAX_INLINE_ROUNDS && core.hasOutput(); round++) {
                closed = handOut(a);
            }
            if (!closed && core.state() == AssociationState.CLOSED) {
                closed = handOut(a); // closed by a call in the last round: it must leave the table now
            }
        } finally {
            draining = outer;
        }
        if (closed) {
            LOG.debug("closed {}", a);
            if (!a.established().isDone()) { // an exception (message, stack trace) only when someone can see it
                a.established().completeExceptionally(new AssociationFailedException(a.remoteAddress(),
                        core.peerPort(), "closed before it was established"));
            }
            a.closed().complete(null);
        } else {
            a.timer().rearm(core.nextDeadline());
        }
        try {
            listener.onInputProcessed(a);
        } catch (RuntimeException ex) {
            LOG.warn("association listener failed after an input of {}", a, ex);
        }
    }

    /**
     * Sends the core's packets and hands its events to the listener; returns whether the
     * association is closed (then it has left the table and its timer is off).
     */
    private boolean handOut(SctpUdpAssociation a) {
        drainTransmits(a);
        Association core = a.core();
        a.publishState();
        boolean closed = core.state() == AssociationState.CLOSED;
        if (closed) {
            a.timer().cancel();
            table.remove(a);
        }
        for (AssociationEvent e; (e = core.pollEvent()) != null; ) {
            if (!closed && (e instanceof AssociationEvent.CommunicationUp
                    || e instanceof AssociationEvent.PeerAddressChange)) {
                refreshPeers(a); // before the listener sees the event, so it sees the addresses
            }
            dispatch(a, e);
        }
        return closed;
    }

    /** Publishes the association's peer addresses and registers it under each (multi-homing). */
    private void refreshPeers(SctpUdpAssociation a) {
        table.addPeerAddresses(a, a.refreshPeerAddresses());
    }

    /** Our bound addresses (the wildcard for an unbound socket). */
    List<InetAddress> localAddresses() {
        return writer.locals();
    }

    private void drainTransmits(SctpUdpAssociation a) {
        transmits.drain(a); // RFC 9260 section 6.4: the path the core chose; no object per packet (issue 6)
    }

    private void dispatch(SctpUdpAssociation a, AssociationEvent e) {
        if (e instanceof AssociationEvent.LocalTagChanged changed) {
            table.rekey(a, changed.previousLocalTag()); // draft-ietf-tsvwg-natsupp section 6.2: a new INIT, a new tag
        }
        try {
            listener.onEvent(a, e);
        } catch (RuntimeException ex) {
            LOG.warn("association listener failed on {} of {}", e.getClass().getSimpleName(), a, ex);
        }
        if (e instanceof AssociationEvent.CommunicationUp) {
            a.established().complete(a);
        } else if (e instanceof AssociationEvent.CommunicationLost lost && !a.established().isDone()) {
            a.established().completeExceptionally(
                    new AssociationFailedException(a.remoteAddress(), a.core().peerPort(), lost.reason()));
        }
    }

    /**
     * RFC 6951 section 5.4: the peer's UDP port is taken from packets that passed the tag check,
     * per address: the remote address's, or that of another of the peer's addresses.
     */
    private static void learnRemotePort(SctpUdpAssociation a, InetSocketAddress sender) {
        InetSocketAddress known = a.remoteAddress();
        if (!AssociationTable.sameHost(known.getAddress(), sender.getAddress())) {
            a.learnUdpPort(sender);
            return;
        }
        if (known.getPort() != sender.getPort()) {
            LOG.debug("{}: remote UDP port {} -> {}", a, known.getPort(), sender.getPort());
            a.remoteAddress(new InetSocketAddress(known.getAddress(), sender.getPort()));
        }
    }

    private boolean matchesPorts(SctpUdpAssociation a, SctpPacket packet) {
        return packet.sourcePort() == a.core().peerPort() && packet.destinationPort() == a.core().localPort();
    }

    private static boolean isReflected(Chunk first) {
        return (first instanceof AbortChunk abort && abort.reflectedTag())
                || (first instanceof ShutdownCompleteChunk complete && complete.reflectedTag())
                || (first instanceof ErrorChunk error && error.reflectedTag()); // draft-ietf-tsvwg-natsupp 5.1.2
    }
}
