package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.ErrorCauses;

/**
 * Error Cause Indication, RFC 5061 section 4.2.3: an ASCONF-ACK's report that the request with
 * this correlation ID failed, and why.
 *
 * <pre>
 *  type = 0xC003 | length
 *  ASCONF-Request Correlation ID (32)
 *  Error Cause(s): a list of error causes as in RFC 9260 section 3.3.10
 * </pre>
 *
 * <p>The last cause goes unpadded: its padding is this parameter's (RFC 9260 section 3.2).
 *
 * @param correlationId the correlation ID of the request that failed
 * @param causes the reasons it failed; may be empty
 */
public record ErrorCauseIndicationParameter(int correlationId, List<ErrorCause> causes) implements CorrelatedParameter {

    /**
     * Copies what is mutable.
     *
     * @param correlationId the correlation ID of the request that failed
     * @param causes the reasons it failed; may be empty
     */
    public ErrorCauseIndicationParameter {
        causes = List.copyOf(causes);
        ValueLimits.valueLength(4 + ErrorCauses.listLength(causes), "Error Cause Indication");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static ErrorCauseIndicationParameter decode(WireReader value) throws DecodeException {
        int correlationId = value.readU32();
        // RFC 5061 section 4.2.3: error causes fill the rest of the parameter.
        List<ErrorCause> causes = ErrorCauses.decodeList(value);
        return new ErrorCauseIndicationParameter(correlationId, causes);
    }

    @Override
    public int type() {
        return ParameterType.ERROR_CAUSE_INDICATION;
    }

    @Override
    public int valueLength() {
        return 4 + ErrorCauses.listLength(causes);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, correlationId);
        ErrorCauses.encodeList(out, causes);
    }
}
