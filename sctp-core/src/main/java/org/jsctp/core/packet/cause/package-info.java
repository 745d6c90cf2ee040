/**
 * One immutable record per error cause of ERROR and ABORT chunks (RFC 9260 section 3.3.10, RFC
 * 5061 section 4.3, RFC 4895 and draft-ietf-tsvwg-natsupp), each with {@code decode} from its
 * value; unknown codes are kept as {@link org.jsctp.core.packet.cause.UnknownCause}.
 */
package org.jsctp.core.packet.cause;
