/**
 * SCTP over UDP encapsulation (RFC 6951) on Netty: {@link org.jsctp.transport.UdpSctpEndpoint}
 * binds one UDP socket and drives the sans-IO core ({@code org.jsctp.core.assoc}) on one event
 * loop, or one socket per loop on the same port with SO_REUSEPORT
 * ({@link org.jsctp.transport.UdpSctpEndpoint.Builder#eventLoops(int)}, epoll).
 *
 * <h2>Threading</h2>
 * Everything that touches an association's core runs on its event loop (the endpoint's, unless
 * it has several; then each association is owned by one, and packets another loop receives for
 * it are handed over). Public methods may be
 * called from any thread; user calls on an association are queued as event-loop tasks. Events
 * reach the {@link org.jsctp.transport.AssociationListener} on the event loop, after the core
 * finished the input that caused them.
 *
 * <h2>Routing</h2>
 * INIT and COOKIE ECHO go to the core's endpoint; other packets go to the association our
 * verification tag and the sender's IP address select (ABORT and SHUTDOWN COMPLETE with the T bit
 * by the sender's tag); what no association claims gets the endpoint's out-of-the-blue handling.
 * A packet that reaches an association by our tag updates the association's remote UDP port if it
 * changed (RFC 6951 section 5.4, e.g. NAT rebinding); nothing else does.
 *
 * <h2>Sizes</h2>
 * The association's {@code pathMtu} is the SCTP packet size, i.e. the UDP payload: UDP and IP
 * headers are already excluded. Received datagrams up to 65535 bytes are read whole.
 *
 * <h2>Buffers</h2>
 * A received {@code DatagramPacket} is copied into a {@code byte[]} and released immediately;
 * decoded packets and delivered messages share that array, which is never reused. Each packet
 * sent is encoded into a pooled buffer of exactly its size, whose ownership passes to Netty with
 * the write. Writes are flushed once per read batch, timer expiry or user call.
 */
package org.jsctp.transport;
