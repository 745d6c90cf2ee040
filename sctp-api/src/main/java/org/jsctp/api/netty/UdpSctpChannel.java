package org.jsctp.api.netty;

import com.sun.nio.sctp.Association;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpServerChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ConnectionPendingException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jsctp.api.NotificationKind;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpListener;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpReceivedMessage;

/**
 * A Netty {@link SctpChannel} over SCTP on UDP (RFC 6951): a drop-in for Netty's
 * {@code NioSctpChannel} where kernel SCTP is missing. Bootstrap it with
 * {@code channel(UdpSctpChannel.class)}; {@code connect} takes the peer's address and SCTP port,
 * the UDP ports come from {@link UdpSctpChannelOption#UDP_PORT} (default 0, a free one) and
 * {@link UdpSctpChannelOption#REMOTE_UDP_PORT} (default 9899). A client channel owns its
 * endpoint, which runs on the channel's event loop; an accepted channel (from a
 * {@link UdpSctpServerChannel}) shares the server's endpoint.
 *
 * <p>Reads are {@link io.netty.channel.sctp.SctpMessage}s with a MessageInfo (stream, PPID,
 * unordered, complete); writes take {@link io.netty.channel.sctp.SctpMessage}s, whose
 * {@code MessageInfo.timeToLive()} is a PR-SCTP lifetime. Notifications arrive as user events
 * ({@code com.sun.nio.sctp} notification types, else our {@link SctpNotification}).
 *
 * <p>With autoRead off, each {@code read()} delivers one read's worth (one message with Netty's
 * allocators) and the rest waits in the association, closing its receive window (RFC 9260
 * section 6.2); {@link #isWritable()} turns false while the association's send buffer is full.
 */
public class UdpSctpChannel extends AbstractChannel implements SctpChannel {

    private static final ChannelMetadata METADATA = new ChannelMetadata(false);
    /** Every kind: the channel turns them into user events. */
    private static final Set<NotificationKind> ALL_EVENTS = EnumSet.allOf(NotificationKind.class);
    /** The most messages one read delivers with an allocator that never stops (autoRead off). */
    private static final int MAX_READ_BUDGET = 1024;
    /** The user-defined writability bit that follows the association's send buffer (SO_SNDBUF). */
    private static final int SEND_BUFFER_WRITABILITY = 1;

    private final UdpSctpChannelConfig config;
    private final boolean accepted;
    private volatile SctpEndpoint ownedEndpoint;
    private volatile SctpAssociation association;
    private volatile AssociationHandle handle;
    private volatile InetSocketAddress requestedLocal;
    /** Addresses added with bindAddress before connecting (sctp_bindx, RFC 6458 section 9.1): a multi-homed endpoint. */
    private final java.util.List<InetAddress> extraLocal = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile boolean active;
    private boolean connectPending;
    private boolean readCompletePending;
    /** Guards the read state below, shared by the channel's loop and the association's (an accepted channel's differ). */
    private final Object readLock = new Object();
    /** With autoRead off: the messages the pending {@code read()} may still deliver. */
    private int allowance;
    /** Whether we hold the association's delivery back (it starts so: nothing is read before a read()). */
    private boolean paused = true;
    /** A read() came before the association was attached. */
    private boolean readPending;
    /** The association ended or the channel closed: what the association still holds goes out (or is released). */
    private boolean ending;
    /** The send of the outbound buffer's current message, while it waits for room (sendAsync). */
    private CompletableFuture<Void> sending;
    private Object sendingMessage;
    private final PartialPieces pieces = new PartialPieces();

    /** A client channel; Netty's bootstraps create it by reflection. */
    public UdpSctpChannel() {
        super(null);
        this.config = new UdpSctpChannelConfig(this, new OptionStore(0));
        this.accepted = false;
    }

    /** An accepted channel for an association that is up. */
    UdpSctpChannel(UdpSctpServerChannel parent, SctpAssociation association, OptionStore serverOptions) {
        super(parent);
        this.config = new UdpSctpChannelConfig(this, serverOptions.copyFor(association));
        this.accepted = true;
        attach(association);
    }

