package org.jsctp.api.netty;

import io.netty.channel.ChannelOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jsctp.api.SctpAuthKeys;
import org.jsctp.api.SctpOption;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpPrPolicy;
import org.jsctp.api.SctpStreamScheduler;

/**
 * Channel options of {@link UdpSctpChannel} and {@link UdpSctpServerChannel} for what Netty's
 * {@link io.netty.channel.sctp.SctpChannelOption} cannot express: the UDP encapsulation ports
 * (RFC 6951) and the extensions. Every {@link SctpOption} of {@link SctpOptions} is available as
 * a channel option through {@link #of(SctpOption)}; the constants below are the common ones.
 */
public final class UdpSctpChannelOption {

    private static final Map<ChannelOption<?>, SctpOption<?>> MAPPED = new ConcurrentHashMap<>();

    /** The local UDP port (RFC 6951 section 5.1); 0 picks a free one. Default: 9899 for a server channel, 0 for a client. */
    public static final ChannelOption<Integer> UDP_PORT = ChannelOption.valueOf(UdpSctpChannelOption.class, "UDP_PORT");

    /** The peer's UDP port until its packets tell the real one (RFC 6951 section 5.4). Default 9899. */
    public static final ChannelOption<Integer> REMOTE_UDP_PORT =
            ChannelOption.valueOf(UdpSctpChannelOption.class, "REMOTE_UDP_PORT");

    /**
     * The peer's further addresses for a client channel (sctp_connectx, RFC 6458 section 9.9; RFC
     * 9260 section 6.4): {@code connect} takes one, and a peer's INIT ACK may not list its others
     * (one behind a NAT must not, RFC 6951 section 5.4), so a multi-homed peer's other addresses
     * can be given here, each on {@link #REMOTE_UDP_PORT}. Default: none.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final ChannelOption<java.util.List<java.net.InetAddress>> REMOTE_ADDRESSES =
            (ChannelOption) ChannelOption.valueOf(UdpSctpChannelOption.class, "REMOTE_ADDRESSES");

    /**
     * The PR-SCTP policy of messages that carry no lifetime of their own (RFC 3758, RFC 7496's
     * SCTP_DEFAULT_PRINFO); a {@code MessageInfo.timeToLive()} above 0 wins over it.
     */
    public static final ChannelOption<SctpPrPolicy> PR_POLICY = of(SctpOptions.DEFAULT_PRINFO);

    /** Whether the peer's stream reset requests are performed (RFC 6525, SCTP_ENABLE_STREAM_RESET). */
    public static final ChannelOption<Boolean> STREAM_RESET = of(SctpOptions.ENABLE_STREAM_RESET);

    /** The outgoing stream scheduler (RFC 8260 section 4.3.1, SCTP_STREAM_SCHEDULER). */
    public static final ChannelOption<SctpStreamScheduler> STREAM_SCHEDULER = of(SctpOptions.STREAM_SCHEDULER);

    /** Zero checksum (RFC 9653): the error detection method announced, 0 (the default) for none. */
    public static final ChannelOption<Integer> ZERO_CHECKSUM = of(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE);

    /** Whether AUTH is offered (RFC 4895). */
    public static final ChannelOption<Boolean> AUTH_SUPPORTED = of(SctpOptions.AUTH_SUPPORTED);

    /** The AUTH shared keys and the active key (RFC 4895 section 6.1, SCTP_AUTH_KEY). */
    public static final ChannelOption<SctpAuthKeys> AUTH_KEYS = of(SctpOptions.AUTH_KEYS);

    /** Whether ASCONF is offered (RFC 5061); {@code bindAddress}/{@code unbindAddress} on a live channel need it on both sides. */
    public static final ChannelOption<Boolean> ASCONF = of(SctpOptions.ASCONF_ENABLED);

    /** The partial delivery point in bytes (RFC 6458 section 8.1.20). */
    public static final ChannelOption<Integer> PARTIAL_DELIVERY_POINT = of(SctpOptions.PARTIAL_DELIVERY_POINT);

    private UdpSctpChannelOption() {
    }

    /**
     * {@return the channel option that sets {@code option} (named {@code UdpSctpChannelOption#<RFC 6458 name>})}
     * Options that are not {@link SctpOption#isLive() live} take effect only when set before the
     * channel connects (client) or binds (server).
     *
     * @param <T> the option's value type
     * @param option one of {@link org.jsctp.api.SctpOptions}
     */
    public static <T> ChannelOption<T> of(SctpOption<T> option) {
        Objects.requireNonNull(option, "option");
        ChannelOption<T> key = ChannelOption.valueOf(UdpSctpChannelOption.class, option.name());
        MAPPED.putIfAbsent(key, option);
        return key;
    }

    /** The {@link SctpOption} behind a channel option made by {@link #of}, or null. */
    @SuppressWarnings("unchecked")
    static <T> SctpOption<T> sctpOption(ChannelOption<T> key) {
        return (SctpOption<T>) MAPPED.get(key);
    }
}
