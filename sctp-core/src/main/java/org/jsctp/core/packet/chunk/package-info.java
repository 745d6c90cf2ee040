/**
 * One immutable record per chunk type (RFC 9260 section 3.3 and the extensions: AUTH, ASCONF,
 * RE-CONFIG, FORWARD TSN, I-DATA, NR-SACK, PAD), each with {@code decode} from its flags and
 * value and the encoding of {@link org.jsctp.core.packet.WireElement}; unknown types are kept as
 * {@link org.jsctp.core.packet.chunk.UnknownChunk}.
 */
package org.jsctp.core.packet.chunk;