    private void attach(SctpAssociation a) {
        this.association = a;
        this.handle = new AssociationHandle(a);
        this.active = true;
        config.store().attach(a);
        // Messages wait in the association, counting against its receive window, until a read()
        // asks for them (RFC 9260 section 6.2): the peer is flow-controlled by what we read.
        a.pauseDelivery();
        a.setListener(new Reader());
        boolean resume;
        synchronized (readLock) {
            resume = readPending;
            readPending = false;
            paused = !resume;
        }
        if (resume) {
            resumeLater(a);
        }
        a.onClose().whenComplete((v, e) -> drainHeld(a).whenComplete((v2, e2) -> onLoop(() -> {
            active = false;
            if (isOpen()) {
                unsafe().close(voidPromise());
            }
        })));
    }

    /**
     * The association ended or the channel closed: what the association held back goes to the
     * pipeline (read()s no longer bound it) before the channel closes, or is released once closed.
     */
    private CompletableFuture<Void> drainHeld(SctpAssociation a) {
        synchronized (readLock) {
            ending = true;
            paused = false;
        }
        return a.resumeDelivery();
    }

    @Override
    public SctpServerChannel parent() {
        return (SctpServerChannel) super.parent();
    }

    @Override
    public Association association() {
        return handle;
    }

    /** {@return our association behind this channel, null before it is connected} */
    public SctpAssociation sctpAssociation() {
        return association;
    }

