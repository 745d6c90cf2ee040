package org.jsctp.core.rx;

/**
 * A message that was being delivered in pieces and will not be completed (RFC 6458 section
 * 6.1.7, SCTP_PARTIAL_DELIVERY_EVENT with SCTP_PARTIAL_DELIVERY_ABORTED): the peer abandoned the
 * rest of it (RFC 3758 section 3.6, RFC 8260 section 2.3), its stream was reset (RFC 6525
 * section 5.2.2), or the association ended. The pieces already handed out stay with the user; no
 * further piece of this message follows.
 *
 * @param streamId the message's stream (pdapi_stream)
 * @param unordered whether it was an unordered message
 * @param sequenceNumber its SSN (DATA) or MID (I-DATA) (pdapi_seq)
 */
public record AbortedPartialDelivery(int streamId, boolean unordered, long sequenceNumber) {
}
