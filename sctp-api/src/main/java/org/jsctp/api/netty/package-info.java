/**
 * Netty SCTP channels over our stack: {@link org.jsctp.api.netty.UdpSctpChannel} and
 * {@link org.jsctp.api.netty.UdpSctpServerChannel} implement Netty 4.2's
 * {@link io.netty.channel.sctp.SctpChannel} and {@link io.netty.channel.sctp.SctpServerChannel}
 * on SCTP over UDP (RFC 6951), so a Netty SCTP application runs without kernel SCTP by changing
 * the channel class it bootstraps with. Netty's standard
 * {@link io.netty.channel.sctp.SctpChannelOption}s map onto {@link org.jsctp.api.SctpOptions};
 * {@link org.jsctp.api.netty.UdpSctpChannelOption} adds the UDP ports and the extensions. See
 * docs/NETTY.md.
 */
package org.jsctp.api.netty;
