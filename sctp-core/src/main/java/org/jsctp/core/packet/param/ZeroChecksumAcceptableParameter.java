package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Zero Checksum Acceptable, RFC 9653 section 4: the sender of an INIT or INIT ACK accepts packets
 * with a zero checksum when the given alternate error detection method protects them.
 *
 * <pre>
 *  type = 0x8001 | length = 8
 *  Error Detection Method Identifier (EDMID) (32)
 * </pre>
 *
 * @param errorDetectionMethod the EDMID, a 32-bit unsigned value from the IANA registry, e.g.
 *     {@link #EDMID_SCTP_OVER_DTLS}; unknown values are kept as received
 */
public record ZeroChecksumAcceptableParameter(int errorDetectionMethod) implements Parameter {

    /** EDMID 0 is reserved in the RFC 9653 registry. */
    public static final int EDMID_RESERVED = 0;
    /** EDMID 1: SCTP carried over DTLS (RFC 8261), as RFC 9653 defines it. */
    public static final int EDMID_SCTP_OVER_DTLS = 1;

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ZeroChecksumAcceptableParameter decode(WireReader value) throws DecodeException {
        // RFC 9653 section 4: the length is exactly 8. Whether the EDMID is one this endpoint
        // supports is the association's decision, so any value decodes.
        int edmid = value.readU32();
        value.expectEnd();
        return new ZeroChecksumAcceptableParameter(edmid);
    }

    @Override
    public int type() {
        return ParameterType.ZERO_CHECKSUM_ACCEPTABLE;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, errorDetectionMethod);
    }
}
