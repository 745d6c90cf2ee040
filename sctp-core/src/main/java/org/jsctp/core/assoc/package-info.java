/**
 * The association and the endpoint, sans-IO: {@link org.jsctp.core.assoc.Endpoint} answers
 * INITs and COOKIE ECHOs without keeping state (RFC 9260 section 5.1), and
 * {@link org.jsctp.core.assoc.Association} is one association, driven by packets, timeouts and
 * user calls that each take the current time, with its output packets and
 * {@link org.jsctp.core.assoc.AssociationEvent}s polled afterwards. The parts of the association
 * (handshake, data sender and receiver, path supervision, shutdown, extensions) are classes of
 * their own here; {@link org.jsctp.core.assoc.AssociationConfig} holds the protocol parameters.
 */
package org.jsctp.core.assoc;
