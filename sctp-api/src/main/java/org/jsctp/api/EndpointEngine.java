package org.jsctp.api;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.transport.AdmissionControl;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;

/**
 * What both endpoint styles share: the transport endpoint, the associations by id, the option
 * defaults, and the dispatch of the transport's events to the API's associations. The style
 * decides which peers are admitted and where new associations and their messages go.
 */
final class EndpointEngine implements AssociationListener, AdmissionControl {

    /** What differs between the one-to-one and the one-to-many style. */
    interface Style {
        /** Null to admit a new association from the peer, else why not (sent to it in an ABORT). */
        String refusal(InetSocketAddress remote, int remoteSctpPort);

        /** Where a new association's messages and notifications go. */
        Inbox inboxForNew();

        /** A peer set up an association with us; it is up. */
        void accepted(SctpAssociation a);
    }

    private final Style style;
    private final OptionDefaults defaults;
    private final AssociationConfig coreConfig;
    private final int pendingSendLimit;
    private final boolean oneToMany;
    private final int defaultRemoteUdpPort;
    private final Map<Integer, SctpAssociation> open = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile UdpSctpEndpoint transport;
    private volatile EventLoopGuard guard;
    private volatile boolean closing;
    /** Addresses whose socket {@link SctpAssociation#bindAddress} opened (RFC 5061), closed again on unbind. */
    private final java.util.Set<java.net.InetAddress> asconfSockets = ConcurrentHashMap.newKeySet();

    EndpointEngine(Style style, OptionDefaults defaults, int pendingSendLimit, boolean oneToMany,
                   int defaultRemoteUdpPort) {
        this.defaultRemoteUdpPort = defaultRemoteUdpPort;
        this.style = style;
        this.defaults = defaults;
        this.coreConfig = defaults.coreConfig();
        this.pendingSendLimit = pendingSendLimit;
        this.oneToMany = oneToMany;
    }

    /** Binds the transport endpoint, with this engine as its listener and admission control. */
    CompletableFuture<EndpointEngine> start(UdpSctpEndpoint.Builder transportBuilder) {
        return transportBuilder.associationConfig(coreConfig).listener(this).admission(this).manualReadCredit(true)
                .bind().thenApply(t -> {
                    this.transport = t;
                    this.guard = new EventLoopGuard(t.eventLoop().parent());
                    return this;
                });
    }

    /** Remembers that a socket was opened on {@code address} for an ASCONF Add (RFC 5061). */
    void openedForAsconf(java.net.InetAddress address) {
        asconfSockets.add(address);
    }

    /** Whether the socket on {@code address} was opened for an ASCONF Add; forgets it. */
    boolean closeAfterAsconf(java.net.InetAddress address) {
        return asconfSockets.remove(address);
    }

    UdpSctpEndpoint transport() {
        return transport;
    }

    EventLoopGuard guard() {
        return guard;
    }

    OptionDefaults defaults() {
        return defaults;
    }

    AssociationConfig coreConfig() {
        return coreConfig;
    }

    int pendingSendLimit() {
        return pendingSendLimit;
    }

    boolean isOneToMany() {
        return oneToMany;
    }

    int sctpPort() {
        return transport.sctpPort();
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * Starts an association (RFC 9260 section 5.1); its {@code connected()} future completes when
     * it is up and fails with a {@link SctpConnectException} saying why it could not be set up.
     */
    SctpAssociation connect(InetSocketAddress remote, int remoteSctpPort) {
        return connect(List.of(remote), remoteSctpPort);
    }

    /**
     * Starts an association to a peer at several addresses (RFC 9260 section 6.4, sctp_connectx of
     * RFC 6458 section 9.9); the first is the initial primary. Otherwise as the one-address form.
     */
    SctpAssociation connect(List<InetSocketAddress> remotes, int remoteSctpPort) {
        if (remotes.isEmpty()) {
            throw new IllegalArgumentException("no peer address");
        }
        List<InetSocketAddress> all = new ArrayList<>(remotes.size());
        for (InetSocketAddress r : remotes) {
            if (r.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address: " + r);
            }
            all.add(r.getPort() != 0 ? r : new InetSocketAddress(r.getAddress(), defaultRemoteUdpPort));
        }
        InetSocketAddress remote = remotes.get(0);
        if (remoteSctpPort < 1 || remoteSctpPort > 65535) {
            throw new IllegalArgumentException("SCTP port must be in 1..65535: " + remoteSctpPort);
        }
        InetSocketAddress to = remote.getPort() != 0 ? remote : new InetSocketAddress(remote.getAddress(),
                defaultRemoteUdpPort);
        SctpAssociation a = new SctpAssociation(this, ids.incrementAndGet(), style.inboxForNew(), to, remoteSctpPort);
        if (closing) {
            a.connectFailed(new SctpClosedException("could not connect to " + FailureText.peer(to, remoteSctpPort)
                    + ": the endpoint is closing", a, List.of()));
            return a;
        }
        (all.size() == 1 ? transport.connect(to, remoteSctpPort, a) : transport.connect(all, remoteSctpPort, a))
                .whenComplete((t, e) -> {
            if (e != null) {
                a.connectFailed(new SctpConnectException("could not connect to " + FailureText.peer(to, remoteSctpPort)
                        + ": " + SctpAssociation.unwrapMessage(e), a, e));
            }
        });
        return a;
    }

    /** The endpoint's bound addresses (the wildcard for an unbound socket). */
    List<java.net.InetAddress> localAddresses() {
        return transport.localAddresses().stream().map(InetSocketAddress::getAddress).toList();
    }

    /** The open associations, oldest first. */
    List<SctpAssociation> associations() {
        List<SctpAssociation> all = new ArrayList<>(open.values());
        all.sort(Comparator.comparingInt(SctpAssociation::id));
        return all;
    }

    SctpAssociation association(int id) {
        return open.get(id);
    }

    void opened(SctpAssociation a) {
        open.put(a.id(), a);
    }

    void closed(SctpAssociation a) {
        open.remove(a.id(), a);
    }

    /** Refuses new associations from now on and closes the transport endpoint (graceful, then abort). */
    CompletableFuture<Void> close() {
        closing = true;
        return transport.close();
    }

    @Override
    public String refusal(InetSocketAddress remote, int remoteSctpPort) {
        if (closing) {
            return "the endpoint is closing";
        }
        return style.refusal(remote, remoteSctpPort);
    }

    @Override
    public void onEvent(SctpUdpAssociation ua, AssociationEvent event) {
        SctpAssociation a = (SctpAssociation) ua.attachment();
        if (a == null) {
            // A peer's association: its first event is its COMM_UP (it is created established).
            a = new SctpAssociation(this, ids.incrementAndGet(), style.inboxForNew(), ua.remoteAddress(),
                    ua.remoteSctpPort());
            ua.attach(a);
            a.bind(ua);
            a.onEvent(event);
            if (a.isUp()) {
                style.accepted(a);
            }
            return;
        }
        a.bind(ua);
        a.onEvent(event);
    }

    @Override
    public void onInputProcessed(SctpUdpAssociation ua) {
        if (ua.attachment() instanceof SctpAssociation a) {
            a.onInputProcessed();
        }
    }
}
