package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * ECN Capable, RFC 9260 appendix A: the sender of an INIT or INIT ACK supports
 * Explicit Congestion Notification (ECNE and CWR chunks).
 *
 * <pre>
 *  type = 0x8000 | length = 4
 * </pre>
 */
public record EcnCapableParameter() implements Parameter {

    /** The only instance: the parameter has no fields. */
    public static final EcnCapableParameter INSTANCE = new EcnCapableParameter();

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static EcnCapableParameter decode(WireReader value) throws DecodeException {
        // RFC 9260 appendix A: the parameter is its header alone; value bytes make it malformed.
        value.expectEnd();
        return INSTANCE;
    }

    @Override
    public int type() {
        return ParameterType.ECN_CAPABLE;
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
    }
}
