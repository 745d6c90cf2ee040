package org.jsctp.api.netty;

import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsctp.api.InitParameters;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpointBuilder;
import org.jsctp.api.SctpOption;
import org.jsctp.api.SctpOptions;
import org.jsctp.core.assoc.AssociationConfig;

/**
 * The SCTP settings of one channel: Netty's standard {@link SctpChannelOption}s mapped onto our
 * {@link SctpOptions} (RFC 6458 section 8), the custom {@link UdpSctpChannelOption}s, and the
 * UDP ports. Values are kept until the endpoint is built ({@link #applyTo}); once the channel
 * has an association, live options go straight to it and the others fail with
 * {@link IllegalStateException}.
 */
final class OptionStore {

    private static final AssociationConfig DEFAULTS = AssociationConfig.defaults();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OptionStore.class);

    private final Map<SctpOption<?>, Object> values = new LinkedHashMap<>();
    private int udpPort;
    private int remoteUdpPort = SctpEndpointBuilder.SCTP_UDP_PORT;
    private int backlog = 128;
    private java.util.List<InetAddress> remoteAddresses = java.util.List.of();
    private InetAddress primary;
    private InetAddress peerPrimary;
    private volatile SctpAssociation live;
    private volatile boolean fixed;

    OptionStore(int udpPort) {
        this.udpPort = udpPort;
    }

    /** A child channel's store: the server's values, with the association already live. */
    synchronized OptionStore copyFor(SctpAssociation association) {
        OptionStore s = new OptionStore(udpPort);
        s.values.putAll(values);
        s.remoteUdpPort = remoteUdpPort;
        s.fixed = true;
        s.live = association;
        return s;
    }

    int udpPort() {
        return udpPort;
    }

    int remoteUdpPort() {
        return remoteUdpPort;
    }

    /** The peer's further addresses (UdpSctpChannelOption.REMOTE_ADDRESSES). */
    synchronized java.util.List<InetAddress> remoteAddresses() {
        return remoteAddresses;
    }

    int backlog() {
        return backlog;
    }

    /** The endpoint is built: endpoint-wide values (ports, backlog, options not live) are fixed from now on. */
    void fix() {
        fixed = true;
    }

    /** The channel's association is up: live options go to it; a primary set before is applied now. */
    synchronized void attach(SctpAssociation association) {
        this.live = association;
        if (primary != null) {
            logFailure(association.setPrimaryAsync(primary), SctpChannelOption.SCTP_PRIMARY_ADDR, primary);
        }
        if (peerPrimary != null) {
            logFailure(association.setPeerPrimary(peerPrimary), SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR,
                    peerPrimary);
        }
    }

    /** Hands every stored SCTP option and the ports to an endpoint builder. */
    synchronized void applyTo(SctpEndpointBuilder<?, ?> b) {
        b.udpPort(udpPort).remoteUdpPort(remoteUdpPort);
        for (Map.Entry<SctpOption<?>, Object> e : values.entrySet()) {
            put(b, e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void put(SctpEndpointBuilder<?, ?> b, SctpOption<T> o, Object v) {
        b.option(o, (T) v);
    }

    /**
     * Sets a standard or custom option; false if it is neither (the caller then asks Netty's own
     * config).
     *
     * @throws UnsupportedOperationException for SCTP_DISABLE_FRAGMENTS or SCTP_EXPLICIT_COMPLETE set to true
     * @throws IllegalStateException for an endpoint-wide option once the endpoint is built
     * @throws IllegalArgumentException for a value out of range
     */
    @SuppressWarnings("unchecked")
    synchronized <T> boolean set(ChannelOption<T> key, T value) {
        if (key == UdpSctpChannelOption.UDP_PORT) {
            requireNotFixed(key);
            udpPort = port((Integer) value, 0, key);
        } else if (key == UdpSctpChannelOption.REMOTE_UDP_PORT) {
            requireNotFixed(key);
            remoteUdpPort = port((Integer) value, 1, key);
        } else if (key == UdpSctpChannelOption.REMOTE_ADDRESSES) {
            requireNotFixed(key);
            java.util.List<InetAddress> l = java.util.List.copyOf((java.util.List<InetAddress>) value);
            if (l.stream().anyMatch(ip -> ip.isAnyLocalAddress())) {
                throw new IllegalArgumentException(key.name() + " takes the peer's addresses, not the wildcard: " + l);
            }
            remoteAddresses = l;
        } else if (key == ChannelOption.SO_BACKLOG) {
            requireNotFixed(key);
            if ((Integer) value < 1) {
                throw new IllegalArgumentException("SO_BACKLOG must be at least 1: " + value);
            }
            backlog = (Integer) value;
        } else if (key == SctpChannelOption.SCTP_NODELAY) {
            setSctp(SctpOptions.NODELAY, (Boolean) value);
        } else if (key == ChannelOption.SO_SNDBUF) {
            setSctp(SctpOptions.SEND_BUFFER, (Integer) value);
        } else if (key == ChannelOption.SO_RCVBUF) {
            setSctp(SctpOptions.RECEIVE_BUFFER, (Integer) value);
        } else if (key == SctpChannelOption.SCTP_INIT_MAXSTREAMS) {
            InitMaxStreams m = (InitMaxStreams) value;
            InitParameters now = get(SctpOptions.INIT_MSG);
            setSctp(SctpOptions.INIT_MSG, new InitParameters(m.maxOutStreams(), m.maxInStreams(),
                    now.maxAttempts(), now.maxInitTimeout()));
        } else if (key == SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE) {
            // RFC 6458 section 8.1 (SCTP_FRAGMENT_INTERLEAVE): level 2 interleaves messages of
            // different streams, which is what I-DATA does (RFC 8260 section 1); 0 and 1 need none.
            int level = (Integer) value;
            if (level < 0 || level > 2) {
                throw new IllegalArgumentException("SCTP_FRAGMENT_INTERLEAVE must be 0, 1 or 2: " + level);
            }
            setSctp(SctpOptions.INTERLEAVING_SUPPORTED, level == 2);
        } else if (key == SctpChannelOption.SCTP_DISABLE_FRAGMENTS
                || key == SctpChannelOption.SCTP_EXPLICIT_COMPLETE) {
            if ((Boolean) value) {
                throw new UnsupportedOperationException(key.name() + " is not supported over UDP encapsulation: "
                        + "messages are always fragmented and sent whole (RFC 6458 section 8.1)");
            }
        } else if (key == SctpChannelOption.SCTP_PRIMARY_ADDR) {
            primary = address(value, key);
            if (live != null) {
                // RFC 6458 SCTP_PRIMARY_ADDR, RFC 9260 section 6.4
                logFailure(live.setPrimaryAsync(primary), key, primary);
            }
        } else if (key == SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR) {
            peerPrimary = address(value, key);
            if (live != null) {
                // RFC 6458 SCTP_SET_PEER_PRIMARY_ADDR, RFC 5061 section 4.2.4
                logFailure(live.setPeerPrimary(peerPrimary), key, peerPrimary);
            }
        } else {
            SctpOption<T> o = UdpSctpChannelOption.sctpOption(key);
            if (o == null) {
                return false;
            }
            setSctp(o, value);
        }
        return true;
    }

    /** A standard or custom option's value; null if it is neither. */
    @SuppressWarnings("unchecked")
    synchronized <T> T getOption(ChannelOption<T> key) {
        Object v;
        if (key == UdpSctpChannelOption.UDP_PORT) {
            v = udpPort;
        } else if (key == UdpSctpChannelOption.REMOTE_UDP_PORT) {
            v = remoteUdpPort;
        } else if (key == UdpSctpChannelOption.REMOTE_ADDRESSES) {
            v = remoteAddresses;
        } else if (key == ChannelOption.SO_BACKLOG) {
            v = backlog;
        } else if (key == SctpChannelOption.SCTP_NODELAY) {
            v = get(SctpOptions.NODELAY);
        } else if (key == ChannelOption.SO_SNDBUF) {
            v = get(SctpOptions.SEND_BUFFER);
        } else if (key == ChannelOption.SO_RCVBUF) {
            v = get(SctpOptions.RECEIVE_BUFFER);
        } else if (key == SctpChannelOption.SCTP_INIT_MAXSTREAMS) {
            InitParameters p = get(SctpOptions.INIT_MSG);
            v = InitMaxStreams.create(p.maxInboundStreams(), p.outboundStreams());
        } else if (key == SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE) {
            v = Boolean.TRUE.equals(get(SctpOptions.INTERLEAVING_SUPPORTED)) ? 2 : 0;
        } else if (key == SctpChannelOption.SCTP_DISABLE_FRAGMENTS
                || key == SctpChannelOption.SCTP_EXPLICIT_COMPLETE) {
            v = false;
        } else if (key == SctpChannelOption.SCTP_PRIMARY_ADDR) {
            SctpAssociation a = live;
            InetAddress p = a != null ? a.primaryAddress() : primary;
            v = p == null ? null : new InetSocketAddress(p, a != null ? a.remoteSctpPort() : 0);
        } else if (key == SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR) {
            v = peerPrimary == null ? null : new InetSocketAddress(peerPrimary, 0);
        } else {
            SctpOption<T> o = UdpSctpChannelOption.sctpOption(key);
            v = o == null ? null : get(o);
        }
        return (T) v;
    }

    /** The value of one of our options: the association's once live, else the stored or the default one. */
    @SuppressWarnings("unchecked")
    synchronized <T> T get(SctpOption<T> o) {
        SctpAssociation a = live;
        if (a != null) {
            return a.getOption(o);
        }
        if (values.containsKey(o)) {
            return (T) values.get(o);
        }
        return (T) defaultValue(o);
    }

    private static Object defaultValue(SctpOption<?> o) {
        if (o == SctpOptions.INIT_MSG) {
            return new InitParameters(DEFAULTS.outboundStreams(), DEFAULTS.maxInboundStreams(),
                    DEFAULTS.maxInitRetransmits(), Duration.ofNanos(DEFAULTS.rtoMaxNanos()));
        } else if (o == SctpOptions.SEND_BUFFER) {
            return (int) Math.min(Integer.MAX_VALUE, DEFAULTS.sendBufferBytes());
        } else if (o == SctpOptions.RECEIVE_BUFFER) {
            return DEFAULTS.receiveBufferBytes();
        } else if (o == SctpOptions.NODELAY) {
            return DEFAULTS.noDelay();
        } else if (o == SctpOptions.PARTIAL_DELIVERY_POINT) {
            return DEFAULTS.partialDeliveryPointBytes();
        }
        return null; // not set: the endpoint's default applies
    }

    private <T> void setSctp(SctpOption<T> o, T value) {
        o.validate(value);
        SctpAssociation a = live;
        if (a != null) {
            a.setOption(o, value); // live options only; the others throw IllegalStateException
            return;
        }
        requireNotFixed(o);
        values.remove(o); // later settings win
        values.put(o, value);
    }

    private void requireNotFixed(Object what) {
        if (fixed) {
            throw new IllegalStateException(what + " cannot be changed once the channel is bound or connected; "
                    + "set it on the bootstrap before");
        }
    }

    /** Setting an option has no future to give back its outcome: a refusal is logged, not lost. */
    private static void logFailure(java.util.concurrent.CompletableFuture<Void> f, ChannelOption<?> key,
                                   InetAddress address) {
        f.whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("{} {} failed: {}", key.name(), address, e.getMessage());
            }
        });
    }

    private static int port(int port, int min, ChannelOption<?> key) {
        if (port < min || port > 65535) {
            throw new IllegalArgumentException(key.name() + " must be in " + min + "..65535: " + port);
        }
        return port;
    }

    private static InetAddress address(Object value, ChannelOption<?> key) {
        if (value instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return isa.getAddress();
        }
        throw new IllegalArgumentException(key.name() + " takes a resolved InetSocketAddress: " + value);
    }

    @Override
    public String toString() {
        return "OptionStore" + values;
    }
}
