/**
 * The receiving side of data transfer: which TSNs arrived, gaps, duplicates and the SACK built
 * from them (RFC 9260 section 6.2), and the reassembly of DATA and I-DATA fragments into messages,
 * in order per stream or unordered, with partial delivery of large messages, all bounded by the
 * receive buffer.
 */
package org.jsctp.core.rx;
