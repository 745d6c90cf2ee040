package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * VTags, draft-ietf-tsvwg-natsupp section 5.3.2: sent in an ASCONF that adds an address, it tells
 * NAT functions on the new path which verification tags the association uses, so they can set up
 * their state for it.
 *
 * <pre>
 *  type = 0xC008 | length = 16
 *  ASCONF-Request Correlation ID (32)
 *  Internal Verification Tag (32)
 *  Remote Verification Tag (32)
 * </pre>
 *
 * <p>The type number is the one the draft suggests and FreeBSD/usrsctp use (SCTP_NAT_VTAGS).
 *
 * @param correlationId the ASCONF-Request Correlation ID of this request
 * @param internalVerificationTag the verification tag chosen by the host behind the NAT function
 * @param remoteVerificationTag the verification tag chosen by the remote host
 */
public record VtagsParameter(int correlationId, int internalVerificationTag, int remoteVerificationTag)
        implements CorrelatedParameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 12;

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static VtagsParameter decode(WireReader value) throws DecodeException {
        int correlationId = value.readU32();
        int internal = value.readU32();
        int remote = value.readU32();
        // draft-ietf-tsvwg-natsupp section 5.3.2: the length is exactly 16.
        value.expectEnd();
        return new VtagsParameter(correlationId, internal, remote);
    }

    @Override
    public int type() {
        return ParameterType.VTAGS;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, correlationId);
        WireWriter.writeU32(out, internalVerificationTag);
        WireWriter.writeU32(out, remoteVerificationTag);
    }
}
