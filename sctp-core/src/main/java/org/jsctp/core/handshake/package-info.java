/**
 * The State Cookie (RFC 9260 sections 5.1.3 and 5.1.5): what it carries, HMAC-SHA256 sealing
 * under a rotating secret, the check of a returned cookie, replay protection, and the
 * extensions both sides negotiated ({@link org.jsctp.core.handshake.Capabilities}).
 */
package org.jsctp.core.handshake;
