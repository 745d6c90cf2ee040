package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * SSN/TSN Reset Request, RFC 6525 section 4.3: the sender asks to reset every stream and the
 * TSNs of both directions (an association reset).
 *
 * <pre>
 *  type = 15 | length = 8
 *  Re-configuration Request Sequence Number (32)
 * </pre>
 *
 * @param requestSequenceNumber this request's number (32-bit unsigned)
 */
public record SsnTsnResetRequestParameter(int requestSequenceNumber) implements ReconfigRequestParameter {

    /** Length in bytes of the parameter's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static SsnTsnResetRequestParameter decode(WireReader value) throws DecodeException {
        int request = value.readU32();
        // RFC 6525 section 4.3: the length is exactly 8.
        value.expectEnd();
        return new SsnTsnResetRequestParameter(request);
    }

    @Override
    public int type() {
        return ParameterType.SSN_TSN_RESET_REQUEST;
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU32(out, requestSequenceNumber);
    }
}
