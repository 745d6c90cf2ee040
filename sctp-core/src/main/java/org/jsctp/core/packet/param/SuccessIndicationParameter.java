package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Success Indication, RFC 5061 section 4.2.5: an ASCONF-ACK's report that the request with this
 * correlation ID succeeded.
 *
 * <pre>
 *  type = 0xC005 | length = 8
 *  ASCONF-Request Correlation ID (32)
 * </pre>
 *
 * @param correlationId the correlation ID of the request that succeeded
 */
public record SuccessIndicationParameter(int correlationId) implements CorrelatedParameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static SuccessIndicationParameter decode(WireReader value) throws DecodeException {
        int correlationId = value.readU32();
        // RFC 5061 section 4.2.5: the length is exactly 8.
        value.expectEnd();
        return new SuccessIndicationParameter(correlationId);
    }

    @Override
    public int type() {
        return ParameterType.SUCCESS_INDICATION;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, correlationId);
    }
}
