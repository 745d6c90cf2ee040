/**
 * SCTP-AUTH (RFC 4895): each side's RANDOM, CHUNKS and HMAC-ALGO parameters, the endpoint-pair
 * shared keys and the association shared key derived from them (section 6.1), and the HMAC of
 * the AUTH chunks sent and checked (sections 6.2 and 6.3).
 */
package org.jsctp.core.auth;
