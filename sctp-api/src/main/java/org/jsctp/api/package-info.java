/**
 * The socket-like SCTP API, shaped after RFC 6458 and the JDK's {@code com.sun.nio.sctp}, over
 * UDP encapsulation (RFC 6951). Public types use only JDK types, these types and Netty's
 * {@code EventLoopGroup}.
 *
 * <h2>Overview</h2>
 * <ul>
 *   <li>{@link org.jsctp.api.SctpEndpoint} is the one-to-one style (RFC 6458 section 4):
 *       {@code connect}, or {@code listen} and {@code accept}; each
 *       {@link org.jsctp.api.SctpAssociation} sends and receives by itself.</li>
 *   <li>{@link org.jsctp.api.SctpMultiEndpoint} is the one-to-many style (section 3): messages of
 *       every association are received on the endpoint; sending to a new peer sets an association
 *       up implicitly.</li>
 *   <li>{@link org.jsctp.api.SctpMessage} goes out, {@link org.jsctp.api.SctpReceivedMessage}
 *       comes in; {@link org.jsctp.api.SctpNotification}s of the subscribed
 *       {@link org.jsctp.api.NotificationKind kinds} report the rest; an
 *       {@link org.jsctp.api.SctpListener} takes both on the event loop instead of queues.</li>
 *   <li>{@link org.jsctp.api.SctpOptions} holds the typed options; {@code statistics()} the
 *       SCTP_STATUS-like counters; failures are {@link org.jsctp.api.SctpException}s that say
 *       what happened.</li>
 * </ul>
 *
 * <h2>Flow control</h2>
 * Each association has a bounded send buffer (SO_SNDBUF): {@code send} waits for room,
 * {@code sendAsync} completes when the message is taken, {@code trySend} says no when full.
 * A received message counts against the receive window (SO_RCVBUF) until the application has
 * taken it (or the listener returned), so a slow reader slows the sender down rather than
 * filling memory.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * try (SctpEndpoint server = SctpEndpoint.builder().udpPort(9899).sctpPort(7).build();
 *      SctpEndpoint client = SctpEndpoint.builder().udpPort(0).build()) {
 *     server.listen();
 *     server.acceptAsync().thenAccept(a -> a.setListener(new SctpListener() {
 *         public void onMessage(SctpReceivedMessage m) {     // on the event loop: no blocking
 *             a.sendAsync(SctpMessage.wrap(m.toByteArray()).withStream(m.stream()));
 *         }
 *     }));
 *     SctpAssociation a = client.connect(new InetSocketAddress("127.0.0.1", 9899), 7);
 *     a.send(SctpMessage.of("hello".getBytes(UTF_8)).withStream(1));
 *     SctpReceivedMessage echo = a.receive(Duration.ofSeconds(5));
 *     System.out.println(new String(echo.toByteArray(), UTF_8) + " on stream " + echo.stream());
 *     System.out.println(a.statistics());
 *     a.shutdown();                                          // graceful: SHUTDOWN, SHUTDOWN ACK, ...
 * }
 * }</pre>
 */
package org.jsctp.api;
