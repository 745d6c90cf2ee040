package org.jsctp.api.netty;

import io.netty.channel.AbstractServerChannel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.sctp.SctpServerChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.api.NotificationKind;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpOptions;

/**
 * A Netty {@link SctpServerChannel} over SCTP on UDP (RFC 6951), a drop-in for Netty's
 * {@code NioSctpServerChannel}: {@code bind} takes the SCTP port (and address) to listen on,
 * {@link UdpSctpChannelOption#UDP_PORT} the UDP port (default 9899). Each association a peer
 * sets up becomes an accepted {@link UdpSctpChannel} (one-to-one style, RFC 6458 section 4),
 * read by the pipeline like Netty's accepted channels.
 *
 * <p>The endpoint runs on an event loop thread of its own (binding is synchronous in Netty);
 * accepted channels hand their reads over to the loop they are registered on. The SCTP options
 * set on this channel apply to every accepted association; closing it shuts them all down.
 */
public class UdpSctpServerChannel extends AbstractServerChannel implements SctpServerChannel {

    private final UdpSctpServerChannelConfig config = new UdpSctpServerChannelConfig(this,
            new OptionStore(org.jsctp.api.SctpEndpointBuilder.SCTP_UDP_PORT));
    private final List<InetAddress> extraAddresses = new ArrayList<>();
    private volatile SctpEndpoint endpoint;
    private volatile boolean open = true;

    /** Netty's bootstraps create it by reflection. */
    public UdpSctpServerChannel() {
    }

    @Override
    public UdpSctpServerChannelConfig config() {
        return config;
    }

    /** {@return our endpoint behind this channel, null before it is bound} */
    public SctpEndpoint sctpEndpoint() {
        return endpoint;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return open && endpoint != null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) super.localAddress();
    }

    /** The bound addresses with the SCTP port. */
    @Override
    public Set<InetSocketAddress> allLocalAddresses() {
        SctpEndpoint e = endpoint;
        Set<InetSocketAddress> s = new LinkedHashSet<>();
        if (e != null) {
            for (InetSocketAddress udp : e.localAddresses()) {
                s.add(new InetSocketAddress(udp.getAddress(), e.sctpPort()));
            }
        }
        return s;
    }

    /**
     * Adds an address to those the server will bind (sctp_bindx, RFC 6458 section 9.1): before
     * {@code bind} only, a multi-homed endpoint with every address on the one UDP port.
     */
    @Override
    public ChannelFuture bindAddress(InetAddress localAddress) {
        return bindAddress(localAddress, newPromise());
    }

    @Override
    public ChannelFuture bindAddress(InetAddress localAddress, ChannelPromise promise) {
        synchronized (extraAddresses) {
            if (endpoint != null) {
                return promise.setFailure(new UnsupportedOperationException("addresses of a bound server channel "
                        + "are fixed; add them with bindAddress before bind, or per association with "
                        + "UdpSctpChannel.bindAddress (ASCONF)"));
            }
            extraAddresses.add(localAddress);
        }
        return promise.setSuccess();
    }

    /** Removes an address added with {@link #bindAddress} before {@code bind}. */
    @Override
    public ChannelFuture unbindAddress(InetAddress localAddress) {
        return unbindAddress(localAddress, newPromise());
    }

    @Override
    public ChannelFuture unbindAddress(InetAddress localAddress, ChannelPromise promise) {
        synchronized (extraAddresses) {
            if (endpoint != null) {
                return promise.setFailure(new UnsupportedOperationException("addresses of a bound server channel "
                        + "are fixed; use UdpSctpChannel.unbindAddress (ASCONF) per association"));
            }
            extraAddresses.remove(localAddress);
        }
        return promise.setSuccess();
    }

    @Override
    protected boolean isCompatible(EventLoop loop) {
        return true;
    }

    @Override
    protected SocketAddress localAddress0() {
        SctpEndpoint e = endpoint;
        return e == null ? null : new InetSocketAddress(e.localAddress().getAddress(), e.sctpPort());
    }

    /** Binds the endpoint's UDP socket and listens (RFC 6458 section 4.1.3). */
    @Override
    protected void doBind(SocketAddress localAddress) throws Exception {
        InetSocketAddress l = (InetSocketAddress) localAddress;
        OptionStore store = config.store();
        SctpEndpoint.Builder b = SctpEndpoint.builder().sctpPort(l.getPort());
        store.applyTo(b);
        b.option(SctpOptions.EVENTS, EnumSet.allOf(NotificationKind.class));
        List<InetAddress> addresses = new ArrayList<>();
        if (l.getAddress() != null && !l.getAddress().isAnyLocalAddress()) {
            addresses.add(l.getAddress());
        }
        synchronized (extraAddresses) {
            addresses.addAll(extraAddresses);
        }
        if (addresses.size() == 1) {
            b.localAddress(addresses.get(0));
        } else if (addresses.size() > 1) {
            b.localAddresses(addresses);
        }
        SctpEndpoint e = b.build(); // the endpoint's own loop: waiting here cannot deadlock
        store.fix();
        e.listen(store.backlog());
        endpoint = e;
        acceptNext(e);
    }

    private void acceptNext(SctpEndpoint e) {
        e.acceptAsync().whenComplete((a, failure) -> {
            if (failure != null || a == null) {
                return; // closed
            }
            eventLoop().execute(() -> accepted(a));
            if (open) {
                acceptNext(e);
            }
        });
    }

    private void accepted(SctpAssociation a) {
        if (!open) {
            a.abort("server channel closed");
            return;
        }
        UdpSctpChannel child = new UdpSctpChannel(this, a, config.store());
        pipeline().fireChannelRead(child);
        pipeline().fireChannelReadComplete();
    }

    /** Closes the endpoint: its associations are shut down gracefully, then aborted after its close timeout. */
    @Override
    protected void doClose() {
        open = false;
        SctpEndpoint e = endpoint;
        if (e != null) {
            e.closeAsync();
        }
    }

    @Override
    protected void doBeginRead() {
        // accepting never pauses: the endpoint's backlog bounds what waits
    }
}
