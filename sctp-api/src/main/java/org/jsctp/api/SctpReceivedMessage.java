package org.jsctp.api;

import java.nio.ByteBuffer;

/**
 * A message received on an association, with what RFC 6458 section 5.3.5's {@code sctp_rcvinfo}
 * tells about it.
 *
 * <p>The payload is a read-only {@link ByteBuffer} over the bytes as they arrived (no copy is
 * made); it stays valid for as long as it is referenced. {@link #toByteArray()} copies it.
 */
public final class SctpReceivedMessage {

    private final SctpAssociation association;
    private final ByteBuffer payload;
    private final int stream;
    private final long ssn;
    private final long tsn;
    private final int ppid;
    private final boolean unordered;
    private final boolean complete;

    SctpReceivedMessage(SctpAssociation association, ByteBuffer payload, int stream, long ssn, long tsn, int ppid,
                        boolean unordered, boolean complete) {
        this.association = association;
        this.payload = payload;
        this.stream = stream;
        this.ssn = ssn;
        this.tsn = tsn;
        this.ppid = ppid;
        this.unordered = unordered;
        this.complete = complete;
    }

    /** {@return the association it arrived on} */
    public SctpAssociation association() {
        return association;
    }

    /** {@return the payload, read-only; each call returns a fresh view positioned at its start} */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** {@return a copy of the payload} */
    public byte[] toByteArray() {
        byte[] b = new byte[payload.remaining()];
        payload.duplicate().get(b);
        return b;
    }

    /** {@return payload length in bytes} */
    public int length() {
        return payload.remaining();
    }

    /** {@return the stream it arrived on} */
    public int stream() {
        return stream;
    }

    /**
     * {@return its stream sequence number: the SSN (0..65535) when it came in DATA chunks, the MID
     * (0..2^32-1) with I-DATA (RFC 8260)} Meaningless for an unordered DATA message (RFC 9260
     * section 6.6).
     */
    public long ssn() {
        return ssn;
    }

    /** {@return the TSN of its first fragment, as an unsigned 32-bit value} */
    public long tsn() {
        return tsn;
    }

    /** {@return the payload protocol identifier the sender set} */
    public int ppid() {
        return ppid;
    }

    /** {@return whether it was sent unordered} */
    public boolean isUnordered() {
        return unordered;
    }

    /**
     * {@return whether this completes its message (MSG_EOR of RFC 6458)} A message that reaches the
     * {@link SctpOptions#PARTIAL_DELIVERY_POINT} while it is reassembled arrives in pieces, in
     * order, with nothing else of its stream between them; all but the last say false.
     */
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String toString() {
        return "SctpReceivedMessage[" + length() + " bytes, stream " + stream + ", ssn " + ssn + ", tsn " + tsn
                + ", ppid " + Integer.toUnsignedString(ppid) + (unordered ? ", unordered" : "") + ", association "
                + association.id() + "]";
    }
}
