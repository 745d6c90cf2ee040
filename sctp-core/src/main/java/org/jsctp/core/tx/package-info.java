/**
 * The sending side of data transfer: the send queue with stream scheduling and fragmentation,
 * PR-SCTP policies (RFC 3758, RFC 7496), the data in flight with SACK processing and
 * retransmission (RFC 9260 sections 6.2.1, 6.3 and 7.2.4), and the RTO estimator (section 6.3.1).
 */
package org.jsctp.core.tx;
