/**
 * Sequence numbers as distinct types: TSN, SSN, MID, FSN and the ASCONF serial number, each
 * compared with RFC 1982 serial number arithmetic so comparisons stay right across the wrap,
 * and {@link org.jsctp.core.seq.SerialUnwrapper} to place 32-bit values on a 64-bit line.
 */
package org.jsctp.core.seq;
