/**
 * The SCTP packet codec (RFC 9260 section 3): the common header, packet decoding and encoding
 * with the CRC32C checksum (section 6.8, or zero under RFC 9653), and the bounded reader and
 * writer that do every length and padding check in one place. Decode errors are typed
 * ({@link org.jsctp.core.packet.DecodeException} with a reason and the offset).
 */
package org.jsctp.core.packet;