    @Override
    public UdpSctpChannelConfig config() {
        return config;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return open && active;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) super.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) super.remoteAddress();
    }

    /** Our addresses with our SCTP port (sctp_getladdrs, RFC 6458 section 9.5). */
    @Override
    public Set<InetSocketAddress> allLocalAddresses() {
        SctpAssociation a = association;
        Set<InetSocketAddress> s = new LinkedHashSet<>();
        if (a != null) {
            for (InetAddress ip : a.localAddresses()) {
                s.add(new InetSocketAddress(ip, a.localSctpPort()));
            }
        } else {
            InetSocketAddress l = requestedLocal;
            if (l != null) {
                s.add(l);
            }
            for (InetAddress ip : extraLocal) {
                s.add(new InetSocketAddress(ip, l == null ? 0 : l.getPort()));
            }
        }
        return s;
    }

    /** The peer's addresses with its SCTP port (sctp_getpaddrs, RFC 6458 section 9.3). */
    @Override
    public Set<InetSocketAddress> allRemoteAddresses() {
        SctpAssociation a = association;
        Set<InetSocketAddress> s = new LinkedHashSet<>();
        if (a != null) {
            for (InetAddress ip : a.peerAddresses()) {
                s.add(new InetSocketAddress(ip, a.remoteSctpPort()));
            }
        }
        return s;
    }

    /**
     * Adds one of this host's addresses: before connecting, to those the endpoint binds (sctp_bindx,
     * RFC 6458 section 9.1, a multi-homed association); on the live association, an ASCONF Add IP
     * Address (RFC 5061 section 4.2.1), the future completing when the peer acknowledged it.
     */
    @Override
    public ChannelFuture bindAddress(InetAddress localAddress) {
        return bindAddress(localAddress, newPromise());
    }

    @Override
    public ChannelFuture bindAddress(InetAddress localAddress, ChannelPromise promise) {
        SctpAssociation a = association;
        if (a == null) {
            if (connectPending || ownedEndpoint != null) {
                return promise.setFailure(new IllegalStateException("bindAddress while connecting: add addresses "
                        + "before connect, or on the connected channel (ASCONF, RFC 5061)"));
            }
            if (!extraLocal.contains(localAddress)) {
                extraLocal.add(localAddress);
            }
            return promise.setSuccess();
        }
        return complete(a.bindAddress(localAddress), promise);
    }

    /**
     * Deletes one of our addresses from the live association: an ASCONF Delete IP Address (RFC
     * 5061 section 4.2.2); before connecting, removes one added with {@link #bindAddress}.
     */
    @Override
    public ChannelFuture unbindAddress(InetAddress localAddress) {
        return unbindAddress(localAddress, newPromise());
    }

    @Override
    public ChannelFuture unbindAddress(InetAddress localAddress, ChannelPromise promise) {
        SctpAssociation a = association;
        if (a == null) {
            if (connectPending || ownedEndpoint != null) {
                return promise.setFailure(new IllegalStateException("unbindAddress while connecting"));
            }
            extraLocal.remove(localAddress); // one added with bindAddress before connect
            return promise.setSuccess();
        }
        return complete(a.unbindAddress(localAddress), promise);
    }

    static ChannelPromise complete(CompletableFuture<?> f, ChannelPromise promise) {
        f.whenComplete((v, e) -> {
            if (e == null) {
                promise.trySuccess();
            } else {
                promise.tryFailure(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        return promise;
    }

    // ------------------------------------------------------------------ AbstractChannel

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new UdpSctpUnsafe();
    }

    /** Any event loop: the endpoint's transport type follows the loop's I/O type. */
    @Override
    protected boolean isCompatible(EventLoop loop) {
        return true;
    }

    @Override
    protected SocketAddress localAddress0() {
        SctpAssociation a = association;
        if (a == null) {
            return requestedLocal;
        }
        InetAddress ip = a.localAddresses().isEmpty() ? null : a.localAddresses().get(0);
        return ip == null ? new InetSocketAddress(a.localSctpPort()) : new InetSocketAddress(ip, a.localSctpPort());
    }

    @Override
    protected SocketAddress remoteAddress0() {
        SctpAssociation a = association;
        return a == null ? null : new InetSocketAddress(a.primaryAddress(), a.remoteSctpPort());
    }

    /** Before connecting: the local address and SCTP port the endpoint will use (port 0: one from 49152..65535). */
    @Override
    protected void doBind(SocketAddress localAddress) {
        if (accepted || association != null) {
            throw new AlreadyConnectedException();
        }
        requestedLocal = (InetSocketAddress) localAddress;
    }

    @Override
    protected void doDisconnect() {
        doClose();
    }

    /** Starts the graceful shutdown (RFC 9260 section 9.2); a client channel then closes its endpoint. */
    @Override
    protected void doClose() {
        open = false;
        active = false;
        pieces.releaseAll();
        SctpAssociation a = association;
        SctpEndpoint e = ownedEndpoint;
        if (a != null) {
            drainHeld(a); // released as they come: the window opens, so the shutdown can finish
            try {
                a.shutdownAsync();
            } catch (RuntimeException ignored) {
                // already ended
            }
        }
        if (e != null) {
            e.closeAsync();
        }
    }

    /**
     * A read: with autoRead on, delivery simply goes on; with it off, at most as many messages
     * as the {@link RecvByteBufAllocator} handle allows for one read (one for Netty's own
     * allocators, whose {@code continueReading()} stops when autoRead is off) reach the
     * pipeline, then {@code channelReadComplete}, and the rest wait in the association.
     */
    @Override
    protected void doBeginRead() {
        SctpAssociation a;
        boolean resume;
        synchronized (readLock) {
            allowance = config.isAutoRead() ? 0 : readBudget();
            a = association;
            if (a == null) {
                readPending = true;
                return;
            }
            resume = paused;
            paused = false;
        }
        if (resume) {
            resumeLater(a);
        }
    }

    /**
     * Resumes delivery in a task of its own, as a kernel socket's read happens after read() returns:
     * never inline in read() (a handler calling read() from channelRead would recurse) nor before
     * channelActive.
     */
    private void resumeLater(SctpAssociation a) {
        if (accepted) {
            a.resumeDelivery(); // the server endpoint's loop is never the child's: this is a task there already
            return;
        }
        if (isRegistered()) {
            try {
                eventLoop().execute(a::resumeDelivery);
                return;
            } catch (RejectedExecutionException e) {
                // the channel's loop is gone: resume from here
            }
        }
        a.resumeDelivery();
    }

    /** How many messages one read may deliver: what a fresh handle of the channel's allocator allows. */
    @SuppressWarnings("deprecation") // Handle is what Netty's own read loops use
    private int readBudget() {
        RecvByteBufAllocator.Handle h = config.getRecvByteBufAllocator().newHandle();
        h.reset(config);
        int n = 0;
        do {
            h.attemptedBytesRead(1);
            h.lastBytesRead(1);
            h.incMessagesRead(1);
            n++;
        } while (n < MAX_READ_BUDGET && h.continueReading());
        return n;
    }

    /** Takes the association's messages and notifications (on its event loop) to the channel's loop. */
    private final class Reader implements SctpListener {

        @Override
        public void onMessage(SctpReceivedMessage message) {
            ByteBuf bytes = pieces.add(message, config.getAllocator());
            if (bytes == null) {
                return;
            }
            io.netty.channel.sctp.SctpMessage m = MessageConversion.inbound(message, bytes, handle, remoteAddress0());
            synchronized (readLock) {
                if (!ending && !config.isAutoRead() && --allowance <= 0) {
                    allowance = 0;
                    paused = true;
                    association.pauseDelivery(); // on the association's loop: before the next message
                }
            }
            try {
                onLoop(() -> deliver(m));
            } catch (RejectedExecutionException e) {
                m.release(); // the channel's loop is gone
            }
        }

        @Override
        public void onNotification(SctpNotification notification) {
            if (notification instanceof SctpNotification.PartialDeliveryAborted p) {
                pieces.aborted(p.stream(), p.unordered());
            }
            Object event = NotificationEvents.toEvent(notification, handle);
            try {
                onLoop(() -> pipeline().fireUserEventTriggered(event));
            } catch (RejectedExecutionException e) {
                // the channel's loop is gone
            }
        }
    }

    private void deliver(io.netty.channel.sctp.SctpMessage m) {
        if (!isOpen()) {
            m.release();
            return;
        }
        pipeline().fireChannelRead(m);
        if (!readCompletePending) { // one channelReadComplete per burst, after what is queued now
            readCompletePending = true;
            eventLoop().execute(() -> {
                readCompletePending = false;
                pipeline().fireChannelReadComplete();
            });
        }
    }

    private void onLoop(Runnable r) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    @Override
    protected Object filterOutboundMessage(Object msg) {
        if (msg instanceof io.netty.channel.sctp.SctpMessage) {
            return msg;
        }
        throw new UnsupportedOperationException("unsupported message type: " + msg.getClass().getName()
                + " (expected: " + io.netty.channel.sctp.SctpMessage.class.getName() + ")");
    }

    /**
     * Hands messages to the association's send buffer in order; one that finds it full waits
     * (its promise with it) until there is room, and the rest of the outbound buffer behind it.
     */
    @Override
    protected void doWrite(ChannelOutboundBuffer in) {
        SctpAssociation a = association;
        for (;;) {
            Object msg = in.current();
            if (msg == null || sending != null) {
                return;
            }
            CompletableFuture<Void> f;
            try {
                f = a.sendAsync(MessageConversion.outbound((io.netty.channel.sctp.SctpMessage) msg));
            } catch (RuntimeException e) {
                in.remove(e);
                continue;
            }
            if (!f.isDone()) {
                sending = f;
                sendingMessage = msg;
                in.setUserDefinedWritability(SEND_BUFFER_WRITABILITY, false); // the send buffer is full
                // always a task of its own: inline, resuming the flush from within doWrite would be lost
                f.whenComplete((v, e) -> {
                    try {
                        eventLoop().execute(() -> sent(in, msg, e));
                    } catch (RejectedExecutionException gone) {
                        // the channel's loop is gone, and its outbound buffer with it
                    }
                });
                return;
            }
            Throwable failure = failure(f);
            if (failure != null) {
                in.remove(failure);
            } else {
                in.remove();
            }
        }
    }

    private void sent(ChannelOutboundBuffer in, Object msg, Throwable e) {
        if (sendingMessage != msg) {
            return;
        }
        sending = null;
        sendingMessage = null;
        if (in.current() == msg) {
            if (e != null) {
                in.remove(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                in.remove();
            }
        }
        ((UdpSctpUnsafe) unsafe()).resume();
        if (sending == null) {
            in.setUserDefinedWritability(SEND_BUFFER_WRITABILITY, true); // the send buffer took what waited
        }
    }

    private static Throwable failure(CompletableFuture<Void> f) {
        try {
            f.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private final class UdpSctpUnsafe extends AbstractUnsafe {

        void resume() {
            flush0();
        }

        /** Builds the channel's endpoint on its event loop and sets up the association (RFC 9260 section 5.1). */
        @Override
        public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
            if (!promise.setUncancellable() || !ensureOpen(promise)) {
                return;
            }
            if (association != null) {
                promise.setFailure(new AlreadyConnectedException());
                return;
            }
            if (connectPending) {
                promise.setFailure(new ConnectionPendingException());
                return;
            }
            if (!(remote instanceof InetSocketAddress r) || r.isUnresolved()) {
                promise.setFailure(new IllegalArgumentException("connect takes a resolved InetSocketAddress: " + remote));
                return;
            }
            if (local != null) {
                requestedLocal = (InetSocketAddress) local;
            }
            connectPending = true;
            SctpEndpoint.Builder b = SctpEndpoint.builder().eventLoopGroup(eventLoop());
            InetSocketAddress l = requestedLocal;
            java.util.List<InetAddress> addresses = new java.util.ArrayList<>();
            if (l != null) {
                b.sctpPort(l.getPort());
                if (l.getAddress() != null && !l.getAddress().isAnyLocalAddress()) {
                    addresses.add(l.getAddress());
                }
            }
            for (InetAddress ip : extraLocal) {
                if (!addresses.contains(ip)) {
                    addresses.add(ip);
                }
            }
            if (addresses.size() == 1) {
                b.localAddress(addresses.get(0));
            } else if (addresses.size() > 1) {
                b.localAddresses(addresses); // every address on the one UDP port (RFC 6951 section 5.1)
            }
            OptionStore store = config.store();
            CompletableFuture<SctpAssociation> setup;
            try {
                store.applyTo(b);
                b.option(SctpOptions.EVENTS, ALL_EVENTS);
                store.fix();
                setup = b.buildAsync().thenCompose(e -> {
                    ownedEndpoint = e;
                    if (!isOpen()) {
                        e.closeAsync();
                    }
                    java.util.List<InetSocketAddress> peer = new java.util.ArrayList<>();
                    peer.add(new InetSocketAddress(r.getAddress(), store.remoteUdpPort()));
                    for (InetAddress ip : store.remoteAddresses()) {
                        if (!ip.equals(r.getAddress())) {
                            peer.add(new InetSocketAddress(ip, store.remoteUdpPort())); // sctp_connectx
                        }
                    }
                    return peer.size() == 1 ? e.connectAsync(peer.get(0), r.getPort())
                            : e.connectAsync(peer, r.getPort());
                });
            } catch (RuntimeException e) {
                connectPending = false;
                promise.setFailure(e);
                return;
            }
            setup.whenComplete((a, e) -> onLoop(() -> {
                connectPending = false;
                if (e != null) {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    promise.tryFailure(annotateConnectException(cause, remote));
                    close(voidPromise());
                    return;
                }
                attach(a);
                if (!isOpen()) {
                    doClose();
                    promise.tryFailure(new java.nio.channels.ClosedChannelException());
                    return;
                }
                boolean mine = promise.trySuccess();
                pipeline().fireChannelActive();
                if (!mine) {
                    close(voidPromise());
                }
            }));
        }
    }
}
