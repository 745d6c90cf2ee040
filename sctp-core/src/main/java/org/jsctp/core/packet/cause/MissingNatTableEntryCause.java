package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Missing State, draft-ietf-tsvwg-natsupp section 5.2.2 (called Missing NAT Table Entry in
 * earlier drafts and in FreeBSD): an SCTP-aware NAT has no entry for a packet of this
 * association, for instance after it restarted. Sent by the NAT in an ERROR with the M bit set;
 * the endpoint can then restore the entry (draft-ietf-tsvwg-natsupp section 6).
 *
 * <pre>
 *  Cause Code = 0x00B1 | Cause Length
 *  Incoming Packet: the IPv4 or IPv6 packet, IP header included, possibly truncated (Cause Length - 4)
 * </pre>
 *
 * <p>The draft lets the NAT truncate the copy, and FreeBSD's NAT (libalias) sends no copy at
 * all, so the value may be empty. It is kept byte for byte (see {@link Echoed}).
 *
 * @param packet the (possibly truncated, possibly empty) IP packet that found no NAT entry
 */
public record MissingNatTableEntryCause(Bytes packet) implements ErrorCause {

    /** The cause without a copy of the packet, as FreeBSD sends it. */
    public static final MissingNatTableEntryCause NO_PACKET = new MissingNatTableEntryCause(Bytes.empty());

    /**
     * Checks the ranges.
     *
     * @param packet the (possibly truncated, possibly empty) IP packet that found no NAT entry
     */
    public MissingNatTableEntryCause {
        Echoed.check(packet, 0, "incoming packet");
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static MissingNatTableEntryCause decode(WireReader value) throws DecodeException {
        // draft-ietf-tsvwg-natsupp section 5.2.2: the copy may be truncated, to nothing in practice
        return new MissingNatTableEntryCause(value.readRemaining());
    }

    /** {@return the IP version of the copied packet (4 or 6 when well formed), or -1 when there is no copy} */
    public int ipVersion() {
        return packet.isEmpty() ? -1 : packet.getUnsigned(0) >> 4;
    }

    @Override
    public int code() {
        return CauseCode.MISSING_NAT_TABLE_ENTRY;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), packet.isEmpty() ? ""
                : packet.length() + "-byte copy of an IPv" + ipVersion() + " packet");
    }

    @Override
    public int valueLength() {
        return packet.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        packet.writeTo(out);
    }
}
