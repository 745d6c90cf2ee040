/**
 * One immutable record per parameter type of INIT, INIT ACK, HEARTBEAT, ASCONF and RE-CONFIG
 * (RFC 9260 section 3.3.2.1 and the extensions), each with {@code decode} from its value; unknown
 * types are kept as {@link org.jsctp.core.packet.param.UnknownParameter} and reported as RFC 9260
 * section 3.2.1 says.
 */
package org.jsctp.core.packet.param;
